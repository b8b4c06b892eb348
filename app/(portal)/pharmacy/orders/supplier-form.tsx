"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitSupplier } from "@/lib/pharmacy/procurement/actions";

export function SupplierForm() {
  const [state, action] = useActionState<FormState, FormData>(submitSupplier, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-4">
        <FormField label="Name" error={state.fieldErrors?.name?.[0]} required>
          <Input name="name" autoComplete="off" />
        </FormField>
        <FormField label="Email" error={state.fieldErrors?.email?.[0]}>
          <Input name="email" type="email" autoComplete="off" />
        </FormField>
        <FormField label="Phone" error={state.fieldErrors?.phone?.[0]}>
          <Input name="phone" type="tel" autoComplete="off" />
        </FormField>
        <FormField label="Lead time (days)" error={state.fieldErrors?.leadTimeDays?.[0]}>
          <Input name="leadTimeDays" type="number" min={0} defaultValue={3} />
        </FormField>
      </div>
      <SubmitButton variant="secondary" className="self-start">Add supplier</SubmitButton>
    </form>
  );
}
