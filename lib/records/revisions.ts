import "server-only";
import type { Tx } from "@/lib/db";
import type { RevisionAction } from "@/lib/generated/prisma/enums";
import { patientSealer } from "./keys";

export type RevisedEntity = "ClinicalEntry" | "Insurance" | "PatientProfile";

/** Keeps the state a record had before a change: who changed it, when, and what it was (sealed). */
export async function keepRevision(
  tx: Tx,
  input: { patientId: string; entityType: RevisedEntity; entityId: string; version: number; action: RevisionAction; changedById: string; before: Record<string, unknown> },
): Promise<void> {
  await tx.recordRevision.create({
    data: {
      patientId: input.patientId,
      entityType: input.entityType,
      entityId: input.entityId,
      version: input.version,
      action: input.action,
      changedById: input.changedById,
      beforeCipher: (await patientSealer(tx, input.patientId)).seal(JSON.stringify(input.before), `RecordRevision.${input.entityType}`),
    },
  });
}

export interface Revision {
  id: string;
  version: number;
  action: RevisionAction;
  changedAt: Date;
  changedBy: string;
  before: Record<string, unknown>;
}

/** Every earlier state of one record, newest first, opened. */
export async function revisionsOf(tx: Tx, patientId: string, entityType: RevisedEntity, entityId: string): Promise<Revision[]> {
  const rows = await tx.recordRevision.findMany({ where: { patientId, entityType, entityId }, orderBy: { version: "desc" } });
  const people = await tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.changedById))] } }, select: { id: true, name: true, role: true } });
  const sealer = await patientSealer(tx, patientId);
  const nameOf = new Map(people.map((p) => [p.id, `${p.name ?? "Unknown"} (${p.role.toLowerCase()})`]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    action: r.action,
    changedAt: r.changedAt,
    changedBy: nameOf.get(r.changedById) ?? "Unknown",
    before: JSON.parse(sealer.open(r.beforeCipher, `RecordRevision.${entityType}`)) as Record<string, unknown>,
  }));
}
