import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { CODE_SYSTEM, findCode } from "@/lib/codes/search-codes";
import { sealForPatient } from "./sealing";
import { addDiagnosisSchema, addExamOrderSchema, removeDiagnosisSchema, removeExamOrderSchema, saveVisitSchema, type SaveVisitInput } from "./schemas";
import { visitForWriting } from "./visit-access";

export const NOTES_PURPOSE = (visitId: string) => `visit-notes:${visitId}`;
export const ORDER_PURPOSE = (orderId: string) => `exam-order:${orderId}`;

/** Saves the open visit's notes (sealed) and vitals. */
export async function saveVisit(actor: Actor | null, input: SaveVisitInput) {
  authorize(actor, "visits:write");
  const { visitId, subjective, objective, assessment, plan, ...vitals } = saveVisitSchema.parse(input);
  await db().$transaction(async (tx) => {
    const visit = await visitForWriting(tx, actor, visitId, "update");
    const notesCipher = await sealForPatient(tx, visit.patientId, NOTES_PURPOSE(visitId), JSON.stringify({ subjective, objective, assessment, plan }));
    await tx.visit.update({ where: { id: visitId }, data: { notesCipher, ...vitals } });
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "update", resourceType: "Visit", resourceId: visitId, purpose: "write visit notes and vitals" });
  });
}

export async function addDiagnosis(actor: Actor | null, input: { visitId: string; code: string; isPrimary?: boolean | string }) {
  authorize(actor, "visits:write");
  const data = addDiagnosisSchema.parse(input);
  const code = findCode(data.code);
  if (!code) throw new AppError("VALIDATION", "Choose a code from the list.", { code: ["Choose a code from the list."] });
  return db().$transaction(async (tx) => {
    const visit = await visitForWriting(tx, actor, data.visitId, "update");
    if (await tx.visitDiagnosis.findFirst({ where: { visitId: visit.id, code: code.code } })) throw new AppError("CONFLICT", `${code.code} is already on this visit.`);
    if (data.isPrimary) await tx.visitDiagnosis.updateMany({ where: { visitId: visit.id }, data: { isPrimary: false } });
    const row = await tx.visitDiagnosis.create({ data: { visitId: visit.id, system: CODE_SYSTEM, code: code.code, display: code.display, isPrimary: data.isPrimary } });
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "create", resourceType: "VisitDiagnosis", resourceId: row.id, purpose: "add diagnosis" });
    return row;
  });
}

export async function removeDiagnosis(actor: Actor | null, input: { diagnosisId: string }) {
  authorize(actor, "visits:write");
  const { diagnosisId } = removeDiagnosisSchema.parse(input);
  await db().$transaction(async (tx) => {
    const row = await tx.visitDiagnosis.findUnique({ where: { id: diagnosisId } });
    if (!row) throw new AppError("NOT_FOUND", "There is no such diagnosis.");
    const visit = await visitForWriting(tx, actor, row.visitId, "update");
    await tx.visitDiagnosis.delete({ where: { id: diagnosisId } });
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "delete", resourceType: "VisitDiagnosis", resourceId: diagnosisId, purpose: "remove diagnosis" });
  });
}

export async function addExamOrder(actor: Actor | null, input: { visitId: string; name: string; instructions?: string }) {
  authorize(actor, "visits:write");
  const data = addExamOrderSchema.parse(input);
  return db().$transaction(async (tx) => {
    const visit = await visitForWriting(tx, actor, data.visitId, "update");
    const row = await tx.examOrder.create({ data: { visitId: visit.id, name: data.name } });
    if (data.instructions) {
      await tx.examOrder.update({ where: { id: row.id }, data: { instructionsCipher: await sealForPatient(tx, visit.patientId, ORDER_PURPOSE(row.id), data.instructions) } });
    }
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "create", resourceType: "ExamOrder", resourceId: row.id, purpose: "order exam" });
    return row;
  });
}

export async function removeExamOrder(actor: Actor | null, input: { orderId: string }) {
  authorize(actor, "visits:write");
  const { orderId } = removeExamOrderSchema.parse(input);
  await db().$transaction(async (tx) => {
    const row = await tx.examOrder.findUnique({ where: { id: orderId } });
    if (!row) throw new AppError("NOT_FOUND", "There is no such order.");
    const visit = await visitForWriting(tx, actor, row.visitId, "update");
    await tx.examOrder.delete({ where: { id: orderId } });
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "delete", resourceType: "ExamOrder", resourceId: orderId, purpose: "cancel exam order" });
  });
}
