import { db } from "@/lib/db";
import { createActor } from "@/test/factories";
import { addDays, wallClockAt, zonedTimeToUtc } from "./time-zone";

/** For tests: a doctor with a profile who works every day from 08:00 to 18:00 in 30-minute slots. */
export async function createDoctorWithHours(opts: { specialty?: string; name?: string; slotMinutes?: number } = {}) {
  const doctor = await createActor("DOCTOR");
  if (opts.name) await db().user.update({ where: { id: doctor.userId }, data: { name: opts.name } });
  await db().doctorProfile.create({
    data: { userId: doctor.userId, specialty: opts.specialty ?? "Family medicine", qualifications: "MD", languages: ["English"], bio: "Test doctor.", feeCents: 5_000 },
  });
  await db().workingHours.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ doctorId: doctor.userId, weekday, startMinute: 8 * 60, endMinute: 18 * 60, slotMinutes: opts.slotMinutes ?? 30 })),
  });
  return doctor;
}

/** A slot start `days` days from today at hh:mm clinic time (America/New_York unless CLINIC_TIME_ZONE says otherwise). */
export function clinicSlot(days: number, hour: number, minute = 0): Date {
  const tz = process.env.CLINIC_TIME_ZONE ?? "America/New_York";
  return zonedTimeToUtc(addDays(wallClockAt(new Date(), tz).date, days), hour * 60 + minute, tz);
}

/**
 * For the authorization matrix: an appointment the actor is party to when they can be (a patient's own, a
 * doctor's own), otherwise between a fresh doctor and a fresh patient.
 */
export async function appointmentFixture(actor: { userId: string; role: string } | null, startsAt: Date) {
  const doctorId = actor?.role === "DOCTOR" ? actor.userId : (await createDoctorWithHours()).userId;
  if (actor?.role === "DOCTOR" && !(await db().doctorProfile.findUnique({ where: { userId: doctorId } }))) {
    await db().doctorProfile.create({ data: { userId: doctorId, specialty: "Family medicine", qualifications: "MD", languages: ["English"], bio: "", feeCents: 0 } });
    await db().workingHours.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ doctorId, weekday, startMinute: 8 * 60, endMinute: 18 * 60, slotMinutes: 30 })) });
  }
  const patientId = actor?.role === "PATIENT" ? actor.userId : (await createActor("PATIENT")).userId;
  return db().appointment.create({ data: { doctorId, patientId, bookedById: patientId, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000) } });
}
