import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { appointmentFor, assertBeforeCutoff } from "./appointment-access";
import { sendAppointmentMail } from "./mails";
import { appointmentIdSchema, type AppointmentIdInput } from "./schemas";

/** Cancels a booked appointment and frees its slot. Patients: their own, before the cut-off; staff at any time. */
export async function cancelAppointment(actor: Actor | null, input: AppointmentIdInput) {
  authorize(actor, "appointments:change");
  const { appointmentId } = appointmentIdSchema.parse(input);
  const client = db();
  const current = await appointmentFor(client, actor, appointmentId, "cancel");
  if (current.status !== "BOOKED") throw new AppError("CONFLICT", "Only a booked appointment that has not started can be cancelled.");
  assertBeforeCutoff(actor, current.startsAt, env().BOOKING_CUTOFF_HOURS, "cancelled");
  const cancelled = await client.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.appointment.updateMany({
      where: { id: appointmentId, status: "BOOKED" },
      data: { status: "CANCELLED", cancelledAt: now, cancelledById: actor.userId },
    });
    if (count === 0) throw new AppError("CONFLICT", "The appointment changed in the meantime. Reload and try again.");
    await recordAudit(tx, { actor, patientId: current.patientId, action: "cancel", resourceType: "Appointment", resourceId: appointmentId, purpose: "cancel appointment" });
    return tx.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
  });
  const [patient, doctor] = await Promise.all([
    client.user.findUniqueOrThrow({ where: { id: cancelled.patientId }, select: { email: true } }),
    client.user.findUniqueOrThrow({ where: { id: cancelled.doctorId }, select: { name: true, doctorProfile: { select: { specialty: true } } } }),
  ]);
  await sendAppointmentMail({ kind: "cancelled", appointment: cancelled, patientEmail: patient.email, doctorName: doctor.name ?? "your doctor", specialty: doctor.doctorProfile?.specialty });
  return cancelled;
}
