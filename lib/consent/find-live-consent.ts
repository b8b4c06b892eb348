import "server-only";
import { db } from "@/lib/db";
import { scopesCovering } from "./scopes";

/**
 * A live consent (unrevoked, unexpired, not refused on chain) of the patient to the grantee covering the scope, from the mirror.
 * A grant made in the portal counts while its operation is on its way to the chain: the patient has decided.
 */
export async function findLiveConsent(patientId: string, granteeId: string, scope: string) {
  return db().consent.findFirst({
    where: { patientId, granteeId, scope: { in: scopesCovering(scope) }, revokedAt: null, expiresAt: { gt: new Date() }, grantStatus: { not: "FAILED" } },
    select: { id: true, scope: true, expiresAt: true },
  });
}
