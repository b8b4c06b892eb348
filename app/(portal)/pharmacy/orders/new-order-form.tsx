"use client";

import { useActionState } from "react";
import { FormField, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import type { ReorderSuggestion } from "@/lib/pharmacy/procurement/reorder-suggestions";
import { formatCents } from "@/lib/pharmacy/format";
import { submitPurchaseOrder } from "@/lib/pharmacy/procurement/actions";

/** A new draft order: the supplier, and a quantity for each suggested item (0 leaves it out). */
export function NewOrderForm({ suppliers, suggestions }: { suppliers: { id: string; name: string }[]; suggestions: ReorderSuggestion[] }) {
  const [state, action] = useActionState<FormState, FormData>(submitPurchaseOrder, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <FormField label="Supplier" error={state.fieldErrors?.supplierId?.[0]} required size="lg" className="max-w-md">
        <Select name="supplierId">
          {suppliers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </FormField>
      {suggestions.length === 0 ? (
        <p className="text-muted">Nothing is below its reorder level. The order starts empty; add lines on the next page.</p>
      ) : (
        <div role="region" aria-labelledby="suggestions-caption" tabIndex={0} className="overflow-x-auto rounded-xl border border-line">
          <table className="w-full text-left text-sm">
            <caption id="suggestions-caption" className="sr-only">Suggested quantities to order</caption>
            <thead className="bg-canvas text-xs text-muted uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">Item</th>
                <th scope="col" className="px-3 py-2 text-right">On hand</th>
                <th scope="col" className="px-3 py-2 text-right">On order</th>
                <th scope="col" className="px-3 py-2 text-right">Level</th>
                <th scope="col" className="px-3 py-2 text-right">Unit cost</th>
                <th scope="col" className="px-3 py-2">Order</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {suggestions.map((s) => (
                <tr key={s.drugId}>
                  <td className="px-3 py-2">
                    {s.name} <span className="text-muted">{s.strength}</span>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.onHand}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.onOrder}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.reorderLevel}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCents(s.lastUnitCostCents)}</td>
                  <td className="px-3 py-2">
                    <input type="hidden" name={`cost-${s.drugId}`} value={s.lastUnitCostCents} />
                    <input
                      name={`drug-${s.drugId}`}
                      type="number"
                      min={0}
                      defaultValue={s.suggested}
                      aria-label={`Quantity of ${s.name} ${s.strength} to order`}
                      className="h-10 w-24 rounded-lg border border-line-strong px-3 tabular-nums"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SubmitButton size="lg" className="self-start">Create draft order</SubmitButton>
    </form>
  );
}
