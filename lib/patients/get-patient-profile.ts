import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorizeOwnRecord } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";

/** A patient's demographics, for the patient or an admin; each read is audited. */
export async function getPatientProfile(actor: Actor | null, patientId: string) {
  authorizeOwnRecord(actor, patientId);
  return db().$transaction(async (tx) => {
    const profile = await tx.patientProfile.findUnique({ where: { userId: patientId } });
    await recordAudit(tx, { actor, patientId, action: "read", resourceType: "Patient", resourceId: patientId, purpose: "view profile" });
    return profile;
  });
}
