"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { submitRoleBudget, submitUserBudget } from "@/lib/sponsorship/actions";
import type { FormState } from "@/lib/actions/form-state";

/** One role's daily budget, edited in place in the roles table. */
export function RoleBudgetForm({ role, label, dailyGas }: { role: string; label: string; dailyGas: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitRoleBudget, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="role" value={role} />
      <FormField label={`Daily gas per ${label.toLowerCase()}`} error={state.fieldErrors?.dailyGas?.[0]} className="w-48">
        <Input name="dailyGas" inputMode="numeric" defaultValue={dailyGas} />
      </FormField>
      <SubmitButton size="sm" variant="secondary" aria-label={`Save the ${label.toLowerCase()} budget`}>
        Save
      </SubmitButton>
      {state.error && !state.fieldErrors && (
        <p role="alert" className="w-full text-sm text-danger">
          {state.error}
        </p>
      )}
      {state.ok && (
        <p role="status" className="w-full text-sm text-success">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function UserBudgetForm() {
  const [state, action] = useActionState<FormState, FormData>(submitUserBudget, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="User's email address" error={state.fieldErrors?.email?.[0]} required>
          <Input name="email" type="email" autoComplete="off" />
        </FormField>
        <FormField label="Daily gas" hint="Leave empty to remove the override." error={state.fieldErrors?.dailyGas?.[0]}>
          <Input name="dailyGas" inputMode="numeric" />
        </FormField>
      </div>
      <SubmitButton>Save override</SubmitButton>
    </form>
  );
}
