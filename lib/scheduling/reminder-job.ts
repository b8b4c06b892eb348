import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { WorkerJob } from "@/lib/worker/job";
import { sendAppointmentMail } from "./mails";

/**
 * Emails a reminder, with the calendar invitation, for each booked appointment starting within
 * APPOINTMENT_REMINDER_HOURS. Each appointment is claimed by a conditional update before its mail goes out, so two
 * workers never send the same reminder; a failed send releases the claim for the next run. A reschedule clears it.
 */
export async function sendAppointmentReminders(now = new Date()): Promise<{ sent: number; failed: number }> {
  const until = new Date(now.getTime() + env().APPOINTMENT_REMINDER_HOURS * 3_600_000);
  const due = await db().appointment.findMany({
    where: { status: { in: ["BOOKED", "CHECKED_IN"] }, reminderSentAt: null, startsAt: { gt: now, lte: until } },
    orderBy: { startsAt: "asc" },
    take: 200,
  });
  let sent = 0;
  let failed = 0;
  for (const appointment of due) {
    const claimedAt = new Date();
    const { count } = await db().appointment.updateMany({ where: { id: appointment.id, reminderSentAt: null, sequence: appointment.sequence }, data: { reminderSentAt: claimedAt } });
    if (count === 0) continue;
    const [patient, doctor] = await Promise.all([
      db().user.findUniqueOrThrow({ where: { id: appointment.patientId }, select: { email: true } }),
      db().user.findUniqueOrThrow({ where: { id: appointment.doctorId }, select: { name: true, doctorProfile: { select: { specialty: true } } } }),
    ]);
    const ok = await sendAppointmentMail({ kind: "reminder", appointment, patientEmail: patient.email, doctorName: doctor.name ?? "your doctor", specialty: doctor.doctorProfile?.specialty });
    if (ok) sent++;
    else {
      failed++;
      await db().appointment.updateMany({ where: { id: appointment.id, reminderSentAt: claimedAt }, data: { reminderSentAt: null } });
    }
  }
  return { sent, failed };
}

/** The worker's reminder job: once a minute. */
export const appointmentReminderJob: WorkerJob = {
  name: "appointment-reminders",
  intervalMs: 60_000,
  async run() {
    const { sent, failed } = await sendAppointmentReminders();
    if (sent || failed) log.info("appointment reminders", { sent, failed });
  },
};
