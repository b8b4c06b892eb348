import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { visitDigest } from "./content-hash";
import { openForPatient } from "./sealing";
import { visitIdSchema, VITAL_FIELDS } from "./schemas";
import { visitForWriting } from "./visit-access";
import { NOTES_PURPOSE, ORDER_PURPOSE } from "./write-visit";

/** SHA-256 over the visit's content in clear (notes, vitals, diagnoses, orders), as it is signed. */
export async function visitContentHash(tx: Tx, visitId: string): Promise<string> {
  const visit = await tx.visit.findUniqueOrThrow({ where: { id: visitId }, include: { diagnoses: { orderBy: { code: "asc" } }, examOrders: { orderBy: { createdAt: "asc" } } } });
  const notes = visit.notesCipher ? JSON.parse(await openForPatient(tx, visit.patientId, NOTES_PURPOSE(visitId), visit.notesCipher)) : null;
  const orders = [];
  for (const o of visit.examOrders) {
    orders.push({ name: o.name, instructions: o.instructionsCipher ? await openForPatient(tx, visit.patientId, ORDER_PURPOSE(o.id), o.instructionsCipher) : null });
  }
  return visitDigest({
    visitId,
    patientId: visit.patientId,
    doctorId: visit.doctorId,
    notes,
    vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, visit[f]])),
    diagnoses: visit.diagnoses.map((d) => ({ system: d.system, code: d.code, primary: d.isPrimary })),
    orders,
  });
}

/**
 * Signs and locks the visit: its content hash is recorded, a database trigger refuses any later change to it, its
 * diagnoses or its orders, and the appointment is completed. Needs an assessment and at least one diagnosis.
 */
export async function signVisit(actor: Actor | null, input: { visitId: string }) {
  authorize(actor, "visits:write");
  const { visitId } = visitIdSchema.parse(input);
  return db().$transaction(async (tx) => {
    const visit = await visitForWriting(tx, actor, visitId, "sign");
    if ((await tx.visitDiagnosis.count({ where: { visitId } })) === 0) throw new AppError("VALIDATION", "Add at least one diagnosis before signing.");
    if (!visit.notesCipher) throw new AppError("VALIDATION", "Write the notes before signing.");
    const signedHash = await visitContentHash(tx, visitId);
    const { count } = await tx.visit.updateMany({ where: { id: visitId, status: "OPEN" }, data: { status: "SIGNED", signedAt: new Date(), signedHash } });
    if (count === 0) throw new AppError("CONFLICT", "This visit was signed in the meantime.");
    if (visit.appointmentId) await tx.appointment.updateMany({ where: { id: visit.appointmentId, status: "IN_PROGRESS" }, data: { status: "COMPLETED" } });
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "sign", resourceType: "Visit", resourceId: visitId, purpose: "sign and lock visit" });
    return { signedHash };
  });
}
