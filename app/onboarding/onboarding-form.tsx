"use client";

import { useActionState } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import { submitOnboarding } from "@/lib/patients/actions";
import { SEX_LABELS, SEXES } from "@/lib/patients/schemas";
import type { FormState } from "@/lib/actions/form-state";

type Field = { name: string; label: string; type?: string; autoComplete?: string; hint?: string };

const sections: { title: string; fields: Field[] }[] = [
  {
    title: "About you",
    fields: [
      { name: "givenName", label: "First name", autoComplete: "given-name" },
      { name: "familyName", label: "Last name", autoComplete: "family-name" },
      { name: "dateOfBirth", label: "Date of birth", type: "date", autoComplete: "bday" },
      { name: "phone", label: "Phone", type: "tel", autoComplete: "tel", hint: "With country code, e.g. +1 555 010 1234" },
    ],
  },
  {
    title: "Address",
    fields: [
      { name: "addressLine", label: "Street address", autoComplete: "street-address" },
      { name: "city", label: "City", autoComplete: "address-level2" },
      { name: "postalCode", label: "Postal code", autoComplete: "postal-code" },
      { name: "country", label: "Country", autoComplete: "country-name" },
    ],
  },
  {
    title: "Emergency contact",
    fields: [
      { name: "emergencyContactName", label: "Name" },
      { name: "emergencyContactPhone", label: "Phone", type: "tel" },
      { name: "emergencyContactRelation", label: "Relationship", hint: "e.g. spouse, parent, friend" },
    ],
  },
];

export function OnboardingForm() {
  const [state, action] = useActionState<FormState, FormData>(submitOnboarding, {});
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-8" noValidate>
      <FormMessage state={state} />
      {sections.map((section, index) => (
        <fieldset key={section.title} className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{section.title}</legend>
          {section.fields.map((f) => (
            <FormField key={f.name} label={f.label} error={error(f.name)} hint={f.hint} required>
              <Input name={f.name} type={f.type ?? "text"} autoComplete={f.autoComplete} />
            </FormField>
          ))}
          {index === 0 && (
            <FormField label="Sex" error={error("sex")} required>
              <Select name="sex" defaultValue="">
                <option value="" disabled>
                  Choose…
                </option>
                {SEXES.map((s) => (
                  <option key={s} value={s}>
                    {SEX_LABELS[s]}
                  </option>
                ))}
              </Select>
            </FormField>
          )}
        </fieldset>
      ))}
      <SubmitButton size="lg">Save and continue</SubmitButton>
    </form>
  );
}
