import "server-only";
import { recordAuditNow } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";

/**
 * One appointment as the actor may touch it: a patient their own, a doctor those booked with them, an admin any.
 * Another person's appointment id is FORBIDDEN (and the attempt audited); an id that does not exist is NOT_FOUND.
 */
export async function appointmentFor(tx: Tx, actor: Actor, appointmentId: string, action: string) {
  const appointment = await tx.appointment.findUnique({ where: { id: appointmentId } });
  if (!appointment) throw new AppError("NOT_FOUND", "There is no such appointment.");
  const mine =
    actor.role === "ADMIN" ||
    (actor.role === "PATIENT" && appointment.patientId === actor.userId) ||
    (actor.role === "DOCTOR" && appointment.doctorId === actor.userId);
  if (!mine) {
    await recordAuditNow({ actor, patientId: appointment.patientId, action, resourceType: "Appointment", resourceId: appointmentId, purpose: "refused: not the actor's appointment", outcome: "DENIED" });
    throw new AppError("FORBIDDEN", "This is not your appointment.");
  }
  return appointment;
}

/** Patients change an appointment only until the cut-off before it; staff at any time. */
export function assertBeforeCutoff(actor: Actor, startsAt: Date, cutoffHours: number, verb: string, now = new Date()): void {
  if (actor.role !== "PATIENT") return;
  if (startsAt.getTime() - now.getTime() < cutoffHours * 3_600_000) {
    throw new AppError("CONFLICT", `Appointments can be ${verb} online until ${cutoffHours} hours before they start. Please call the clinic.`);
  }
}
