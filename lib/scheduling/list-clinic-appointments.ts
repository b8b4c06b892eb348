import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { clinicTimeZone, clinicToday } from "./availability";
import { doctorDaySchema } from "./schemas";
import { addDays, zonedTimeToUtc } from "./time-zone";

/** The front desk's view for staff: every appointment of one clinic day, and the patients one can book for. */
export async function listClinicAppointments(actor: Actor | null, input: { date?: string } = {}) {
  authorize(actor, "appointments:list-all");
  const date = doctorDaySchema.parse(input).date ?? clinicToday();
  const tz = clinicTimeZone();
  return db().$transaction(async (tx) => {
    const rows = await tx.appointment.findMany({
      where: { startsAt: { gte: zonedTimeToUtc(date, 0, tz), lt: zonedTimeToUtc(addDays(date, 1), 0, tz) } },
      orderBy: [{ startsAt: "asc" }],
      select: { id: true, patientId: true, doctorId: true, startsAt: true, endsAt: true, status: true },
    });
    const people = await tx.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => [r.patientId, r.doctorId]))] } }, select: { id: true, name: true } });
    const names = new Map(people.map((p) => [p.id, p.name ?? "—"]));
    await recordAudit(tx, { actor, action: "read", resourceType: "Appointment", purpose: `clinic appointments of ${date}` });
    return { date, appointments: rows.map((r) => ({ ...r, patientName: names.get(r.patientId)!, doctorName: names.get(r.doctorId)! })) };
  });
}

/** Patients staff may book for: name and date of birth to tell them apart. */
export async function listPatientsForBooking(actor: Actor | null) {
  authorize(actor, "appointments:book");
  if (actor.role === "PATIENT") return [];
  const rows = await db().patientProfile.findMany({
    where: { user: { status: "ACTIVE" } },
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
    select: { userId: true, givenName: true, familyName: true, dateOfBirth: true },
  });
  return rows.map((r) => ({ id: r.userId, name: `${r.familyName}, ${r.givenName}`, dateOfBirth: r.dateOfBirth.toISOString().slice(0, 10) }));
}
