import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { appointmentFor } from "@/lib/scheduling/appointment-access";
import { startVisitSchema } from "./schemas";

/**
 * The doctor starts the visit of one of their appointments (booked or checked in): the appointment is in visit,
 * and an open visit record exists for it. Starting twice gives the same visit.
 */
export async function startVisit(actor: Actor | null, input: { appointmentId: string }) {
  authorize(actor, "visits:write");
  const { appointmentId } = startVisitSchema.parse(input);
  return db().$transaction(async (tx) => {
    const appointment = await appointmentFor(tx, actor, appointmentId, "start visit");
    const existing = await tx.visit.findUnique({ where: { appointmentId } });
    if (existing) return existing;
    const { count } = await tx.appointment.updateMany({ where: { id: appointmentId, status: { in: ["BOOKED", "CHECKED_IN"] } }, data: { status: "IN_PROGRESS" } });
    if (count === 0) throw new AppError("CONFLICT", "Only a booked or checked-in appointment can start a visit.");
    const visit = await tx.visit.create({ data: { appointmentId, doctorId: actor.userId, patientId: appointment.patientId } });
    await recordAudit(tx, { actor, patientId: appointment.patientId, action: "create", resourceType: "Visit", resourceId: visit.id, purpose: "start visit" });
    return visit;
  });
}
