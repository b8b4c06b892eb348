import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { appointmentFor } from "./appointment-access";
import { appointmentIdSchema, type AppointmentIdInput } from "./schemas";

/** The patient has arrived: their doctor or the front desk (admin) checks them in, once. */
export async function checkInAppointment(actor: Actor | null, input: AppointmentIdInput) {
  authorize(actor, "appointments:check-in");
  const { appointmentId } = appointmentIdSchema.parse(input);
  return db().$transaction(async (tx) => {
    const appointment = await appointmentFor(tx, actor, appointmentId, "check-in");
    const { count } = await tx.appointment.updateMany({ where: { id: appointmentId, status: "BOOKED" }, data: { status: "CHECKED_IN", checkedInAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", "Only a booked appointment can be checked in.");
    await recordAudit(tx, { actor, patientId: appointment.patientId, action: "check-in", resourceType: "Appointment", resourceId: appointmentId, purpose: "patient arrived" });
  });
}

/** The patient did not come: their doctor marks it once the appointment's time has begun. */
export async function markNoShow(actor: Actor | null, input: AppointmentIdInput) {
  authorize(actor, "appointments:check-in");
  const { appointmentId } = appointmentIdSchema.parse(input);
  return db().$transaction(async (tx) => {
    const appointment = await appointmentFor(tx, actor, appointmentId, "no-show");
    if (appointment.startsAt > new Date()) throw new AppError("CONFLICT", "An appointment can be marked as missed once its time has begun.");
    const { count } = await tx.appointment.updateMany({ where: { id: appointmentId, status: { in: ["BOOKED", "CHECKED_IN"] } }, data: { status: "NO_SHOW" } });
    if (count === 0) throw new AppError("CONFLICT", "Only a booked or checked-in appointment can be marked as missed.");
    await recordAudit(tx, { actor, patientId: appointment.patientId, action: "no-show", resourceType: "Appointment", resourceId: appointmentId, purpose: "patient did not attend" });
  });
}
