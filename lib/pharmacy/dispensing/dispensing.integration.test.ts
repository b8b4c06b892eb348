import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { lotState } from "../test/fixtures";
import { fakeRegistry, prescribed } from "../test/dispensing-fixtures";
import { dispensePrescription, getDispensingView } from "./dispense-prescription";
import { getDispense } from "./get-dispense";
import { findPrescriptionsByPatient } from "./find-prescriptions";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)));

describe("dispensing", () => {
  it("verifies, dispenses from the first-expiring lot, marks the fill on chain through the outbox, and refuses a second dispense", async () => {
    const registry = fakeRegistry();
    const { rx, pharmacist, lot } = await prescribed();
    expect(await codeOf(dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, registry.reader))).toBe("CONFLICT"); // not anchored yet
    registry.anchor(rx.rxHash, 1);

    const view = await getDispensingView(pharmacist, { code: rx.code.toLowerCase() }, registry.reader);
    expect(view.dispensable).toBe(true);
    expect(view.checks.map((c) => c.label)).toEqual(["Signed by a verified doctor", "Unchanged since signing", "Not cancelled", "Not expired", "Fills left", "Not dispensed elsewhere"]);

    const done = await dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, registry.reader);
    expect(done).toMatchObject({ fillNumber: 1, part: 1, quantity: 2, owed: 0 });
    expect(await lotState(lot)).toEqual({ quantity: 8, ledger: 8 });
    const op = await db().onchainOp.findFirstOrThrow({ where: { refType: "Dispense", refId: done.dispenseId } });
    expect(op.kind).toBe("prescription.dispense");
    const detail = await getDispense(pharmacist, done.dispenseId);
    expect(detail).toMatchObject({ code: rx.code, quantity: 2, instructions: "With food", lots: [expect.objectContaining({ quantity: 2 })] });
    expect(await db().auditEvent.count({ where: { resourceType: "MedicationDispense", resourceId: done.dispenseId, action: "dispense" } })).toBe(1);

    const again = await dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, registry.reader).catch((e: AppError) => e);
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/cannot be dispensed again\. Already dispensed in full: all 1 fill used/) });
    expect(await lotState(lot)).toEqual({ quantity: 8, ledger: 8 });
  });

  it("two terminals dispensing the same prescription at once: exactly one succeeds", async () => {
    const registry = fakeRegistry();
    const { rx, lot } = await prescribed();
    registry.anchor(rx.rxHash, 1);
    const terminals = await Promise.all(Array.from({ length: 6 }, () => createActor("PHARMACIST")));
    const outcomes = await Promise.all(terminals.map((t) => codeOf(dispensePrescription(t, { code: rx.code, quantity: 2 }, registry.reader))));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(5);
    expect(await db().dispense.count({ where: { prescriptionId: rx.id } })).toBe(1);
    expect(await lotState(lot)).toEqual({ quantity: 8, ledger: 8 });
  });

  it("fills partly when stock is short, completes the fill later, then counts refills; the chain is marked once per fill", async () => {
    const registry = fakeRegistry();
    const { rx, pharmacist } = await prescribed({ refills: 1, quantity: 3 });
    registry.anchor(rx.rxHash, 2);
    expect(await dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, registry.reader)).toMatchObject({ fillNumber: 1, part: 1, owed: 2 });
    expect(await codeOf(dispensePrescription(pharmacist, { code: rx.code, quantity: 3 }, registry.reader))).toBe("VALIDATION");
    expect(await dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, registry.reader)).toMatchObject({ fillNumber: 1, part: 2, owed: 0 });
    expect(await dispensePrescription(pharmacist, { code: rx.code, quantity: 3 }, registry.reader)).toMatchObject({ fillNumber: 2, part: 1, owed: 0 });
    expect(await codeOf(dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, registry.reader))).toBe("CONFLICT");
    const ids = (await db().dispense.findMany({ where: { prescriptionId: rx.id }, select: { id: true } })).map((d) => d.id);
    expect(await db().onchainOp.count({ where: { refType: "Dispense", refId: { in: ids } } })).toBe(2);
  });

  it("refuses what fails verification (altered record, unverified prescriber, dispensed at another pharmacy) and fills partly when stock is short", async () => {
    const registry = fakeRegistry();
    const { rx, pharmacist } = await prescribed({ refills: 1 });
    registry.anchor(rx.rxHash, 2, { prescriberVerified: false });
    await expect(dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, registry.reader)).rejects.toThrow(/not a verified clinician/);
    registry.anchor(rx.rxHash, 2, { fillsUsed: 1 });
    await expect(dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, registry.reader)).rejects.toThrow(/at another pharmacy/);

    // The content is fixed by a trigger; a tampered copy (here: in the hash column) no longer matches.
    const other = await prescribed();
    registry.anchor(other.rx.rxHash, 1);
    await db().$executeRawUnsafe(`ALTER TABLE "Prescription" DISABLE TRIGGER USER`);
    try {
      await db().$executeRaw`UPDATE "Prescription" SET "quantity" = 20 WHERE "id" = ${other.rx.id}::uuid`;
    } finally {
      await db().$executeRawUnsafe(`ALTER TABLE "Prescription" ENABLE TRIGGER USER`);
    }
    await expect(dispensePrescription(other.pharmacist, { code: other.rx.code, quantity: 2 }, registry.reader)).rejects.toThrow(/altered/);

    const short = await prescribed({ quantity: 5, stock: 3 });
    registry.anchor(short.rx.rxHash as Hex, 1);
    await expect(dispensePrescription(short.pharmacist, { code: short.rx.code, quantity: 5 }, registry.reader)).rejects.toThrow(/Only 3 units/);
    expect(await db().dispense.count({ where: { prescriptionId: short.rx.id } })).toBe(0);
    expect(await dispensePrescription(short.pharmacist, { code: short.rx.code, quantity: 3 }, registry.reader)).toMatchObject({ owed: 2 });

    await expect(getDispensingView(pharmacist, { code: "nonsense" }, registry.reader)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getDispensingView(await createActor("DOCTOR"), { code: rx.code }, registry.reader)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("finding prescriptions by patient", () => {
  it("lists open prescriptions of patients whose name matches, and audits each patient shown", async () => {
    const { rx, pharmacist } = await prescribed();
    const profile = await db().patientProfile.findUniqueOrThrow({ where: { userId: rx.patientId } });
    const unique = `Zelda${rx.id.slice(0, 6)}`;
    await db().patientProfile.update({ where: { userId: rx.patientId }, data: { familyName: unique } });
    const found = await findPrescriptionsByPatient(pharmacist, { patient: `${profile.givenName.toLowerCase()} ${unique.toUpperCase()}` });
    expect(found.map((f) => f.code)).toEqual([rx.code]);
    expect(await db().auditEvent.count({ where: { patientId: rx.patientId, action: "search", actorId: pharmacist.userId } })).toBe(1);
    await expect(findPrescriptionsByPatient(pharmacist, { patient: "z" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(findPrescriptionsByPatient(await createActor("PATIENT"), { patient: unique })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
