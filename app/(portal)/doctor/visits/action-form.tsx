"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { SubmitButton, type ButtonVariant } from "@/components/ui";
import { FormMessage } from "@/components/portal/form-message";
import type { FormState } from "@/lib/actions/form-state";

/**
 * A form around a server action: its fields come as children, the outcome is announced above them, field errors
 * are listed, and on success the form resets (or the browser follows the action's redirectTo).
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  variant = "primary",
  reset = true,
  className = "space-y-4",
  ariaLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  submitLabel: string;
  variant?: ButtonVariant;
  reset?: boolean;
  className?: string;
  ariaLabel?: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  useEffect(() => {
    if (state.redirectTo) router.push(state.redirectTo);
    else if (state.ok && reset) form.current?.reset();
  }, [state, reset, router]);
  const fieldErrors = Object.entries(state.fieldErrors ?? {}).flatMap(([, messages]) => messages);
  return (
    <form ref={form} action={formAction} className={className} aria-label={ariaLabel}>
      <FormMessage state={state} />
      {fieldErrors.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-danger">
          {fieldErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {children}
      <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
    </form>
  );
}
