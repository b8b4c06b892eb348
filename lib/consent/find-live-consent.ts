import "server-only";
import { db } from "@/lib/db";
import { scopesCovering } from "./scopes";

/** A live consent (unrevoked, unexpired) of the patient to the grantee covering the scope, from the mirror. */
export async function findLiveConsent(patientId: string, granteeId: string, scope: string) {
  return db().consent.findFirst({
    where: { patientId, granteeId, scope: { in: scopesCovering(scope) }, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, scope: true, expiresAt: true },
  });
}
