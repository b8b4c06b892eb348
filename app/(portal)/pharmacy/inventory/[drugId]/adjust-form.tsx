"use client";

import { useActionState } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitStockAdjustment } from "@/lib/pharmacy/inventory/actions";

export function AdjustForm({ lots }: { lots: { id: string; label: string }[] }) {
  const [state, action] = useActionState<FormState, FormData>(submitStockAdjustment, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <FormField label="Lot" error={state.fieldErrors?.lotId?.[0]} required size="lg">
        <Select name="lotId">
          {lots.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Change in units" hint="For example −2 or 5." error={state.fieldErrors?.quantity?.[0]} required size="lg">
        <Input name="quantity" inputMode="numeric" autoComplete="off" />
      </FormField>
      <FormField label="Reason" error={state.fieldErrors?.reason?.[0]} required size="lg">
        <Input name="reason" autoComplete="off" />
      </FormField>
      <SubmitButton size="lg">Record adjustment</SubmitButton>
    </form>
  );
}
