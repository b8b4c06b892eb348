import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeRecord, purposeOf, SCOPE_OF_KIND } from "./access";
import { snapshotOf } from "./entries";
import { uuidOrNil } from "./get-clinical-entry";
import { patientSealer } from "./keys";
import { keepRevision } from "./revisions";
import { updateClinicalEntrySchema, type UpdateClinicalEntryInput } from "./schemas";

/**
 * A clinician corrects an entry. The state before is kept as a revision (who, when, what it was); the write is
 * conditional on the version the clinician saw, so of two concurrent edits the second is told to reload.
 */
export async function updateClinicalEntry(actor: Actor | null, input: UpdateClinicalEntryInput): Promise<{ version: number }> {
  const data = updateClinicalEntrySchema.parse(input);
  const attempt = { action: "update", resourceType: "ClinicalEntry", resourceId: data.entryId };
  const found = await db().clinicalEntry.findFirst({ where: { id: uuidOrNil(data.entryId), patientId: data.patientId, deletedAt: null }, select: { kind: true } });
  const { access } = await authorizeRecord(actor, "records:edit-clinical", data.patientId, found ? SCOPE_OF_KIND[found.kind] : "ALL", attempt);
  if (!found) throw new AppError("NOT_FOUND", "This entry is not in the record.");
  return db().$transaction(async (tx) => {
    const before = await tx.clinicalEntry.findFirstOrThrow({ where: { id: data.entryId, patientId: data.patientId } });
    const sealer = await patientSealer(tx, data.patientId);
    const details = { ...((before.details as Record<string, unknown> | null) ?? {}), ...(data.relationship ? { relationship: data.relationship } : {}) };
    const changed = await tx.clinicalEntry.updateMany({
      where: { id: data.entryId, patientId: data.patientId, version: data.expectedVersion, deletedAt: null },
      data: {
        codeSystem: data.codeSystem,
        code: data.code,
        display: data.display,
        status: data.status,
        occurredAt: sameDayOrNew(before.occurredAt, data.occurredAt),
        endedAt: sameDayOrNew(before.endedAt, data.endedAt),
        details: (Object.keys(details).length ? details : undefined) as Prisma.InputJsonValue | undefined,
        noteCipher: data.note ? sealer.seal(data.note, "ClinicalEntry.note") : null,
        version: { increment: 1 },
        updatedById: actor!.userId,
      },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", "Someone changed this entry since you opened it. Reload it and apply your change again.");
    await keepRevision(tx, { patientId: data.patientId, entityType: "ClinicalEntry", entityId: before.id, version: before.version, action: "UPDATED", changedById: actor!.userId, before: snapshotOf(before, sealer) });
    await recordAudit(tx, { actor, patientId: data.patientId, ...attempt, purpose: purposeOf([access], `correct entry (version ${before.version + 1})`) });
    return { version: before.version + 1 };
  });
}

/** Forms edit dates by the day: an unchanged day keeps the original time (imported entries carry one). */
function sameDayOrNew(previous: Date | null, day: string | null): Date | null {
  if (!day) return null;
  return previous && previous.toISOString().slice(0, 10) === day ? previous : new Date(day);
}
