"use client";

import { useActionState, useEffect } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { signInWithCode } from "@/lib/auth/actions";
import type { FormState } from "@/lib/actions/form-state";

export function CodeForm({ email }: { email: string }) {
  const [state, action] = useActionState<FormState, FormData>(signInWithCode, {});
  useEffect(() => {
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state.redirectTo]);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.redirectTo ? <p role="status">Signing you in…</p> : <FormMessage state={state} />}
      <input type="hidden" name="email" value={email} />
      <FormField label="6-digit code" error={state.fieldErrors?.code?.[0]} required>
        <Input
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          autoFocus
          size="lg"
          className="text-center font-mono tracking-[0.4em]"
        />
      </FormField>
      <SubmitButton className="w-full" size="lg">
        Sign in
      </SubmitButton>
    </form>
  );
}
