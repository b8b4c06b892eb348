"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui";
import { submitConsentRevocation } from "@/lib/consent/actions";
import type { FormState } from "@/lib/actions/form-state";

export function RevokeButton({ consentId, label }: { consentId: string; label: string }) {
  const [state, action] = useActionState<FormState, FormData>(submitConsentRevocation, {});
  return (
    <form action={action}>
      <input type="hidden" name="consentId" value={consentId} />
      <SubmitButton size="sm" variant="secondary" aria-label={`Revoke access of ${label}`}>
        Revoke
      </SubmitButton>
      {state.error && (
        <p role="alert" className="mt-1 text-sm text-danger">
          {state.error}
        </p>
      )}
    </form>
  );
}
