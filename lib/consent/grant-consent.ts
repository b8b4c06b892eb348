import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueOnchainOp } from "@/lib/outbox/enqueue";
import { ensureWallet } from "@/lib/wallets/ensure-wallet";
import { grantCall, consentRegistryOf } from "./registry";
import { endOfDay, grantConsentSchema, type GrantConsentInput } from "./schemas";

/**
 * The patient grants a doctor access to their record (all of it or one category) until the end of a day. The mirror
 * row and the on-chain operation (ConsentRegistry.grant from the patient's Safe, sponsored) are written in one
 * transaction; the worker sends it and the receipt confirms the row. Granting again the same doctor and scope
 * replaces the end date, as on chain.
 */
export async function grantConsent(actor: Actor | null, input: GrantConsentInput, given?: Pick<ChainDeployment, "contracts">): Promise<{ consentId: string; opId: string }> {
  authorize(actor, "consent:manage-own");
  const { granteeId, scope, until } = grantConsentSchema.parse(input);
  const registry = consentRegistryOf(given);
  const expiresAt = endOfDay(until);
  try {
    return await db().$transaction(async (tx) => {
      const doctor = await tx.user.findFirst({ where: { id: granteeId, role: "DOCTOR", status: "ACTIVE" }, select: { id: true } });
      if (!doctor) throw new AppError("VALIDATION", "Choose a doctor from the list.", { granteeId: ["Choose a doctor from the list."] });
      const grantee = await ensureWallet(tx, doctor.id);
      const live = await tx.consent.findFirst({ where: { patientId: actor.userId, granteeId, scope, revokedAt: null }, select: { id: true } });
      const consent = live
        ? await tx.consent.update({ where: { id: live.id }, data: { expiresAt, grantStatus: "PENDING", grantTxHash: null } })
        : await tx.consent.create({ data: { patientId: actor.userId, granteeId, scope, expiresAt, source: "PORTAL", grantStatus: "PENDING" } });
      const op = await enqueueOnchainOp(tx, {
        userId: actor.userId,
        kind: "consent.grant",
        calls: [grantCall(registry, grantee.address, scope, expiresAt)],
        refType: "Consent",
        refId: consent.id,
      });
      await tx.consent.update({ where: { id: consent.id }, data: { grantOpId: op.id } });
      await recordAudit(tx, { actor, patientId: actor.userId, action: "grant", resourceType: "Consent", resourceId: consent.id, purpose: `consent to a doctor (${scope})` });
      return { consentId: consent.id, opId: op.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You granted this at the same moment in another window. Refresh to see it.");
    throw error;
  }
}
