import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { ACTIVE_STATUSES, requireActiveDoctor } from "./availability";
import { isExclusionViolation } from "./db-errors";
import { timeOffIdSchema, timeOffSchema, workingHoursSchema, type TimeOffInput, type WorkingHoursInput } from "./schemas";
import { parseMinute } from "./time-zone";

/** Whose schedule: a doctor their own; an admin the doctor named. */
function scheduleOwner(actor: Actor, doctorId: string | undefined): string {
  if (actor.role === "DOCTOR") {
    if (doctorId && doctorId !== actor.userId) throw new AppError("FORBIDDEN", "You can only change your own schedule.");
    return actor.userId;
  }
  if (!doctorId) throw new AppError("VALIDATION", "Choose the doctor.");
  return doctorId;
}

/** A doctor's weekly hours and their leave and blocks from today on. */
export async function getDoctorSchedule(actor: Actor | null, input: { doctorId?: string } = {}) {
  authorize(actor, "schedule:manage");
  const doctorId = scheduleOwner(actor, input.doctorId);
  const client = db();
  await requireActiveDoctor(client, doctorId);
  const [hours, timeOff] = await Promise.all([
    client.workingHours.findMany({ where: { doctorId }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] }),
    client.timeOff.findMany({ where: { doctorId, endsAt: { gt: new Date() } }, orderBy: { startsAt: "asc" } }),
  ]);
  return { doctorId, hours, timeOff };
}

/**
 * Replaces the doctor's weekly hours. Existing appointments stay as booked; only new slots follow the new hours.
 * Overlapping intervals on one weekday are refused.
 */
export async function setWorkingHours(actor: Actor | null, input: WorkingHoursInput) {
  authorize(actor, "schedule:manage");
  const data = workingHoursSchema.parse(input);
  const doctorId = scheduleOwner(actor, data.doctorId);
  const rows = data.intervals
    .map((i) => ({ doctorId, weekday: i.weekday, startMinute: parseMinute(i.start)!, endMinute: parseMinute(i.end)!, slotMinutes: i.slotMinutes }))
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.weekday === rows[i - 1]!.weekday && rows[i]!.startMinute < rows[i - 1]!.endMinute) {
      throw new AppError("VALIDATION", "Two working intervals on the same day overlap.");
    }
  }
  await db().$transaction(async (tx) => {
    await requireActiveDoctor(tx, doctorId);
    await tx.workingHours.deleteMany({ where: { doctorId } });
    await tx.workingHours.createMany({ data: rows });
    await recordAudit(tx, { actor, action: "update", resourceType: "WorkingHours", resourceId: doctorId, purpose: "set working hours" });
  });
}

/**
 * Leave or a block. Refused while booked appointments fall inside it: they must be moved or cancelled first. A booking
 * made at the same moment is caught by the database (TimeOff_clear_of_appointments): one of the two is refused.
 */
export async function addTimeOff(actor: Actor | null, input: TimeOffInput) {
  authorize(actor, "schedule:manage");
  const data = timeOffSchema.parse(input);
  const doctorId = scheduleOwner(actor, data.doctorId);
  const added = db().$transaction(async (tx) => {
    await requireActiveDoctor(tx, doctorId);
    const clashes = await tx.appointment.count({ where: { doctorId, status: { in: [...ACTIVE_STATUSES] }, startsAt: { lt: data.endsAt }, endsAt: { gt: data.startsAt } } });
    if (clashes > 0) throw new AppError("CONFLICT", `${clashes} booked appointment${clashes === 1 ? " falls" : "s fall"} in that time. Move or cancel ${clashes === 1 ? "it" : "them"} first.`);
    const row = await tx.timeOff.create({ data: { doctorId, kind: data.kind, startsAt: data.startsAt, endsAt: data.endsAt, note: data.note } });
    await recordAudit(tx, { actor, action: "create", resourceType: "TimeOff", resourceId: row.id, purpose: data.kind === "LEAVE" ? "add leave" : "block time" });
    return row;
  });
  return added.catch((error: unknown) => {
    if (isExclusionViolation(error, "TimeOff_appointment_clash")) throw new AppError("CONFLICT", "An appointment was just booked in that time. Move or cancel it first.");
    throw error;
  });
}

export async function removeTimeOff(actor: Actor | null, input: { timeOffId: string }) {
  authorize(actor, "schedule:manage");
  const { timeOffId } = timeOffIdSchema.parse(input);
  await db().$transaction(async (tx) => {
    const row = await tx.timeOff.findUnique({ where: { id: timeOffId } });
    if (!row) throw new AppError("NOT_FOUND", "There is no such period.");
    scheduleOwner(actor, row.doctorId);
    await tx.timeOff.delete({ where: { id: timeOffId } });
    await recordAudit(tx, { actor, action: "delete", resourceType: "TimeOff", resourceId: timeOffId, purpose: "remove time off" });
  });
}
