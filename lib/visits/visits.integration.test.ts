import { describe, expect, it } from "vitest";
import pg from "pg";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appointmentFixture, clinicSlot } from "@/lib/scheduling/test-doctor";
import { createActor } from "@/test/factories";
import { amendVisit } from "./amend-visit";
import { getVisit, listPatientVisits } from "./get-visit";
import { signVisit } from "./sign-visit";
import { startVisit } from "./start-visit";
import { addDiagnosis, addExamOrder, removeDiagnosis, saveVisit } from "./write-visit";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error ?? new Error("expected a refusal");
  return error.code;
}

const notes = { subjective: "Two days of wheeze at night.", objective: "Scattered wheeze, no distress.", assessment: "Asthma flare.", plan: "Inhaler, review in 2 weeks." };

async function openVisit() {
  const doctor = await createActor("DOCTOR");
  const appointment = await appointmentFixture(doctor, clinicSlot(0, 1));
  const patient = { userId: appointment.patientId, role: "PATIENT" as const, sessionId: (await db().session.findFirstOrThrow({ where: { userId: appointment.patientId } })).id };
  const visit = await startVisit(doctor, { appointmentId: appointment.id });
  return { doctor, patient, appointment, visit };
}

describe("visit records", () => {
  it("records notes (sealed), vitals, coded diagnoses and orders; signing locks them and completes the appointment", async () => {
    const { doctor, patient, appointment, visit } = await openVisit();
    expect((await startVisit(doctor, { appointmentId: appointment.id })).id).toBe(visit.id);
    await saveVisit(doctor, { visitId: visit.id, ...notes, systolicMmHg: "128", diastolicMmHg: "82", heartRateBpm: "88", temperatureC: "37.2", spo2Percent: "96", respiratoryRate: "", weightKg: "", heightCm: "" });
    const stored = await db().visit.findUniqueOrThrow({ where: { id: visit.id } });
    expect(stored.notesCipher).not.toContain("wheeze");
    expect(stored).toMatchObject({ systolicMmHg: 128, temperatureC: 37.2, respiratoryRate: null });
    expect(await codeOf(addDiagnosis(doctor, { visitId: visit.id, code: "NOT-A-CODE" }))).toBe("VALIDATION");
    await addDiagnosis(doctor, { visitId: visit.id, code: "j45.901", isPrimary: true });
    const extra = await addDiagnosis(doctor, { visitId: visit.id, code: "R05.9" });
    await removeDiagnosis(doctor, { diagnosisId: extra.id });
    await addExamOrder(doctor, { visitId: visit.id, name: "Spirometry", instructions: "Before and after bronchodilator" });
    // The patient does not see a visit until it is signed.
    expect(await codeOf(getVisit(patient, { visitId: visit.id }))).toBe("NOT_FOUND");

    const { signedHash } = await signVisit(doctor, { visitId: visit.id });
    expect(signedHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe("COMPLETED");
    const seen = await getVisit(patient, { visitId: visit.id });
    expect(seen).toMatchObject({ status: "SIGNED", notes, diagnoses: [{ code: "J45.901", display: "Unspecified asthma with (acute) exacerbation", isPrimary: true }] });
    expect(seen.orders).toEqual([expect.objectContaining({ name: "Spirometry", instructions: "Before and after bronchodilator" })]);
    expect((await listPatientVisits(patient, { patientId: patient.userId })).map((v) => v.id)).toEqual([visit.id]);
  });

  it("keeps a signed visit locked in the database and takes amendments beside the original", async () => {
    const { doctor, patient, visit } = await openVisit();
    await saveVisit(doctor, { visitId: visit.id, ...notes });
    expect(await codeOf(signVisit(doctor, { visitId: visit.id }))).toBe("VALIDATION");
    const dx = await addDiagnosis(doctor, { visitId: visit.id, code: "J45.909" });
    await signVisit(doctor, { visitId: visit.id });
    const before = await db().visit.findUniqueOrThrow({ where: { id: visit.id } });

    expect(await codeOf(saveVisit(doctor, { visitId: visit.id, ...notes, plan: "Changed" }))).toBe("CONFLICT");
    expect(await codeOf(addDiagnosis(doctor, { visitId: visit.id, code: "I10" }))).toBe("CONFLICT");
    expect(await codeOf(removeDiagnosis(doctor, { diagnosisId: dx.id }))).toBe("CONFLICT");
    expect(await codeOf(signVisit(doctor, { visitId: visit.id }))).toBe("CONFLICT");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // Past the application too: the trigger refuses any change to the visit, its diagnoses, and amendments.
      await expect(client.query(`UPDATE "Visit" SET "systolicMmHg" = 90 WHERE id = $1`, [visit.id])).rejects.toThrow(/signed and locked/);
      await expect(client.query(`DELETE FROM "Visit" WHERE id = $1`, [visit.id])).rejects.toThrow(/signed and locked/);
      await expect(client.query(`DELETE FROM "VisitDiagnosis" WHERE id = $1`, [dx.id])).rejects.toThrow(/signed visit refused/);
      await expect(client.query(`INSERT INTO "VisitDiagnosis" (id, "visitId", code, display) VALUES (gen_random_uuid(), $1, 'I10', 'x')`, [visit.id])).rejects.toThrow(/signed visit refused/);
    } finally {
      await client.end();
    }

    await expect(amendVisit(doctor, { visitId: visit.id, reason: "no", ...notes })).rejects.toBeInstanceOf(z.ZodError);
    await amendVisit(doctor, { visitId: visit.id, reason: "Dose in the plan was wrong", ...notes, plan: "Inhaler 2 puffs twice daily, review in 2 weeks." });
    expect(await codeOf(amendVisit(await createActor("DOCTOR"), { visitId: visit.id, reason: "Not my visit at all", ...notes }))).toBe("FORBIDDEN");
    const after = await db().visit.findUniqueOrThrow({ where: { id: visit.id } });
    expect(after).toEqual(before);
    const seen = await getVisit(patient, { visitId: visit.id });
    expect(seen.notes.plan).toBe(notes.plan);
    expect(seen.amendments).toEqual([expect.objectContaining({ reason: "Dose in the plan was wrong", notes: expect.objectContaining({ plan: "Inhaler 2 puffs twice daily, review in 2 weeks." }) })]);
    const amendment = await db().visitAmendment.findFirstOrThrow({ where: { visitId: visit.id } });
    const again = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await again.connect();
    try {
      await expect(again.query(`UPDATE "VisitAmendment" SET "contentHash" = 'x' WHERE id = $1`, [amendment.id])).rejects.toThrow(/append-only/);
    } finally {
      await again.end();
    }
  });

  it("refuses other doctors without consent and other patients (IDOR), audited as DENIED", async () => {
    const { doctor, patient, visit } = await openVisit();
    await saveVisit(doctor, { visitId: visit.id, ...notes });
    await addDiagnosis(doctor, { visitId: visit.id, code: "J45.909" });
    await signVisit(doctor, { visitId: visit.id });
    const [stranger, otherPatient] = [await createActor("DOCTOR"), await createActor("PATIENT")];
    expect(await codeOf(getVisit(stranger, { visitId: visit.id }))).toBe("FORBIDDEN");
    expect(await codeOf(getVisit(otherPatient, { visitId: visit.id }))).toBe("FORBIDDEN");
    expect(await codeOf(listPatientVisits(otherPatient, { patientId: patient.userId }))).toBe("FORBIDDEN");
    expect(await codeOf(listPatientVisits(stranger, { patientId: patient.userId }))).toBe("FORBIDDEN");
    expect(await codeOf(saveVisit(stranger, { visitId: visit.id, ...notes }))).toBe("FORBIDDEN");
    expect(await codeOf(getVisit(await createActor("ADMIN"), { visitId: visit.id }))).toBe("FORBIDDEN");
    expect(await codeOf(getVisit(await createActor("PHARMACIST"), { visitId: visit.id }))).toBe("FORBIDDEN");
    const denied = await db().auditEvent.findMany({ where: { patientId: patient.userId, outcome: "DENIED" } });
    expect(denied.map((d) => d.actorId)).toEqual(expect.arrayContaining([stranger.userId, otherPatient.userId]));
    // With the patient's consent for visits, another doctor reads it.
    await db().consent.create({ data: { patientId: patient.userId, granteeId: stranger.userId, scope: "visits", expiresAt: new Date(Date.now() + 86_400_000), source: "PORTAL", grantStatus: "CONFIRMED" } });
    expect((await getVisit(stranger, { visitId: visit.id })).notes).toEqual(notes);
  });

  it("lets only the appointment's own doctor start its visit", async () => {
    const doctor = await createActor("DOCTOR");
    const appointment = await appointmentFixture(doctor, clinicSlot(1, 9));
    expect(await codeOf(startVisit(await createActor("DOCTOR"), { appointmentId: appointment.id }))).toBe("FORBIDDEN");
    expect(await codeOf(startVisit(await createActor("ADMIN"), { appointmentId: appointment.id }))).toBe("FORBIDDEN");
    await db().appointment.update({ where: { id: appointment.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await codeOf(startVisit(doctor, { appointmentId: appointment.id }))).toBe("CONFLICT");
  });
});
