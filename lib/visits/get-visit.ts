import "server-only";
import { db } from "@/lib/db";
import { recordAudit, recordAuditNow } from "@/lib/audit/record";
import { authorize, authorizeClinicalAccess } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { AMENDMENT_PURPOSE } from "./amend-visit";
import { patientOpener } from "./sealing";
import { soapSchema, visitIdSchema, VITAL_FIELDS, type SoapNotes, type Vitals } from "./schemas";
import { visitForReading, VISITS_SCOPE } from "./visit-access";
import { NOTES_PURPOSE, ORDER_PURPOSE } from "./write-visit";

const EMPTY_NOTES: SoapNotes = { subjective: "", objective: "", assessment: "", plan: "" };

/** One visit in full, opened for a reader the policy allows: notes, vitals, diagnoses, orders, amendments. */
export async function getVisit(actor: Actor | null, input: { visitId: string }) {
  authorize(actor, "visits:read");
  const { visitId } = visitIdSchema.parse(input);
  return db().$transaction(async (tx) => {
    const { visit, basis } = await visitForReading(tx, actor, visitId);
    const open = await patientOpener(tx, visit.patientId);
    const [diagnoses, orders, amendments, prescriptions, people] = await Promise.all([
      tx.visitDiagnosis.findMany({ where: { visitId }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }] }),
      tx.examOrder.findMany({ where: { visitId }, orderBy: { createdAt: "asc" } }),
      tx.visitAmendment.findMany({ where: { visitId }, orderBy: { createdAt: "asc" } }),
      tx.prescription.findMany({ where: { visitId }, orderBy: { signedAt: "asc" }, select: { id: true, code: true, drugName: true, dose: true, route: true, frequency: true, durationDays: true, status: true } }),
      tx.user.findMany({ where: { id: { in: [visit.doctorId, visit.patientId] } }, select: { id: true, name: true } }),
    ]);
    const amendmentAuthors = await tx.user.findMany({ where: { id: { in: amendments.map((a) => a.authorId) } }, select: { id: true, name: true } });
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "read", resourceType: "Visit", resourceId: visitId, purpose: basis === "author" || basis === "self" ? "view visit" : `view visit (${basis})` });
    const notes = visit.notesCipher ? soapSchema.parse(JSON.parse(open(NOTES_PURPOSE(visitId), visit.notesCipher)!)) : EMPTY_NOTES;
    const nameOf = (id: string) => [...people, ...amendmentAuthors].find((p) => p.id === id)?.name ?? "—";
    return {
      id: visit.id,
      appointmentId: visit.appointmentId,
      patientId: visit.patientId,
      patientName: nameOf(visit.patientId),
      doctorId: visit.doctorId,
      doctorName: nameOf(visit.doctorId),
      status: visit.status,
      startedAt: visit.startedAt,
      signedAt: visit.signedAt,
      signedHash: visit.signedHash,
      notes,
      vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, visit[f]])) as Vitals,
      diagnoses: diagnoses.map((d) => ({ id: d.id, system: d.system, code: d.code, display: d.display, isPrimary: d.isPrimary })),
      orders: orders.map((o) => ({ id: o.id, name: o.name, instructions: open(ORDER_PURPOSE(o.id), o.instructionsCipher) ?? "" })),
      amendments: amendments.map((a) => {
        const content = JSON.parse(open(AMENDMENT_PURPOSE(visitId), a.contentCipher)!) as { reason: string; notes: SoapNotes };
        return { id: a.id, createdAt: a.createdAt, authorName: nameOf(a.authorId), reason: content.reason, notes: content.notes, contentHash: a.contentHash };
      }),
      prescriptions,
      canWrite: actor.role === "DOCTOR" && visit.doctorId === actor.userId && visit.status === "OPEN",
      canAmend: actor.role === "DOCTOR" && visit.doctorId === actor.userId && visit.status === "SIGNED",
    };
  });
}

/**
 * A patient's visits, newest first: for the patient their signed visits; for a doctor those they hold plus, with
 * the patient's consent for visits (or break-glass), the patient's other signed visits.
 */
export async function listPatientVisits(actor: Actor | null, input: { patientId: string }) {
  authorize(actor, "visits:read");
  const patientId = input.patientId;
  return db().$transaction(async (tx) => {
    let where;
    if (actor.role === "PATIENT") {
      if (patientId !== actor.userId) throw new AppError("FORBIDDEN", "You may not see this patient's record.");
      where = { patientId, status: "SIGNED" as const };
    } else {
      const shared = await authorizeClinicalAccess(actor, patientId, VISITS_SCOPE).then(
        () => true,
        () => false,
      );
      if (!shared && (await tx.visit.count({ where: { patientId, doctorId: actor.userId } })) === 0) {
        await recordAuditNow({ actor, patientId, action: "read", resourceType: "Visit", purpose: "refused: no consent and no visit of one's own", outcome: "DENIED" });
        throw new AppError("FORBIDDEN", "You need this patient's consent to see their visits.");
      }
      where = shared ? { patientId, OR: [{ status: "SIGNED" as const }, { doctorId: actor.userId }] } : { patientId, doctorId: actor.userId };
    }
    const visits = await tx.visit.findMany({ where, orderBy: { startedAt: "desc" }, include: { diagnoses: { orderBy: { isPrimary: "desc" } } } });
    const doctors = await tx.user.findMany({ where: { id: { in: [...new Set(visits.map((v) => v.doctorId))] } }, select: { id: true, name: true } });
    await recordAudit(tx, { actor, patientId, action: "read", resourceType: "Visit", purpose: "list visits" });
    return visits.map((v) => ({
      id: v.id,
      status: v.status,
      startedAt: v.startedAt,
      signedAt: v.signedAt,
      doctorName: doctors.find((d) => d.id === v.doctorId)?.name ?? "—",
      diagnoses: v.diagnoses.map((d) => `${d.code} ${d.display}`),
    }));
  });
}
