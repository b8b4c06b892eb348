import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { canonicalJson, sha256Hex } from "./content-hash";
import { sealForPatient } from "./sealing";
import { amendVisitSchema, type AmendVisitInput } from "./schemas";

export const AMENDMENT_PURPOSE = (visitId: string) => `visit-amendment:${visitId}`;

/**
 * A change to a signed visit by its doctor: the notes as they should now read and why. The signed original stays
 * as it was (the trigger keeps it locked); amendments are append-only and shown after it, newest last.
 */
export async function amendVisit(actor: Actor | null, input: AmendVisitInput) {
  authorize(actor, "visits:write");
  const { visitId, reason, ...notes } = amendVisitSchema.parse(input);
  return db().$transaction(async (tx) => {
    const visit = await tx.visit.findUnique({ where: { id: visitId } });
    if (!visit) throw new AppError("NOT_FOUND", "There is no such visit.");
    if (visit.doctorId !== actor.userId) throw new AppError("FORBIDDEN", "Only the doctor who signed the visit can amend it.");
    if (visit.status !== "SIGNED") throw new AppError("CONFLICT", "An open visit is edited directly; amendments are for signed visits.");
    const content = { reason, notes };
    const row = await tx.visitAmendment.create({
      data: {
        visitId,
        authorId: actor.userId,
        contentCipher: await sealForPatient(tx, visit.patientId, AMENDMENT_PURPOSE(visitId), JSON.stringify(content)),
        contentHash: sha256Hex(canonicalJson({ visitId, signedHash: visit.signedHash, ...content })),
      },
    });
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "amend", resourceType: "Visit", resourceId: visitId, purpose: "amend signed visit" });
    return row;
  });
}
