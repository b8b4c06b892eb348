"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui";
import type { FormState } from "@/lib/actions/form-state";
import { submitExpiredWriteOff } from "@/lib/pharmacy/inventory/actions";

/** Writes off one expired lot, or every expired lot when no lot is given. */
export function WriteOffButton({ lotId, label }: { lotId?: string; label: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitExpiredWriteOff, {});
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      {lotId && <input type="hidden" name="lotId" value={lotId} />}
      <SubmitButton variant="danger" size="sm">{label}</SubmitButton>
      <p role="status" className={state.error ? "text-sm text-danger" : "text-sm text-success"}>
        {state.error ?? state.message ?? ""}
      </p>
    </form>
  );
}
