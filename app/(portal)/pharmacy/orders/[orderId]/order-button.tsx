"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui";
import type { FormState } from "@/lib/actions/form-state";
import { submitCancelOrder, submitRemoveOrderLine, submitSendOrder } from "@/lib/pharmacy/procurement/actions";

const KINDS = {
  send: { action: submitSendOrder, label: "Mark as sent", variant: "primary" },
  cancel: { action: submitCancelOrder, label: "Cancel order", variant: "danger" },
  remove: { action: submitRemoveOrderLine, label: "Remove", variant: "ghost" },
} as const;

/** One state change of an order (send, cancel) or a line removal, with its outcome announced. */
export function OrderButton({ purchaseOrderId, kind, lineId, label }: { purchaseOrderId: string; kind: keyof typeof KINDS; lineId?: string; label?: string }) {
  const { action: serverAction, label: defaultLabel, variant } = KINDS[kind];
  const [state, action] = useActionState<FormState, FormData>(serverAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="purchaseOrderId" value={purchaseOrderId} />
      {lineId && <input type="hidden" name="lineId" value={lineId} />}
      <SubmitButton variant={variant} size={kind === "remove" ? "sm" : "lg"}>{label ?? defaultLabel}</SubmitButton>
      {state.error && <p role="alert" className="text-sm text-danger">{state.error}</p>}
    </form>
  );
}
