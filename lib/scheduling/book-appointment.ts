import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError, isAppError } from "@/lib/errors";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { grantConsent } from "@/lib/consent/grant-consent";
import { log } from "@/lib/log";
import { sealForPatient } from "@/lib/visits/sealing";
import { requireActiveDoctor, requireFreeSlot } from "./availability";
import { slotConflict } from "./db-errors";
import { sendAppointmentMail } from "./mails";
import { bookAppointmentSchema, type BookAppointmentInput } from "./schemas";


/**
 * Books a free slot: a patient for themself, or staff (admin) for a patient. The slot must be one the doctor's
 * working hours offer, not on leave or blocked, in the future; that it is not already taken is finally decided by
 * the database (exclusion constraint), so of any number of simultaneous requests for one slot exactly one wins.
 * A confirmation with a calendar invitation is emailed once the booking is committed; when the patient chose to,
 * they then grant the doctor access to their record.
 */
export async function bookAppointment(actor: Actor | null, input: BookAppointmentInput, chain?: Pick<ChainDeployment, "contracts">) {
  authorize(actor, "appointments:book");
  const data = bookAppointmentSchema.parse(input);
  let patientId: string;
  if (actor.role === "PATIENT") {
    if (data.patientId && data.patientId !== actor.userId) throw new AppError("FORBIDDEN", "You can only book for yourself.");
    patientId = actor.userId;
  } else {
    if (!data.patientId) throw new AppError("VALIDATION", "Choose the patient.", { patientId: ["Choose the patient."] });
    patientId = data.patientId;
  }
  const client = db();
  const patient = await client.user.findFirst({ where: { id: patientId, role: "PATIENT", status: "ACTIVE" }, select: { id: true, email: true } });
  if (!patient) throw new AppError("NOT_FOUND", "There is no such patient.");
  const doctor = await requireActiveDoctor(client, data.doctorId);
  const slot = await requireFreeSlot(client, doctor.id, data.startsAt);

  const appointment = await client
    .$transaction(async (tx) => {
      const created = await tx.appointment.create({
        data: {
          doctorId: doctor.id,
          patientId,
          bookedById: actor.userId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          consentAtBooking: data.grantConsent,
          reasonCipher: data.reason ? await sealForPatient(tx, patientId, "appointment-reason", data.reason) : null,
        },
      });
      await recordAudit(tx, {
        actor,
        patientId,
        action: "create",
        resourceType: "Appointment",
        resourceId: created.id,
        purpose: actor.role === "PATIENT" ? "book appointment" : "book appointment for a patient",
      });
      return created;
    })
    .catch((error: unknown) => {
      throw slotConflict(error) ?? error;
    });

  await sendAppointmentMail({ kind: "confirmation", appointment, patientEmail: patient.email, doctorName: doctor.name ?? "your doctor", specialty: doctor.doctorProfile?.specialty });
  const consent = data.grantConsent && actor.role === "PATIENT" ? await grantConsentAtBooking(actor, doctor.id, appointment.startsAt, chain) : null;
  return { ...appointment, consent };
}

/** How long the access the patient grants at booking lasts: through this many days after the appointment. */
export const CONSENT_DAYS_AFTER_VISIT = 30;

/**
 * The patient's "let this doctor see my record" at booking: a consent for the whole record (grantConsent, the
 * consent domain's own function: mirror row and on-chain grant from the patient's Safe through the outbox).
 * Its own step after the booking committed: when it cannot be recorded (e.g. the chain is not configured) the
 * booking stands and the patient is told to grant access later.
 */
async function grantConsentAtBooking(actor: Actor, doctorId: string, startsAt: Date, chain?: Pick<ChainDeployment, "contracts">): Promise<"granted" | "failed"> {
  const until = new Date(startsAt.getTime() + CONSENT_DAYS_AFTER_VISIT * 86_400_000).toISOString().slice(0, 10);
  try {
    await grantConsent(actor, { granteeId: doctorId, scope: "ALL", until }, chain);
    return "granted";
  } catch (error) {
    if (!isAppError(error)) throw error;
    log.warn("consent at booking not recorded", { errorCode: error.code });
    return "failed";
  }
}
