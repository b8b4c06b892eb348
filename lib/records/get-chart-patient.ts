import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { SCOPES } from "@/lib/consent/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeRecordParts, purposeOf } from "./access";

/** Who the chart is about (name, birth date, sex), for a reader allowed any part of it. */
export async function getChartPatient(actor: Actor | null, patientId: string) {
  const { bases } = await authorizeRecordParts(actor, "records:read", patientId, SCOPES, { action: "read", resourceType: "Patient", resourceId: patientId });
  return db().$transaction(async (tx) => {
    const profile = await tx.patientProfile.findUnique({ where: { userId: patientId }, select: { givenName: true, familyName: true, dateOfBirth: true, sex: true } });
    if (!profile) throw new AppError("NOT_FOUND", "No such patient.");
    await recordAudit(tx, { actor, patientId, action: "read", resourceType: "Patient", resourceId: patientId, purpose: purposeOf(bases, "open chart") });
    return profile;
  });
}
