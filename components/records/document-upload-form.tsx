"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, Input, Select, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitDocument } from "@/lib/documents/actions";
import { DOCUMENT_KIND_LABELS } from "@/lib/documents/schemas";

/** Upload of a PDF, PNG, JPEG or DICOM file into a patient's record (the patient's own, or a clinician's patient). */
export function DocumentUploadForm({ patientId }: { patientId: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitDocument, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="patientId" value={patientId} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="Title" error={state.fieldErrors?.title?.[0]} required>
          <Input name="title" autoComplete="off" />
        </FormField>
        <FormField label="Kind of document" error={state.fieldErrors?.kind?.[0]} required>
          <Select name="kind" defaultValue="EXAM_REPORT">
            {Object.entries(DOCUMENT_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <FormField label="File" hint="PDF, PNG, JPEG or DICOM, up to 8 MB. It is encrypted before it is stored." error={state.fieldErrors?.file?.[0]} required>
        <Input name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.dcm,application/pdf,image/png,image/jpeg,application/dicom" className="py-2" />
      </FormField>
      <SubmitButton>Upload document</SubmitButton>
    </form>
  );
}
