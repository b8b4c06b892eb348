"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { submitStaffInvitation } from "@/lib/users/actions";
import { STAFF_ROLE_LABELS } from "@/lib/users/schemas";
import type { FormState } from "@/lib/actions/form-state";

export function InviteForm() {
  const [state, action] = useActionState<FormState, FormData>(submitStaffInvitation, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-3">
        <FormField label="Name" error={state.fieldErrors?.name?.[0]} required>
          <Input name="name" autoComplete="off" />
        </FormField>
        <FormField label="Email address" error={state.fieldErrors?.email?.[0]} required>
          <Input name="email" type="email" autoComplete="off" />
        </FormField>
        <FormField label="Role" error={state.fieldErrors?.role?.[0]} required>
          <Select name="role" defaultValue="DOCTOR">
            {Object.entries(STAFF_ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <SubmitButton>Send invitation</SubmitButton>
    </form>
  );
}
