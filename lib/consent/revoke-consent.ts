import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueOnchainOp } from "@/lib/outbox/enqueue";
import { ensureWallet } from "@/lib/wallets/ensure-wallet";
import { consentRegistryOf, revokeCall } from "./registry";
import { revokeConsentSchema } from "./schemas";
import type { Scope } from "./scopes";

/**
 * Revokes a consent. The portal stops honouring it at once (the row is marked revoked in this transaction);
 * ConsentRegistry.revoke follows through the outbox, after the grant if that is still on its way.
 * A grant that never reached the chain needs no revocation there.
 */
export async function revokeConsent(actor: Actor | null, input: { consentId: string }, given?: Pick<ChainDeployment, "contracts">): Promise<void> {
  authorize(actor, "consent:manage-own");
  const { consentId } = revokeConsentSchema.parse(input);
  const registry = consentRegistryOf(given);
  await db().$transaction(async (tx) => {
    const consent = await tx.consent.findFirst({ where: { id: consentId, patientId: actor.userId } });
    if (!consent) throw new AppError("NOT_FOUND", "There is no such consent.");
    const nothingOnChain = consent.grantStatus === "FAILED";
    const { count } = await tx.consent.updateMany({
      where: { id: consentId, revokedAt: null },
      data: { revokedAt: new Date(), revokeStatus: nothingOnChain ? "CONFIRMED" : "PENDING" },
    });
    if (count === 0) throw new AppError("CONFLICT", "This consent is already revoked.");
    if (!nothingOnChain) {
      const grantee = await ensureWallet(tx, consent.granteeId);
      const op = await enqueueOnchainOp(tx, {
        userId: actor.userId,
        kind: "consent.revoke",
        calls: [revokeCall(registry, grantee.address, consent.scope as Scope)],
        refType: "Consent",
        refId: consent.id,
      });
      await tx.consent.update({ where: { id: consentId }, data: { revokeOpId: op.id } });
    }
    await recordAudit(tx, { actor, patientId: actor.userId, action: "revoke", resourceType: "Consent", resourceId: consentId, purpose: `consent to a doctor (${consent.scope})` });
  });
}
