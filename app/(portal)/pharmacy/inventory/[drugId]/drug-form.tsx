"use client";

import { useActionState } from "react";
import { FormField, Input, SubmitButton, Textarea } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitDrugUpdate } from "@/lib/pharmacy/catalogue/actions";

export interface EditableDrug {
  id: string;
  priceCents: number;
  barcode: string | null;
  description: string;
  reorderLevel: number;
  reorderQuantity: number;
  otc: boolean;
  active: boolean;
}

export function DrugForm({ drug }: { drug: EditableDrug }) {
  const [state, action] = useActionState<FormState, FormData>(submitDrugUpdate, {});
  const err = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="drugId" value={drug.id} />
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Price in cents" error={err("priceCents")} required>
          <Input name="priceCents" type="number" min={0} defaultValue={drug.priceCents} />
        </FormField>
        <FormField label="Barcode" error={err("barcode")}>
          <Input name="barcode" inputMode="numeric" defaultValue={drug.barcode ?? ""} autoComplete="off" />
        </FormField>
        <FormField label="Reorder level" error={err("reorderLevel")} required>
          <Input name="reorderLevel" type="number" min={0} defaultValue={drug.reorderLevel} />
        </FormField>
        <FormField label="Reorder quantity" error={err("reorderQuantity")} required>
          <Input name="reorderQuantity" type="number" min={0} defaultValue={drug.reorderQuantity} />
        </FormField>
      </div>
      <FormField label="Description" error={err("description")}>
        <Textarea name="description" rows={3} defaultValue={drug.description} />
      </FormField>
      <label className="flex items-center gap-2"><input type="checkbox" name="otc" defaultChecked={drug.otc} className="size-5 accent-brand-600" /> Over the counter</label>
      <label className="flex items-center gap-2"><input type="hidden" name="active" value="" /><input type="checkbox" name="active" defaultChecked={drug.active} className="size-5 accent-brand-600" /> In the catalogue (uncheck to withdraw)</label>
      <SubmitButton className="self-start">Save item</SubmitButton>
    </form>
  );
}
