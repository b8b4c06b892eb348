import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { appointmentFor, assertBeforeCutoff } from "./appointment-access";
import { requireActiveDoctor, requireFreeSlot } from "./availability";
import { slotConflict } from "./db-errors";
import { sendAppointmentMail } from "./mails";
import { rescheduleAppointmentSchema, type RescheduleAppointmentInput } from "./schemas";

/**
 * Moves a booked appointment to another free slot of the same doctor. Patients: their own, and only before the
 * cut-off (for the current time and for the new one alike). The new time is checked by the same exclusion
 * constraint as a booking; the calendar event is updated (same UID, next SEQUENCE).
 */
export async function rescheduleAppointment(actor: Actor | null, input: RescheduleAppointmentInput) {
  authorize(actor, "appointments:change");
  const data = rescheduleAppointmentSchema.parse(input);
  const client = db();
  const current = await appointmentFor(client, actor, data.appointmentId, "reschedule");
  if (current.status !== "BOOKED") throw new AppError("CONFLICT", "Only a booked appointment that has not started can be moved.");
  const cutoff = env().BOOKING_CUTOFF_HOURS;
  assertBeforeCutoff(actor, current.startsAt, cutoff, "moved");
  assertBeforeCutoff(actor, data.startsAt, cutoff, "moved");
  const doctor = await requireActiveDoctor(client, current.doctorId);
  const slot = await requireFreeSlot(client, doctor.id, data.startsAt, { ignoreAppointmentId: current.id });

  const moved = await client
    .$transaction(async (tx) => {
      // Conditional on what we read: a concurrent cancel or move makes this match nothing.
      const { count } = await tx.appointment.updateMany({
        where: { id: current.id, status: "BOOKED", sequence: current.sequence },
        data: { startsAt: slot.startsAt, endsAt: slot.endsAt, sequence: { increment: 1 }, reminderSentAt: null },
      });
      if (count === 0) throw new AppError("CONFLICT", "The appointment changed in the meantime. Reload and try again.");
      await recordAudit(tx, { actor, patientId: current.patientId, action: "update", resourceType: "Appointment", resourceId: current.id, purpose: "reschedule appointment" });
      return tx.appointment.findUniqueOrThrow({ where: { id: current.id } });
    })
    .catch((error: unknown) => {
      throw slotConflict(error) ?? error;
    });
  const patient = await client.user.findUniqueOrThrow({ where: { id: moved.patientId }, select: { email: true } });
  await sendAppointmentMail({ kind: "rescheduled", appointment: moved, patientEmail: patient.email, doctorName: doctor.name ?? "your doctor", specialty: doctor.doctorProfile?.specialty });
  return moved;
}
