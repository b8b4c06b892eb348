"use client";

import { useActionState, useState, useTransition } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { lookupDrugs } from "@/lib/pharmacy/catalogue/actions";
import type { DrugHit } from "@/lib/pharmacy/catalogue/search-drugs";
import { submitOrderLine } from "@/lib/pharmacy/procurement/actions";

/** Find an item (scan or type, then Enter), pick it, give quantity and unit cost. */
export function AddLineForm({ purchaseOrderId }: { purchaseOrderId: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitOrderLine, {});
  const [hits, setHits] = useState<DrugHit[]>([]);
  const [searching, startSearch] = useTransition();
  const [message, setMessage] = useState("");
  const find = (text: string) =>
    startSearch(async () => {
      const result = await lookupDrugs(text);
      setHits(result.hits);
      setMessage(result.error ?? `${result.hits.length} match${result.hits.length === 1 ? "" : "es"}.`);
    });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="purchaseOrderId" value={purchaseOrderId} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="Find an item" hint="Scan or type, then Enter." size="lg">
          <Input
            autoComplete="off"
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                find(e.currentTarget.value);
              }
            }}
          />
        </FormField>
        <FormField label="Item" error={state.fieldErrors?.drugId?.[0]} required size="lg">
          <Select name="drugId" disabled={hits.length === 0}>
            {hits.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name} {h.strength} ({h.onHand} on hand)
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Quantity" error={state.fieldErrors?.quantity?.[0]} required size="lg">
          <Input name="quantity" type="number" min={1} inputMode="numeric" />
        </FormField>
        <FormField label="Unit cost in cents" error={state.fieldErrors?.unitCostCents?.[0]} required size="lg">
          <Input name="unitCostCents" type="number" min={0} inputMode="numeric" />
        </FormField>
      </div>
      <p role="status" className="text-sm text-muted">{searching ? "Looking up…" : message}</p>
      <SubmitButton size="lg" className="self-start" disabled={hits.length === 0}>Add line</SubmitButton>
    </form>
  );
}
