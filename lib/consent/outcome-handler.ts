import type { OutcomeHandler } from "@/lib/outbox/outcome-handlers";

/** Confirms (or fails) a consent's grant or revocation from its operation's receipt, in the outbox's transaction. */
export const consentOutcomeHandler: OutcomeHandler = {
  kinds: ["consent.grant", "consent.revoke"],
  async onFinished(tx, op) {
    if (op.refType !== "Consent" || !op.refId) return;
    if (op.kind === "consent.grant") {
      await tx.consent.updateMany({ where: { id: op.refId, grantOpId: op.id }, data: { grantStatus: op.status, grantTxHash: op.txHash } });
    } else {
      await tx.consent.updateMany({ where: { id: op.refId, revokeOpId: op.id }, data: { revokeStatus: op.status, revokeTxHash: op.txHash } });
    }
  },
};
