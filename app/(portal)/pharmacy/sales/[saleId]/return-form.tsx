"use client";

import { useActionState } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitSaleReturn } from "@/lib/pharmacy/sales/actions";

export function ReturnForm({ saleId, lines }: { saleId: string; lines: { id: string; label: string; left: number }[] }) {
  const [state, action] = useActionState<FormState, FormData>(submitSaleReturn, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="saleId" value={saleId} />
      {lines.map((l) => (
        <FormField key={l.id} label={`${l.label}: units back`} hint={`Up to ${l.left}.`} size="lg">
          <Input name={`qty-${l.id}`} type="number" min={0} max={l.left} defaultValue={0} inputMode="numeric" />
        </FormField>
      ))}
      <FormField label="Reason" error={state.fieldErrors?.reason?.[0]} required size="lg">
        <Input name="reason" autoComplete="off" />
      </FormField>
      <SubmitButton size="lg" variant="secondary">Return and refund</SubmitButton>
    </form>
  );
}
