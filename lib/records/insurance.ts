import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize, authorizeOwnRecord } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { patientSealer } from "./keys";
import { keepRevision } from "./revisions";
import type { PatientSealer } from "./sealing";
import { insuranceSchema, type InsuranceInput } from "./schemas";

export interface InsuranceView {
  id: string;
  payer: string;
  planName: string | null;
  memberId: string;
  groupNumber: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  version: number;
}

/** The patient's insurance covers, for the patient (or an admin for them). */
export async function listInsurance(actor: Actor | null, patientId: string): Promise<InsuranceView[]> {
  authorizeOwnRecord(actor, patientId);
  return db().$transaction(async (tx) => {
    const rows = await tx.insurance.findMany({ where: { patientId, deletedAt: null }, orderBy: { createdAt: "asc" } });
    const sealer = await patientSealer(tx, patientId);
    await recordAudit(tx, { actor, patientId, action: "read", resourceType: "Insurance", purpose: "view insurance" });
    return rows.map((r) => ({
      id: r.id,
      payer: r.payer,
      planName: r.planName,
      memberId: sealer.open(r.memberIdCipher, "Insurance.memberId"),
      groupNumber: r.groupNumber,
      validFrom: r.validFrom,
      validTo: r.validTo,
      version: r.version,
    }));
  });
}

/** A patient adds or changes an insurance cover of their own; a change keeps the state before as a revision. */
export async function saveInsurance(actor: Actor | null, input: InsuranceInput): Promise<{ insuranceId: string }> {
  authorize(actor, "records:edit-own-details");
  const data = insuranceSchema.parse(input);
  const patientId = actor.userId;
  const fields = (sealer: PatientSealer) => ({
    payer: data.payer,
    planName: data.planName,
    memberIdCipher: sealer.seal(data.memberId, "Insurance.memberId"),
    groupNumber: data.groupNumber,
    validFrom: data.validFrom ? new Date(data.validFrom) : null,
    validTo: data.validTo ? new Date(data.validTo) : null,
    updatedById: actor.userId,
  });
  return db().$transaction(async (tx) => {
    const sealer = await patientSealer(tx, patientId);
    if (!data.insuranceId) {
      const row = await tx.insurance.create({ data: { ...fields(sealer), patientId, createdById: actor.userId } });
      await recordAudit(tx, { actor, patientId, action: "create", resourceType: "Insurance", resourceId: row.id, purpose: "add insurance" });
      return { insuranceId: row.id };
    }
    // Only the patient's own cover is found: another patient's id is "not found", never changed.
    const before = await tx.insurance.findFirst({ where: { id: data.insuranceId, patientId, deletedAt: null } });
    if (!before) throw new AppError("NOT_FOUND", "This insurance is not on your record.");
    const changed = await tx.insurance.updateMany({ where: { id: before.id, version: data.expectedVersion }, data: { ...fields(sealer), version: { increment: 1 } } });
    if (changed.count === 0) throw new AppError("CONFLICT", "This insurance changed since you opened it. Reload and try again.");
    await keepRevision(tx, {
      patientId,
      entityType: "Insurance",
      entityId: before.id,
      version: before.version,
      action: "UPDATED",
      changedById: actor.userId,
      before: {
        payer: before.payer,
        planName: before.planName,
        memberId: sealer.open(before.memberIdCipher, "Insurance.memberId"),
        groupNumber: before.groupNumber,
        validFrom: before.validFrom?.toISOString().slice(0, 10) ?? null,
        validTo: before.validTo?.toISOString().slice(0, 10) ?? null,
      },
    });
    await recordAudit(tx, { actor, patientId, action: "update", resourceType: "Insurance", resourceId: before.id, purpose: "change insurance" });
    return { insuranceId: before.id };
  });
}
