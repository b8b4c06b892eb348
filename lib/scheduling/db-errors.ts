import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** PostgreSQL refused a row because it overlaps another under an exclusion constraint (SQLSTATE 23P01). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const text = JSON.stringify({ message: (e as Error).message, meta: (e as Prisma.PrismaClientKnownRequestError).meta, code: (e as { code?: unknown }).code });
    if (text.includes("23P01") || /exclusion constraint/i.test(text)) return constraint ? text.includes(constraint) : true;
  }
  return false;
}

/** The user-facing refusal for an overlap the database refused, or undefined when the error is something else. */
export function slotConflict(error: unknown): AppError | undefined {
  if (isExclusionViolation(error, "Appointment_patient_no_overlap")) return new AppError("CONFLICT", "The patient already has an appointment at that time.");
  if (isExclusionViolation(error, "Appointment_doctor_time_off")) return new AppError("CONFLICT", "The doctor has just blocked that time. Choose another slot.");
  if (isExclusionViolation(error)) return new AppError("CONFLICT", "That time was just taken by someone else. Choose another slot.");
  return undefined;
}
