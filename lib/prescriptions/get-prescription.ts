import "server-only";
import { db } from "@/lib/db";
import { recordAudit, recordAuditNow } from "@/lib/audit/record";
import { authorize, authorizeClinicalAccess } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { patientOpener } from "@/lib/visits/sealing";
import { RX_INSTRUCTIONS_PURPOSE } from "./sign-prescription";
import { rxCodeSchema } from "./schemas";

/** The on-chain anchoring of a prescription, from its outbox operation. */
export type AnchorStatus = "pending" | "confirmed" | "failed";
const anchorOf = (status: string | undefined): AnchorStatus => (status === "CONFIRMED" ? "confirmed" : status === "FAILED" ? "failed" : "pending");

/**
 * One prescription by its public code, for the printable page and the pharmacy: the prescribing doctor, the
 * patient it was written for, and pharmacy staff (dispensing needs it). Other doctors and patients are refused.
 */
export async function getPrescriptionByCode(actor: Actor | null, input: { code: string }) {
  authorize(actor, "prescriptions:read");
  const code = rxCodeSchema.parse(input.code);
  return db().$transaction(async (tx) => {
    const rx = await tx.prescription.findUnique({ where: { code } });
    if (!rx) throw new AppError("NOT_FOUND", "There is no prescription with this code.");
    const allowed = actor.role === "PHARMACIST" || (actor.role === "DOCTOR" && rx.doctorId === actor.userId) || (actor.role === "PATIENT" && rx.patientId === actor.userId);
    if (!allowed) {
      await recordAuditNow({ actor, patientId: rx.patientId, action: "read", resourceType: "Prescription", resourceId: rx.id, purpose: "refused: not the actor's prescription", outcome: "DENIED" });
      throw new AppError("FORBIDDEN", "This prescription is not yours to see.");
    }
    const [doctor, patient, op] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: rx.doctorId }, select: { name: true, doctorProfile: { select: { specialty: true, qualifications: true } } } }),
      tx.patientProfile.findUnique({ where: { userId: rx.patientId }, select: { givenName: true, familyName: true, dateOfBirth: true } }),
      rx.chainOpId ? tx.onchainOp.findUnique({ where: { id: rx.chainOpId }, select: { status: true, txHash: true } }) : null,
    ]);
    const open = await patientOpener(tx, rx.patientId);
    await recordAudit(tx, { actor, patientId: rx.patientId, action: "read", resourceType: "Prescription", resourceId: rx.id, purpose: actor.role === "PHARMACIST" ? "dispensing lookup" : "view prescription" });
    return {
      id: rx.id,
      code: rx.code,
      status: rx.status,
      drugId: rx.drugId,
      drugName: rx.drugName,
      dose: rx.dose,
      route: rx.route,
      frequency: rx.frequency,
      durationDays: rx.durationDays,
      quantity: rx.quantity,
      refills: rx.refills,
      instructions: open(RX_INSTRUCTIONS_PURPOSE(rx.code), rx.instructionsCipher) ?? "",
      signedAt: rx.signedAt,
      expiresAt: rx.expiresAt,
      rxHash: rx.rxHash,
      anchor: anchorOf(op?.status),
      txHash: op?.txHash ?? null,
      doctorName: doctor.name ?? "—",
      doctorSpecialty: doctor.doctorProfile?.specialty ?? "",
      doctorQualifications: doctor.doctorProfile?.qualifications ?? "",
      patientName: patient ? `${patient.givenName} ${patient.familyName}` : "—",
      patientDateOfBirth: patient?.dateOfBirth ?? null,
    };
  });
}

/**
 * A patient's prescriptions, newest first: for the patient all of theirs; for a doctor those they wrote, plus all
 * with the patient's consent for medications (or break-glass).
 */
export async function listPatientPrescriptions(actor: Actor | null, input: { patientId: string }) {
  authorize(actor, "prescriptions:read");
  const { patientId } = input;
  let onlyMine = false;
  if (actor.role === "PHARMACIST") throw new AppError("FORBIDDEN", "Pharmacy staff look prescriptions up by code.");
  if (actor.role === "PATIENT" && patientId !== actor.userId) {
    await recordAuditNow({ actor, action: "read", resourceType: "Prescription", purpose: "refused: another patient's prescriptions", outcome: "DENIED" });
    throw new AppError("FORBIDDEN", "You may not see this patient's record.");
  }
  if (actor.role === "DOCTOR") {
    onlyMine = await authorizeClinicalAccess(actor, patientId, "medications").then(
      () => false,
      () => true,
    );
  }
  return db().$transaction(async (tx) => {
    const rows = await tx.prescription.findMany({ where: { patientId, ...(onlyMine ? { doctorId: actor.userId } : {}) }, orderBy: { signedAt: "desc" } });
    if (onlyMine && rows.length === 0) {
      throw new AppError("FORBIDDEN", "You need this patient's consent to see their prescriptions.");
    }
    const [doctors, ops] = await Promise.all([
      tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.doctorId))] } }, select: { id: true, name: true } }),
      tx.onchainOp.findMany({ where: { id: { in: rows.flatMap((r) => (r.chainOpId ? [r.chainOpId] : [])) } }, select: { id: true, status: true } }),
    ]);
    await recordAudit(tx, { actor, patientId, action: "read", resourceType: "Prescription", purpose: "list prescriptions" });
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      drugName: r.drugName,
      dose: r.dose,
      route: r.route,
      frequency: r.frequency,
      durationDays: r.durationDays,
      quantity: r.quantity,
      refills: r.refills,
      status: r.status,
      signedAt: r.signedAt,
      expiresAt: r.expiresAt,
      doctorName: doctors.find((d) => d.id === r.doctorId)?.name ?? "—",
      anchor: anchorOf(ops.find((o) => o.id === r.chainOpId)?.status),
    }));
  });
}
