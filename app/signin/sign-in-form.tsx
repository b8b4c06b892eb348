"use client";

import { useActionState } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { requestSignInEmail } from "@/lib/auth/actions";
import type { FormState } from "@/lib/actions/form-state";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<FormState, FormData>(requestSignInEmail, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField label="Email address" error={state.fieldErrors?.email?.[0]} required hint="We email you a sign-in link and a 6-digit code.">
        <Input name="email" type="email" autoComplete="email" inputMode="email" autoFocus placeholder="name@example.com" />
      </FormField>
      <SubmitButton className="w-full" size="lg">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
