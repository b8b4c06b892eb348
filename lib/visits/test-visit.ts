import { db } from "@/lib/db";
import { appointmentFixture, clinicSlot } from "@/lib/scheduling/test-doctor";
import { createActor } from "@/test/factories";
import { signVisit } from "./sign-visit";
import { startVisit } from "./start-visit";
import { addDiagnosis, saveVisit } from "./write-visit";

/**
 * For tests: a visit held by the actor when they are a doctor (else by a fresh doctor), optionally with notes, a
 * diagnosis and signed. When the actor is a patient, the visit is theirs.
 */
export async function visitFixture(actor: { userId: string; role: string } | null, opts: { signed?: boolean } = {}) {
  const doctor = actor?.role === "DOCTOR" ? { ...actor, role: "DOCTOR" as const, sessionId: "fixture" } : await createActor("DOCTOR");
  const appointment = await appointmentFixture(actor?.role === "PATIENT" ? actor : doctor, clinicSlot(0, 2));
  if (actor?.role === "PATIENT" && appointment.doctorId !== doctor.userId) {
    await db().appointment.update({ where: { id: appointment.id }, data: { doctorId: doctor.userId } });
  }
  const visit = await startVisit(doctor, { appointmentId: appointment.id });
  if (opts.signed) {
    await saveVisit(doctor, { visitId: visit.id, subjective: "s", objective: "o", assessment: "a", plan: "p" });
    await addDiagnosis(doctor, { visitId: visit.id, code: "I10" });
    await signVisit(doctor, { visitId: visit.id });
  }
  return { visit, doctor, patientId: appointment.patientId };
}
