"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { submitConsentGrant } from "@/lib/consent/actions";
import { SCOPE_LABELS } from "@/lib/consent/scopes";
import type { FormState } from "@/lib/actions/form-state";

export function GrantForm({ doctors, defaultUntil, minUntil }: { doctors: { id: string; name: string; specialty: string }[]; defaultUntil: string; minUntil: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitConsentGrant, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-3">
        <FormField label="Doctor" error={error("granteeId")} required>
          <Select name="granteeId" defaultValue="">
            <option value="" disabled>
              Choose a doctor
            </option>
            {doctors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} — {d.specialty}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="What they may see" error={error("scope")} required>
          <Select name="scope" defaultValue="ALL">
            {Object.entries(SCOPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Until" hint="Access ends at the end of this day." error={error("until")} required>
          <Input name="until" type="date" defaultValue={defaultUntil} min={minUntil} />
        </FormField>
      </div>
      <SubmitButton>Grant access</SubmitButton>
    </form>
  );
}
