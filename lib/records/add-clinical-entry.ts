import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeRecord, purposeOf, SCOPE_OF_KIND } from "./access";
import { patientSealer } from "./keys";
import { addClinicalEntrySchema, type AddClinicalEntryInput } from "./schemas";

/** A clinician adds a coded entry to a patient's history (with consent for that part of the record). */
export async function addClinicalEntry(actor: Actor | null, input: AddClinicalEntryInput): Promise<{ entryId: string }> {
  const data = addClinicalEntrySchema.parse(input);
  const { access } = await authorizeRecord(actor, "records:edit-clinical", data.patientId, SCOPE_OF_KIND[data.kind], { action: "create", resourceType: "ClinicalEntry" });
  const patient = await db().user.findUnique({ where: { id: data.patientId }, select: { role: true } });
  if (patient?.role !== "PATIENT") throw new AppError("NOT_FOUND", "No such patient.");
  return db().$transaction(async (tx) => {
    const sealer = await patientSealer(tx, data.patientId);
    const row = await tx.clinicalEntry.create({
      data: {
        patientId: data.patientId,
        kind: data.kind,
        codeSystem: data.codeSystem,
        code: data.code,
        display: data.display,
        status: data.status,
        occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
        endedAt: data.endedAt ? new Date(data.endedAt) : null,
        details: (data.relationship ? { relationship: data.relationship } : undefined) as Prisma.InputJsonValue | undefined,
        noteCipher: data.note ? sealer.seal(data.note, "ClinicalEntry.note") : null,
        source: "MANUAL",
        createdById: actor!.userId,
        updatedById: actor!.userId,
      },
    });
    await recordAudit(tx, { actor, patientId: data.patientId, action: "create", resourceType: "ClinicalEntry", resourceId: row.id, purpose: purposeOf([access], `add ${data.kind.toLowerCase()}`) });
    return { entryId: row.id };
  });
}
