"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui";
import { submitUserStatus } from "@/lib/users/actions";
import type { FormState } from "@/lib/actions/form-state";

export function StatusButton({ userId, disabled, label }: { userId: string; disabled: boolean; label: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitUserStatus, {});
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={disabled ? "ACTIVE" : "DISABLED"} />
      <SubmitButton size="sm" variant={disabled ? "secondary" : "ghost"} aria-label={`${disabled ? "Enable" : "Disable"} ${label}`}>
        {disabled ? "Enable" : "Disable"}
      </SubmitButton>
      {state.error && (
        <p role="alert" className="mt-1 text-sm text-danger">
          {state.error}
        </p>
      )}
    </form>
  );
}
