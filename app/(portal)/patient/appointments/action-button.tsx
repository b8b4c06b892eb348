"use client";

import { useActionState } from "react";
import { SubmitButton, type ButtonVariant } from "@/components/ui";
import type { FormState } from "@/lib/actions/form-state";

/** One button that runs a server action with a few hidden fields, and says how it went. */
export function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  variant = "secondary",
  confirm,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
  variant?: ButtonVariant;
  /** Asked before the action runs (e.g. before a cancellation). */
  confirm?: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} onSubmit={(e) => confirm && !window.confirm(confirm) && e.preventDefault()} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton size="sm" variant={variant} aria-label={ariaLabel}>
        {label}
      </SubmitButton>
      {state.error && (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      )}
      {state.ok && state.message && (
        <p role="status" className="text-sm text-success">
          {state.message}
        </p>
      )}
    </form>
  );
}
