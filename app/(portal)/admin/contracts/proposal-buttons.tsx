"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui";
import { submitConfirmation, submitWithdrawal } from "@/lib/admin-safe/actions";
import type { FormState } from "@/lib/actions/form-state";

/** Confirm (sign) and withdraw buttons for an open proposal, with the outcome announced next to them. */
export function ProposalButtons({ proposalId, summary, canConfirm }: { proposalId: string; summary: string; canConfirm: boolean }) {
  const [confirmed, confirm] = useActionState<FormState, FormData>(submitConfirmation, {});
  const [withdrawn, withdraw] = useActionState<FormState, FormData>(submitWithdrawal, {});
  const outcome = confirmed.error ?? withdrawn.error ?? confirmed.message ?? withdrawn.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canConfirm && (
        <form action={confirm}>
          <input type="hidden" name="proposalId" value={proposalId} />
          <SubmitButton size="sm" aria-label={`Confirm and sign: ${summary}`}>
            Confirm and sign
          </SubmitButton>
        </form>
      )}
      <form action={withdraw}>
        <input type="hidden" name="proposalId" value={proposalId} />
        <SubmitButton size="sm" variant="ghost" aria-label={`Withdraw: ${summary}`}>
          Withdraw
        </SubmitButton>
      </form>
      {outcome && (
        <p role={confirmed.error || withdrawn.error ? "alert" : "status"} className="w-full text-sm">
          {outcome}
        </p>
      )}
    </div>
  );
}
