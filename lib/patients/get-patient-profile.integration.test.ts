import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { getPatientProfile } from "./get-patient-profile";

const reads = (patientId: string) => db().auditEvent.findMany({ where: { patientId, action: "read", resourceType: "Patient" }, orderBy: { seq: "asc" } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("getPatientProfile", () => {
  it("gives a patient their own profile and audits every read", async () => {
    const patient = await createActor("PATIENT");
    const profile = await getPatientProfile(patient, patient.userId);
    expect(profile).toMatchObject({ userId: patient.userId, givenName: "Test", familyName: "Patient" });
    await getPatientProfile(patient, patient.userId);
    const rows = await reads(patient.userId);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ actorId: patient.userId, actorRole: "PATIENT", patientId: patient.userId, resourceId: patient.userId, outcome: "SUCCESS" });
  });

  it("refuses another patient's id (IDOR) with FORBIDDEN and records no read of the victim", async () => {
    const attacker = await createActor("PATIENT");
    const victim = await createActor("PATIENT");
    expect(await codeOf(getPatientProfile(attacker, victim.userId))).toBe("FORBIDDEN");
    expect(await reads(victim.userId)).toHaveLength(0);
  });

  it("lets an admin read it, audited with the admin as actor", async () => {
    const admin = await createActor("ADMIN");
    const patient = await createActor("PATIENT");
    expect((await getPatientProfile(admin, patient.userId))?.userId).toBe(patient.userId);
    expect(await reads(patient.userId)).toEqual([expect.objectContaining({ actorId: admin.userId, actorRole: "ADMIN" })]);
  });

  it("refuses doctors (no consent yet) and pharmacists, and nobody", async () => {
    const patient = await createActor("PATIENT");
    expect(await codeOf(getPatientProfile(await createActor("DOCTOR"), patient.userId))).toBe("FORBIDDEN");
    expect(await codeOf(getPatientProfile(await createActor("PHARMACIST"), patient.userId))).toBe("FORBIDDEN");
    expect(await codeOf(getPatientProfile(null, patient.userId))).toBe("UNAUTHENTICATED");
    expect(await reads(patient.userId)).toHaveLength(0);
  });
});
