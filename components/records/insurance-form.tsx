"use client";

import { useActionState } from "react";
import { FormField, Input, SubmitButton } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { submitInsurance } from "@/lib/records/actions";

export interface InsuranceValues {
  id: string;
  version: number;
  payer: string;
  planName: string;
  memberId: string;
  groupNumber: string;
  validFrom: string;
  validTo: string;
}

/** Adds an insurance cover, or (with `values`) changes one; the earlier state is kept as a revision. */
export function InsuranceForm({ values, submitLabel }: { values?: InsuranceValues; submitLabel: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitInsurance, {});
  const err = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {values && (
        <>
          <input type="hidden" name="insuranceId" value={values.id} />
          <input type="hidden" name="expectedVersion" value={values.version} />
        </>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <FormField label="Insurer" error={err("payer")} required>
          <Input name="payer" autoComplete="off" defaultValue={values?.payer} />
        </FormField>
        <FormField label="Plan" error={err("planName")}>
          <Input name="planName" autoComplete="off" defaultValue={values?.planName} />
        </FormField>
        <FormField label="Member number" error={err("memberId")} required>
          <Input name="memberId" autoComplete="off" defaultValue={values?.memberId} />
        </FormField>
        <FormField label="Group number" error={err("groupNumber")}>
          <Input name="groupNumber" autoComplete="off" defaultValue={values?.groupNumber} />
        </FormField>
        <FormField label="Valid from" error={err("validFrom")}>
          <Input name="validFrom" type="date" defaultValue={values?.validFrom} />
        </FormField>
        <FormField label="Valid until" error={err("validTo")}>
          <Input name="validTo" type="date" defaultValue={values?.validTo} />
        </FormField>
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
