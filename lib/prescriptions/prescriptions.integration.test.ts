import { describe, expect, it } from "vitest";
import pg from "pg";
import { decodeFunctionData } from "viem";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { prescriptionRegistryAbi } from "@/lib/chain/abi";
import { visitFixture } from "@/lib/visits/test-visit";
import { createActor } from "@/test/factories";
import { getPrescriptionByCode, listPatientPrescriptions } from "./get-prescription";
import { preparePrescription } from "./prepare-prescription";
import { rxHashOf } from "./rx-identity";
import { signPrescription } from "./sign-prescription";

const REGISTRY = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
// Only the registry address is read; nothing here talks to the chain.
const chain = { contracts: { PrescriptionRegistry: REGISTRY } } as unknown as Parameters<typeof signPrescription>[2];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error ?? new Error("expected a refusal");
  return error.code;
}

async function drug(name: string, genericName: string, stock = 0) {
  const row = await db().drug.create({ data: { name, genericName, form: "TABLET", strength: "500 mg", packSize: 30, priceCents: 1_250 } });
  if (stock > 0) {
    const actor = await createActor("PHARMACIST");
    const lot = await db().stockLot.create({ data: { drugId: row.id, lotNumber: `L-${row.id.slice(0, 6)}`, expiresOn: new Date(Date.now() + 365 * 86_400_000), unitCostCents: 100 } });
    await db().stockMovement.create({ data: { lotId: lot.id, drugId: row.id, kind: "RECEIVE", quantity: stock, actorId: actor.userId } });
  }
  return row;
}

const order = { dose: "1 tablet", route: "oral", frequency: "three times daily", durationDays: 7, quantity: 21, refills: 1, instructions: "Take with food" } as const;

describe("prescriptions", () => {
  it("shows price and stock, warns of allergies and interactions it may see, and needs the warnings acknowledged", async () => {
    const { visit, doctor, patientId } = await visitFixture(null);
    const amoxicillin = await drug(`Amoxicillin 500 MG ${visit.id.slice(0, 4)}`, "amoxicillin", 40);
    // Without consent the doctor is told allergies were not checked.
    const blind = await preparePrescription(doctor, { visitId: visit.id, drugId: amoxicillin.id });
    expect(blind.drug).toMatchObject({ priceCents: 1_250, onHand: 40 });
    expect(blind.warnings).toEqual([expect.objectContaining({ kind: "unknown-allergies" })]);

    await db().consent.create({ data: { patientId, granteeId: doctor.userId, scope: "ALL", expiresAt: new Date(Date.now() + 86_400_000), source: "PORTAL", grantStatus: "CONFIRMED" } });
    await db().clinicalEntry.create({ data: { patientId, kind: "ALLERGY", display: "Allergy to penicillin", status: "active", source: "MANUAL" } });
    await db().clinicalEntry.create({ data: { patientId, kind: "MEDICATION", display: "Warfarin Sodium 5 MG Oral Tablet", status: "active", source: "MANUAL" } });
    const seen = await preparePrescription(doctor, { visitId: visit.id, drugId: amoxicillin.id });
    expect(seen.warnings).toEqual([expect.objectContaining({ kind: "allergy", severity: "major", message: expect.stringContaining("penicillin") })]);
    const ibuprofen = await drug(`Ibuprofen 400 MG ${visit.id.slice(0, 4)}`, "ibuprofen");
    const nsaid = await preparePrescription(doctor, { visitId: visit.id, drugId: ibuprofen.id });
    expect(nsaid.warnings).toEqual([expect.objectContaining({ kind: "interaction", severity: "major", message: expect.stringMatching(/Warfarin.*Bleeding/) })]);
    expect(nsaid.drug.onHand).toBe(0);

    const refused = await signPrescription(doctor, { visitId: visit.id, drugId: amoxicillin.id, ...order }, chain).catch((e: unknown) => e as AppError);
    expect(refused).toMatchObject({ code: "CONFLICT", fieldErrors: { acknowledgeWarnings: [expect.stringContaining("penicillin")] } });
    expect(await db().prescription.count({ where: { patientId } })).toBe(0);
    const signed = await signPrescription(doctor, { visitId: visit.id, drugId: amoxicillin.id, ...order, acknowledgeWarnings: "on" }, chain);
    expect(signed.warnings).toEqual([expect.objectContaining({ kind: "allergy" })]);
  });

  it("gives a signed prescription a public code and a salted hash, anchored through the doctor's outbox, and fixes its content", async () => {
    const { visit, doctor, patientId } = await visitFixture(null);
    const d = await drug(`Simvastatin 20 MG ${visit.id.slice(0, 4)}`, "simvastatin", 5);
    const rx = await signPrescription(doctor, { visitId: visit.id, drugId: d.id, ...order }, chain);
    expect(rx.code).toMatch(/^RX-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(rx.instructionsCipher).not.toContain("food");
    // The hash is recomputable from the record and its salt, and is what goes on chain.
    const content = { code: rx.code, patientId, doctorId: doctor.userId, drugId: d.id, drugName: rx.drugName, dose: "1 tablet", route: "oral", frequency: "three times daily", durationDays: 7, quantity: 21, refills: 1, instructions: "Take with food", signedAt: rx.signedAt, expiresAt: rx.expiresAt };
    expect(rxHashOf(content, rx.rxSalt as `0x${string}`)).toBe(rx.rxHash);
    const op = await db().onchainOp.findUniqueOrThrow({ where: { id: rx.chainOpId! } });
    expect(op).toMatchObject({ userId: doctor.userId, kind: "prescription.issue", refType: "Prescription", refId: rx.id, status: "QUEUED" });
    const [call] = op.calls as { to: string; data: `0x${string}` }[];
    expect(call!.to).toBe(REGISTRY);
    const decoded = decodeFunctionData({ abi: prescriptionRegistryAbi, data: call!.data });
    expect(decoded).toEqual({ functionName: "issue", args: [rx.rxHash, BigInt(Math.floor(rx.expiresAt.getTime() / 1000)), 2] });
    expect(JSON.stringify(op.calls)).not.toMatch(/simvastatin|Take with food/i);

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query(`UPDATE "Prescription" SET quantity = 90 WHERE id = $1`, [rx.id])).rejects.toThrow(/cannot be changed/);
      await expect(client.query(`DELETE FROM "Prescription" WHERE id = $1`, [rx.id])).rejects.toThrow(/cannot be changed/);
    } finally {
      await client.end();
    }

    const patient = { userId: patientId, role: "PATIENT" as const, sessionId: "s" };
    expect(await getPrescriptionByCode(patient, { code: rx.code.toLowerCase() })).toMatchObject({ code: rx.code, instructions: "Take with food", anchor: "pending", refills: 1 });
    expect(await getPrescriptionByCode(await createActor("PHARMACIST"), { code: rx.code })).toMatchObject({ patientName: "Test Patient" });
    expect((await listPatientPrescriptions(patient, { patientId })).map((p) => p.code)).toEqual([rx.code]);
    expect((await listPatientPrescriptions(doctor, { patientId })).map((p) => p.code)).toEqual([rx.code]);
  });

  it("refuses other patients, other doctors and a visit that is not the doctor's (IDOR)", async () => {
    const { visit, doctor, patientId } = await visitFixture(null);
    const d = await drug(`Loratadine 10 MG ${visit.id.slice(0, 4)}`, "loratadine");
    const rx = await signPrescription(doctor, { visitId: visit.id, drugId: d.id, ...order }, chain);
    const [otherPatient, otherDoctor] = [await createActor("PATIENT"), await createActor("DOCTOR")];
    expect(await codeOf(getPrescriptionByCode(otherPatient, { code: rx.code }))).toBe("FORBIDDEN");
    expect(await codeOf(getPrescriptionByCode(otherDoctor, { code: rx.code }))).toBe("FORBIDDEN");
    expect(await codeOf(getPrescriptionByCode(await createActor("ADMIN"), { code: rx.code }))).toBe("FORBIDDEN");
    expect(await codeOf(listPatientPrescriptions(otherPatient, { patientId }))).toBe("FORBIDDEN");
    expect(await codeOf(listPatientPrescriptions(otherDoctor, { patientId }))).toBe("FORBIDDEN");
    expect(await codeOf(signPrescription(otherDoctor, { visitId: visit.id, drugId: d.id, ...order }, chain))).toBe("FORBIDDEN");
    expect(await codeOf(preparePrescription(otherDoctor, { visitId: visit.id, drugId: d.id }))).toBe("FORBIDDEN");
    expect(await codeOf(signPrescription(doctor, { visitId: visit.id, drugId: d.id, ...order }))).toBe("UNAVAILABLE");
    expect(await db().prescription.count({ where: { patientId } })).toBe(1);
  });
});
