"use client";

import { useActionState } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitContactDetails } from "@/lib/records/actions";
import type { ContactDetailsInput } from "@/lib/records/schemas";

const FIELDS: { name: keyof ContactDetailsInput; label: string; autoComplete?: string; type?: string }[] = [
  { name: "phone", label: "Phone", autoComplete: "tel", type: "tel" },
  { name: "addressLine", label: "Street address", autoComplete: "street-address" },
  { name: "city", label: "City", autoComplete: "address-level2" },
  { name: "postalCode", label: "Postal code", autoComplete: "postal-code" },
  { name: "country", label: "Country", autoComplete: "country-name" },
  { name: "emergencyContactName", label: "Emergency contact name", autoComplete: "off" },
  { name: "emergencyContactPhone", label: "Emergency contact phone", autoComplete: "off", type: "tel" },
  { name: "emergencyContactRelation", label: "Relationship to you", autoComplete: "off" },
];

export function ContactDetailsForm({ values }: { values: ContactDetailsInput }) {
  const [state, action] = useActionState<FormState, FormData>(submitContactDetails, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        {FIELDS.map((f) => (
          <FormField key={f.name} label={f.label} error={state.fieldErrors?.[f.name]?.[0]} required>
            <Input name={f.name} type={f.type ?? "text"} autoComplete={f.autoComplete} defaultValue={values[f.name]} />
          </FormField>
        ))}
      </div>
      <SubmitButton>Save details</SubmitButton>
    </form>
  );
}
