"use client";

import { useActionState } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitReceipt } from "@/lib/pharmacy/procurement/actions";

/** One row per line still to receive: quantity now (defaults to what is left), lot number, expiry, shelf. */
export function ReceiveForm({ purchaseOrderId, lines }: { purchaseOrderId: string; lines: { id: string; name: string; strength: string; left: number }[] }) {
  const [state, action] = useActionState<FormState, FormData>(submitReceipt, {});
  const open = lines.filter((l) => l.left > 0);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="purchaseOrderId" value={purchaseOrderId} />
      {open.map((l) => (
        <fieldset key={l.id} className="grid gap-3 rounded-xl border border-line p-4 md:grid-cols-4">
          <legend className="px-1 text-base">
            <span className="font-semibold">{l.name}</span>{" "}
            <span className="text-muted">
              {l.strength} · {l.left} to receive
            </span>
          </legend>
          <FormField label="Quantity received" size="lg">
            <Input name={`qty-${l.id}`} type="number" min={0} max={l.left} defaultValue={l.left} inputMode="numeric" />
          </FormField>
          <FormField label="Lot number" size="lg" error={state.fieldErrors?.[`lot-${l.id}`]?.[0]}>
            <Input name={`lot-${l.id}`} autoComplete="off" />
          </FormField>
          <FormField label="Expiry date" size="lg" error={state.fieldErrors?.[`expiry-${l.id}`]?.[0]}>
            <Input name={`expiry-${l.id}`} type="date" />
          </FormField>
          <FormField label="Shelf" size="lg">
            <Input name={`location-${l.id}`} autoComplete="off" />
          </FormField>
        </fieldset>
      ))}
      <SubmitButton size="lg" className="self-start">Receive into stock</SubmitButton>
    </form>
  );
}
