import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { keepRevision } from "./revisions";
import { contactDetailsSchema, type ContactDetailsInput } from "./schemas";

/**
 * A patient changes their own contact details and emergency contact. The profile has no version column, so the
 * revision number is the count of earlier revisions; the unique (entity, version) index makes a concurrent second
 * change fail instead of losing the first one's history.
 */
export async function updateContactDetails(actor: Actor | null, input: ContactDetailsInput): Promise<void> {
  authorize(actor, "records:edit-own-details");
  const data = contactDetailsSchema.parse(input);
  const patientId = actor.userId;
  await db().$transaction(async (tx) => {
    const before = await tx.patientProfile.findUnique({ where: { userId: patientId } });
    if (!before) throw new AppError("NOT_FOUND", "Complete your details first.");
    const version = (await tx.recordRevision.count({ where: { entityType: "PatientProfile", entityId: patientId } })) + 1;
    await keepRevision(tx, {
      patientId,
      entityType: "PatientProfile",
      entityId: patientId,
      version,
      action: "UPDATED",
      changedById: actor.userId,
      before: Object.fromEntries(Object.keys(contactDetailsSchema.shape).map((k) => [k, before[k as keyof typeof before]])),
    });
    await tx.patientProfile.update({ where: { userId: patientId }, data });
    await recordAudit(tx, { actor, patientId, action: "update", resourceType: "Patient", resourceId: patientId, purpose: "change contact details" });
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Your details were changed at the same moment elsewhere. Reload and try again.");
    throw error;
  });
}
