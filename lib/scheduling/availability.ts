import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { freeSlots, type Busy, type Slot } from "./slots";
import { addDays, wallClockAt } from "./time-zone";

/** Appointments in these states hold their time (the same list as the exclusion constraints' WHERE). */
export const ACTIVE_STATUSES = ["BOOKED", "CHECKED_IN", "IN_PROGRESS", "COMPLETED"] as const;

export function clinicTimeZone(): string {
  return env().CLINIC_TIME_ZONE;
}

/** Today's date on the clinic's wall calendar. */
export function clinicToday(now = new Date()): string {
  return wallClockAt(now, clinicTimeZone()).date;
}

export async function requireActiveDoctor(tx: Tx, doctorId: string) {
  const doctor = await tx.user.findFirst({
    where: { id: doctorId, role: "DOCTOR", status: "ACTIVE" },
    select: { id: true, name: true, email: true, doctorProfile: { select: { specialty: true, feeCents: true } } },
  });
  if (!doctor) throw new AppError("NOT_FOUND", "There is no such doctor.");
  return doctor;
}

/** What keeps a doctor busy between two instants: active appointments (less one being moved), leave and blocks. */
async function busyBetween(tx: Tx, doctorId: string, from: Date, to: Date, ignoreAppointmentId?: string): Promise<Busy[]> {
  const [appointments, timeOff] = await Promise.all([
    tx.appointment.findMany({
      where: { doctorId, status: { in: [...ACTIVE_STATUSES] }, startsAt: { lt: to }, endsAt: { gt: from }, ...(ignoreAppointmentId ? { id: { not: ignoreAppointmentId } } : {}) },
      select: { startsAt: true, endsAt: true },
    }),
    tx.timeOff.findMany({ where: { doctorId, startsAt: { lt: to }, endsAt: { gt: from } }, select: { startsAt: true, endsAt: true } }),
  ]);
  return [...appointments, ...timeOff];
}

/** A doctor's free slots over local dates fromDate … fromDate + days - 1, none in the past. */
export async function doctorFreeSlots(tx: Tx, doctorId: string, fromDate: string, days: number, now = new Date(), ignoreAppointmentId?: string): Promise<Slot[]> {
  const toDate = addDays(fromDate, days - 1);
  const hours = await tx.workingHours.findMany({ where: { doctorId } });
  if (hours.length === 0) return [];
  // A day on either side covers any offset between the clinic's dates and UTC.
  const from = new Date(`${addDays(fromDate, -1)}T00:00:00Z`);
  const to = new Date(`${addDays(toDate, 2)}T00:00:00Z`);
  const busy = await busyBetween(tx, doctorId, from, to, ignoreAppointmentId);
  return freeSlots({ hours, busy, fromDate, toDate, timeZone: clinicTimeZone(), notBefore: now });
}

/**
 * The free slot that starts at `startsAt`, or a clear refusal. Free here means "not taken when we looked": two
 * requests can both see it free, and the database's exclusion constraint lets only one of them have it.
 */
export async function requireFreeSlot(tx: Tx, doctorId: string, startsAt: Date, opts: { now?: Date; ignoreAppointmentId?: string } = {}): Promise<Slot> {
  const now = opts.now ?? new Date();
  if (startsAt <= now) throw new AppError("VALIDATION", "That time has already passed. Choose a later slot.");
  const horizon = new Date(now.getTime() + env().BOOKING_HORIZON_DAYS * 86_400_000);
  if (startsAt > horizon) throw new AppError("VALIDATION", `Appointments can be booked up to ${env().BOOKING_HORIZON_DAYS} days ahead.`);
  const date = wallClockAt(startsAt, clinicTimeZone()).date;
  // The day before too: a slot of a shift that began before midnight.
  const slots = await doctorFreeSlots(tx, doctorId, addDays(date, -1), 2, now, opts.ignoreAppointmentId);
  const slot = slots.find((s) => s.startsAt.getTime() === startsAt.getTime());
  if (!slot) throw new AppError("CONFLICT", "That time is not free any more. Choose another slot.");
  return slot;
}
