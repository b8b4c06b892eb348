import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { clinicTimeZone, clinicToday } from "./availability";
import { doctorDaySchema } from "./schemas";
import { addDays, zonedTimeToUtc } from "./time-zone";

/** The doctor's own appointments on one clinic day (today by default), in time order, with the patients' names. */
export async function getDoctorDay(actor: Actor | null, input: { date?: string } = {}) {
  authorize(actor, "day:work");
  const date = doctorDaySchema.parse(input).date ?? clinicToday();
  const tz = clinicTimeZone();
  const from = zonedTimeToUtc(date, 0, tz);
  const to = zonedTimeToUtc(addDays(date, 1), 0, tz);
  return db().$transaction(async (tx) => {
    const rows = await tx.appointment.findMany({
      where: { doctorId: actor.userId, startsAt: { gte: from, lt: to } },
      orderBy: { startsAt: "asc" },
      select: { id: true, patientId: true, startsAt: true, endsAt: true, status: true, checkedInAt: true },
    });
    const patients = await tx.patientProfile.findMany({
      where: { userId: { in: [...new Set(rows.map((r) => r.patientId))] } },
      select: { userId: true, givenName: true, familyName: true, dateOfBirth: true },
    });
    const visits = await tx.visit.findMany({ where: { appointmentId: { in: rows.map((r) => r.id) } }, select: { id: true, appointmentId: true, status: true } });
    const byPatient = new Map(patients.map((p) => [p.userId, p]));
    const byAppointment = new Map(visits.map((v) => [v.appointmentId, v]));
    for (const patientId of new Set(rows.map((r) => r.patientId))) {
      await recordAudit(tx, { actor, patientId, action: "read", resourceType: "Appointment", purpose: "doctor's day list" });
    }
    return {
      date,
      appointments: rows.map((r) => {
        const p = byPatient.get(r.patientId);
        return { ...r, patientName: p ? `${p.givenName} ${p.familyName}` : "Patient", dateOfBirth: p?.dateOfBirth ?? null, visit: byAppointment.get(r.id) ?? null };
      }),
    };
  });
}
