import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createActor } from "@/test/factories";
import { getMyDoctorProfile, updateMyDoctorProfile } from "./doctor-profile";

const input = { specialty: "Neurology", qualifications: "MD, PhD", languages: "English, Spanish, English", bio: "Migraine and epilepsy care.", fee: "95.50" };

describe("a doctor's directory profile", () => {
  it("is created and then updated by the doctor, with cents, languages without repeats, and an audit row", async () => {
    const doctor = await createActor("DOCTOR");
    expect(await getMyDoctorProfile(doctor)).toBeNull();
    await updateMyDoctorProfile(doctor, input);
    expect(await getMyDoctorProfile(doctor)).toMatchObject({ specialty: "Neurology", feeCents: 9550, languages: ["English", "Spanish"] });
    await updateMyDoctorProfile(doctor, { ...input, fee: "120" });
    expect((await getMyDoctorProfile(doctor))?.feeCents).toBe(12_000);
    expect(await db().auditEvent.count({ where: { actorId: doctor.userId, resourceType: "Practitioner", action: "update" } })).toBe(2);
  });

  it("refuses bad input field by field", async () => {
    const doctor = await createActor("DOCTOR");
    const failure = await updateMyDoctorProfile(doctor, { ...input, specialty: " ", languages: " , ", fee: "-3" }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "ZodError" });
    const fields = (failure as { issues: { path: string[] }[] }).issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["specialty", "languages", "fee"]));
    expect(await getMyDoctorProfile(doctor)).toBeNull();
  });

  it.each(["PATIENT", "PHARMACIST", "ADMIN"] as const)("is not for a %s", async (role) => {
    const actor = await createActor(role);
    await expect(updateMyDoctorProfile(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
