"use client";

import { useActionState } from "react";
import { Alert, FormField, Input, SubmitButton } from "@/components/ui";
import type { FormState } from "@/lib/actions/form-state";
import { submitDispense } from "@/lib/pharmacy/dispensing/actions";

/** Quantity (defaults to what the fill needs, or what is in stock) and Enter: dispenses, then opens the label. */
export function DispenseForm({ code, due, onHand, fill }: { code: string; due: number; onHand: number; fill: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitDispense, {});
  const suggested = Math.max(1, Math.min(due, onHand));
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && (
        <Alert tone="danger" title="Not dispensed" className="text-base">
          {state.error}
        </Alert>
      )}
      <input type="hidden" name="code" value={code} />
      <FormField
        label="Packs to hand over"
        hint={due > onHand ? `Fill ${fill} needs ${due}; only ${onHand} in stock: the rest stays owed.` : `Fill ${fill} needs ${due}. Fewer leaves the rest owed.`}
        error={state.fieldErrors?.quantity?.[0]}
        size="lg"
      >
        <Input name="quantity" type="number" min={1} max={due} defaultValue={suggested} inputMode="numeric" autoFocus />
      </FormField>
      <SubmitButton size="lg" className="w-full">Dispense and print label</SubmitButton>
    </form>
  );
}
