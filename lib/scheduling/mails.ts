import "server-only";
import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { escape, layout } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send";
import { calendarInvite } from "./ics";
import { clinicTimeZone } from "./availability";
import { formatInZone } from "./time-zone";

export type AppointmentMailKind = "confirmation" | "rescheduled" | "cancelled" | "reminder";

export interface AppointmentMailInput {
  kind: AppointmentMailKind;
  appointment: { id: string; startsAt: Date; endsAt: Date; sequence: number };
  patientEmail: string;
  doctorName: string;
  specialty?: string | null;
}

const HEADINGS: Record<AppointmentMailKind, string> = {
  confirmation: "Your appointment is booked",
  rescheduled: "Your appointment has moved",
  cancelled: "Your appointment is cancelled",
  reminder: "Reminder: your appointment",
};

/** The email for one appointment event, with its calendar (.ics) attachment. No health data: who, when, where. */
export function appointmentMail(input: AppointmentMailInput) {
  const { appointment: a, kind } = input;
  const when = `${formatInZone(a.startsAt, clinicTimeZone(), { dateStyle: "full", timeStyle: "short" })} (${clinicTimeZone().replace(/_/g, " ")})`;
  const withWhom = `${input.doctorName}${input.specialty ? `, ${input.specialty}` : ""}`;
  const manage = `${env().APP_URL}/patient/appointments`;
  const heading = HEADINGS[kind];
  const lead = kind === "cancelled" ? "This appointment will not take place:" : "Your appointment:";
  const ics = calendarInvite({
    uid: `${a.id}@carechain`,
    sequence: a.sequence,
    method: kind === "cancelled" ? "CANCEL" : "REQUEST",
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    summary: `Appointment with ${withWhom}`,
    description: `CareChain Health appointment. To reschedule or cancel, sign in: ${manage}`,
    location: "CareChain Health clinic",
    organizerEmail: /<([^>]+)>/.exec(env().MAIL_FROM)?.[1] ?? env().MAIL_FROM,
    attendeeEmail: input.patientEmail,
  });
  return {
    to: input.patientEmail,
    subject: `${heading}: ${formatInZone(a.startsAt, clinicTimeZone(), { dateStyle: "medium", timeStyle: "short" })}`,
    text: [heading, "", lead, `  ${when}`, `  with ${withWhom}`, "", `Manage your appointments: ${manage}`, "The calendar invitation is attached."].join("\n"),
    html: layout(
      heading,
      `<h1 style="font-size:20px;margin:0 0 16px">${escape(heading)}</h1>
<p style="margin:0 0 8px">${escape(lead)}</p>
<p style="margin:0 0 4px;font-weight:600">${escape(when)}</p>
<p style="margin:0 0 24px">with ${escape(withWhom)}</p>
<p style="margin:0"><a href="${escape(manage)}" style="color:#0f766e">Manage your appointments</a></p>`,
    ),
    attachments: [{ filename: "appointment.ics", content: ics, contentType: `text/calendar; charset=utf-8; method=${kind === "cancelled" ? "CANCEL" : "REQUEST"}` }],
  };
}

/** Sends after the change has committed; a mail failure is logged and never undoes the booking. */
export async function sendAppointmentMail(input: AppointmentMailInput): Promise<boolean> {
  try {
    await sendMail(appointmentMail(input));
    return true;
  } catch (error) {
    log.error("appointment email failed", { kind: input.kind, appointmentId: input.appointment.id, ...errorFields(error) });
    return false;
  }
}
