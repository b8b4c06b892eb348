"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitFhirImport } from "@/lib/records/actions";

/**
 * Upload of a FHIR R4 bundle from another provider: into the patient's own record, or, for an admin acting for a
 * patient, into the record of the patient chosen from `patients`.
 */
export function FhirImportForm({ patients }: { patients?: { id: string; label: string }[] }) {
  const [state, action] = useActionState<FormState, FormData>(submitFhirImport, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {patients && (
        <FormField label="Patient" error={state.fieldErrors?.patientId?.[0]} required>
          <Select name="patientId" defaultValue="">
            <option value="" disabled>
              Choose a patient
            </option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </FormField>
      )}
      <FormField label="FHIR bundle (JSON)" hint="A FHIR R4 bundle exported by another provider, up to 8 MB. Nothing is imported if any entry is invalid." error={state.fieldErrors?.bundle?.[0]} required>
        <Input name="bundle" type="file" accept=".json,application/json,application/fhir+json" className="py-2" />
      </FormField>
      <SubmitButton>Import history</SubmitButton>
    </form>
  );
}
