"use client";

import { useActionState } from "react";
import { FormField, Input, Select, SubmitButton, Textarea } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitNewDrug } from "@/lib/pharmacy/catalogue/actions";
import { FORM_LABELS } from "@/lib/pharmacy/format";

export function NewDrugForm() {
  const [state, action] = useActionState<FormState, FormData>(submitNewDrug, {});
  const err = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="Name on the pack" error={err("name")} required>
          <Input name="name" autoComplete="off" />
        </FormField>
        <FormField label="Generic name" error={err("genericName")} required>
          <Input name="genericName" autoComplete="off" />
        </FormField>
        <FormField label="Form" error={err("form")} required>
          <Select name="form" defaultValue="TABLET">
            {Object.entries(FORM_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </Select>
        </FormField>
        <FormField label="Strength" hint="e.g. 500 mg" error={err("strength")} required>
          <Input name="strength" autoComplete="off" />
        </FormField>
        <FormField label="Pack size" error={err("packSize")} required>
          <Input name="packSize" type="number" min={1} defaultValue={30} />
        </FormField>
        <FormField label="Price in cents" error={err("priceCents")} required>
          <Input name="priceCents" type="number" min={0} inputMode="numeric" />
        </FormField>
        <FormField label="Barcode" hint="Scan the pack (EAN-13)." error={err("barcode")}>
          <Input name="barcode" inputMode="numeric" autoComplete="off" />
        </FormField>
        <FormField label="RxNorm code" error={err("rxnormCode")}>
          <Input name="rxnormCode" inputMode="numeric" autoComplete="off" />
        </FormField>
        <FormField label="Reorder level" error={err("reorderLevel")}>
          <Input name="reorderLevel" type="number" min={0} defaultValue={10} />
        </FormField>
        <FormField label="Reorder quantity" error={err("reorderQuantity")}>
          <Input name="reorderQuantity" type="number" min={0} defaultValue={30} />
        </FormField>
      </div>
      <FormField label="Description" error={err("description")}>
        <Textarea name="description" rows={3} />
      </FormField>
      <div className="flex flex-wrap gap-6 text-base">
        <label className="flex items-center gap-2"><input type="checkbox" name="otc" className="size-5 accent-brand-600" /> Over the counter (no prescription)</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="controlled" className="size-5 accent-brand-600" /> Controlled substance</label>
      </div>
      <SubmitButton size="lg" className="self-start">Add to the catalogue</SubmitButton>
    </form>
  );
}
