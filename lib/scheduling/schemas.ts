import { z } from "zod";

const uuid = (what: string) => z.uuid({ error: `Choose a ${what}.` });
const instant = z.coerce.date({ error: "Choose a time." });
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const bookAppointmentSchema = z.object({
  doctorId: uuid("doctor"),
  startsAt: instant,
  /** Staff booking for a patient name them; a patient books for themself. */
  patientId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  reason: z.string().trim().max(500, { error: "Keep the reason under 500 characters." }).optional().transform((v) => v || undefined),
  /** The patient's answer at booking: let this doctor see their record. */
  grantConsent: checkbox,
});
export type BookAppointmentInput = z.input<typeof bookAppointmentSchema>;

export const rescheduleAppointmentSchema = z.object({ appointmentId: uuid("appointment"), startsAt: instant });
export type RescheduleAppointmentInput = z.input<typeof rescheduleAppointmentSchema>;

export const appointmentIdSchema = z.object({ appointmentId: uuid("appointment") });
export type AppointmentIdInput = z.input<typeof appointmentIdSchema>;

export const freeSlotsSchema = z.object({
  doctorId: uuid("doctor"),
  /** First local date (YYYY-MM-DD) in the clinic's time zone; today when absent. */
  fromDate: z.iso.date().optional(),
  days: z.coerce.number().int().min(1).max(31).default(7),
});
export type FreeSlotsInput = z.input<typeof freeSlotsSchema>;

export const searchDoctorsSchema = z.object({
  q: z.string().trim().max(100).optional().default(""),
  specialty: z.string().trim().max(100).optional().default(""),
});
export type SearchDoctorsInput = z.input<typeof searchDoctorsSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: "Use HH:MM, e.g. 09:00." });

export const workingHoursSchema = z.object({
  doctorId: z.uuid().optional(),
  intervals: z
    .array(
      z
        .object({
          weekday: z.coerce.number().int().min(1).max(7),
          start: hhmm,
          end: hhmm,
          slotMinutes: z.coerce.number().int().min(5, { error: "Slots are at least 5 minutes." }).max(240),
        })
        .refine((i) => i.start < i.end, { error: "The end must be after the start.", path: ["end"] }),
    )
    .max(50),
});
export type WorkingHoursInput = z.input<typeof workingHoursSchema>;

export const timeOffSchema = z
  .object({
    doctorId: z.uuid().optional(),
    kind: z.enum(["LEAVE", "BLOCK"]),
    startsAt: z.coerce.date({ error: "Choose when it starts." }),
    endsAt: z.coerce.date({ error: "Choose when it ends." }),
    note: z.string().trim().max(200).optional().transform((v) => v || undefined),
  })
  .refine((t) => t.endsAt > t.startsAt, { error: "The end must be after the start.", path: ["endsAt"] });
export type TimeOffInput = z.input<typeof timeOffSchema>;

export const timeOffIdSchema = z.object({ timeOffId: uuid("period") });

export const doctorDaySchema = z.object({ date: z.iso.date().optional() });
