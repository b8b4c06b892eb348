"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { FormField, SubmitButton, Textarea } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";

/**
 * Books (or moves) an appointment: the slot picker comes in as children. For a patient booking, the form asks
 * whether to let the doctor see their record; staff booking for a patient choose the patient instead.
 */
export function BookingForm({
  action,
  hidden,
  doctorName,
  mode,
  submitLabel,
  children,
  before,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  doctorName: string;
  mode: "patient" | "staff" | "reschedule";
  submitLabel: string;
  children: ReactNode;
  before?: ReactNode;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} className="space-y-6">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {before}
      {children}
      {mode !== "reschedule" && (
        <FormField label="Reason for the visit" hint="Optional. Only you and the clinicians you allow can read it." error={state.fieldErrors?.reason?.[0]}>
          <Textarea name="reason" rows={3} maxLength={500} />
        </FormField>
      )}
      {mode === "patient" && (
        <div className="rounded-lg border border-line bg-canvas p-4">
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="grantConsent" value="on" defaultChecked className="mt-1 size-4 accent-brand-600" />
            <span>
              <span className="font-medium text-ink">Let {doctorName} see my record</span>
              <span className="block text-muted">So they can prepare for the visit. You can revoke it at any time under Consents; it is recorded on chain.</span>
            </span>
          </label>
        </div>
      )}
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
