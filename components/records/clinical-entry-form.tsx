"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, Input, Select, SubmitButton, Textarea } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitClinicalEntry, submitClinicalEntryUpdate } from "@/lib/records/actions";
import { CODE_SYSTEMS, EDITABLE_KINDS, KIND_LABELS } from "@/lib/records/schemas";

export interface EntryValues {
  entryId: string;
  version: number;
  codeSystem: string;
  code: string;
  display: string;
  status: string;
  occurredAt: string;
  endedAt: string;
  note: string;
  relationship: string;
}

/** A clinician adds an entry to a patient's history, or (with `values`) corrects one, keeping the earlier version. */
export function ClinicalEntryForm({ patientId, values }: { patientId: string; values?: EntryValues }) {
  const [state, action] = useActionState<FormState, FormData>(values ? submitClinicalEntryUpdate : submitClinicalEntry, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && !values) form.current?.reset();
  }, [state, values]);
  const err = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="patientId" value={patientId} />
      {values && (
        <>
          <input type="hidden" name="entryId" value={values.entryId} />
          <input type="hidden" name="expectedVersion" value={values.version} />
        </>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        {!values && (
          <FormField label="Kind" error={err("kind")} required>
            <Select name="kind" defaultValue="CONDITION">
              {EDITABLE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <FormField label="Name" hint="As the code list names it, e.g. Essential hypertension." error={err("display")} required>
          <Input name="display" autoComplete="off" defaultValue={values?.display} />
        </FormField>
        <FormField label="Code system" error={err("codeSystem")}>
          <Select name="codeSystem" defaultValue={values?.codeSystem ?? ""}>
            <option value="">None</option>
            {Object.entries(CODE_SYSTEMS).map(([uri, label]) => (
              <option key={uri} value={uri}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Code" error={err("code")}>
          <Input name="code" autoComplete="off" defaultValue={values?.code} />
        </FormField>
        <FormField label="Status" hint="e.g. active, resolved" error={err("status")}>
          <Input name="status" autoComplete="off" defaultValue={values?.status} />
        </FormField>
        <FormField label="Date" error={err("occurredAt")}>
          <Input name="occurredAt" type="date" defaultValue={values?.occurredAt} />
        </FormField>
        <FormField label="End date" error={err("endedAt")}>
          <Input name="endedAt" type="date" defaultValue={values?.endedAt} />
        </FormField>
        <FormField label="Relationship (family history)" error={err("relationship")}>
          <Input name="relationship" autoComplete="off" defaultValue={values?.relationship} />
        </FormField>
      </div>
      <FormField label="Note" hint="Stored encrypted." error={err("note")}>
        <Textarea name="note" rows={3} defaultValue={values?.note} />
      </FormField>
      <SubmitButton>{values ? "Save correction" : "Add entry"}</SubmitButton>
    </form>
  );
}
