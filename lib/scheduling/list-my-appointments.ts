import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { env } from "@/lib/env";

/** A patient's own appointments, upcoming first then past, with whether each can still be changed online. */
export async function listMyAppointments(actor: Actor | null) {
  authorize(actor, "appointments:read-own");
  const now = new Date();
  const cutoffMs = env().BOOKING_CUTOFF_HOURS * 3_600_000;
  return db().$transaction(async (tx) => {
    const rows = await tx.appointment.findMany({
      where: { patientId: actor.userId },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, endsAt: true, status: true, consentAtBooking: true, doctorId: true },
    });
    const doctors = await tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.doctorId))] } }, select: { id: true, name: true, doctorProfile: { select: { specialty: true } } } });
    const byId = new Map(doctors.map((d) => [d.id, d]));
    await recordAudit(tx, { actor, patientId: actor.userId, action: "read", resourceType: "Appointment", purpose: "list own appointments" });
    const all = rows.map((r) => ({
      ...r,
      doctorName: byId.get(r.doctorId)?.name ?? "Doctor",
      specialty: byId.get(r.doctorId)?.doctorProfile?.specialty ?? "",
      changeable: r.status === "BOOKED" && r.startsAt.getTime() - now.getTime() >= cutoffMs,
    }));
    return {
      upcoming: all.filter((a) => a.endsAt > now && a.status !== "CANCELLED" && a.status !== "NO_SHOW" && a.status !== "COMPLETED"),
      past: all.filter((a) => !(a.endsAt > now && a.status !== "CANCELLED" && a.status !== "NO_SHOW" && a.status !== "COMPLETED")).reverse(),
    };
  });
}
