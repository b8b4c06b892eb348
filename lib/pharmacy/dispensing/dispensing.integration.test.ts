import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicClient, http, parseEventLogs, zeroAddress, type Hex } from "viem";
import { prescriptionRegistryAbi } from "@/lib/chain/abi";
import { freePort } from "@/test/ports";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { lotState } from "../test/fixtures";
import { prescribed } from "../test/dispensing-fixtures";
import { startDispensingChain, type DispensingTestChain } from "../test/dispensing-chain";
import { dispensePrescription, getDispensingView, type DispensingView } from "./dispense-prescription";
import { getDispense } from "./get-dispense";
import { findPrescriptionsByPatient } from "./find-prescriptions";
import { prescriptionRegistryReader } from "./registry-reader";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)));
const CHECKS = ["Signed by a verified doctor", "Unchanged since signing", "Not cancelled", "Not expired", "Fills left", "Not dispensed elsewhere"];
const failing = (view: DispensingView) => view.checks.filter((c) => !c.ok).map((c) => c.label);

/**
 * Dispensing verified against PrescriptionRegistry and AccessRegistry on a real local chain: prescriptions are
 * anchored by the doctor's Safe and fills marked by the pharmacist's Safe through the outbox, staff are verified by
 * the admin Safe, and a fill at another pharmacy is a real transaction from that pharmacy's Safe.
 */
describe("dispensing against the chain", { timeout: 60_000 }, () => {
  let h: DispensingTestChain;
  beforeAll(async () => {
    h = await startDispensingChain();
  }, 120_000);
  afterAll(() => h?.stop());

  it("refuses a prescription until its hash is anchored; then passes all six checks, marks the fill on chain from the pharmacist's Safe, and refuses a second dispense", async () => {
    const { rx, doctor, pharmacist, lot } = await prescribed({ chain: h.deployments });
    // Verified on chain, but the anchoring (PrescriptionRegistry.issue from the doctor's Safe) still waits in the outbox.
    await h.admin([{ kind: "verify-clinician", doctorId: doctor.userId }, { kind: "verify-pharmacy", pharmacistId: pharmacist.userId }]);
    expect((await h.registryEntry(rx.rxHash)).prescriber).toBe(zeroAddress);
    const pending = await getDispensingView(pharmacist, { code: rx.code }, h.chain);
    expect(failing(pending)).toEqual(["Signed by a verified doctor", "Unchanged since signing"]);
    expect(pending.checks[1]!.detail).toMatch(/not on chain \(yet\)/);
    await expect(dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, h.chain)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Not yet anchored on chain/) });

    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });
    expect(await h.registryEntry(rx.rxHash)).toMatchObject({ prescriber: await h.walletOf(doctor.userId), fillsAllowed: 1, fillsUsed: 0, cancelled: false });
    const view = await getDispensingView(pharmacist, { code: rx.code.toLowerCase() }, h.chain);
    expect(view.checks.map((c) => [c.label, c.ok])).toEqual(CHECKS.map((label) => [label, true]));
    expect(view.dispensable).toBe(true);

    const done = await dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, h.chain);
    expect(done).toMatchObject({ fillNumber: 1, part: 1, quantity: 2, owed: 0 });
    expect(await lotState(lot)).toEqual({ quantity: 8, ledger: 8 });
    const detail = await getDispense(pharmacist, done.dispenseId);
    expect(detail).toMatchObject({ code: rx.code, quantity: 2, instructions: "With food", lots: [expect.objectContaining({ quantity: 2 })] });
    expect(await db().auditEvent.count({ where: { resourceType: "MedicationDispense", resourceId: done.dispenseId, action: "dispense" } })).toBe(1);

    // The fill reaches the chain only when the outbox delivers it.
    expect((await h.registryEntry(rx.rxHash)).fillsUsed).toBe(0);
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });
    expect((await h.registryEntry(rx.rxHash)).fillsUsed).toBe(1);
    const op = await db().onchainOp.findFirstOrThrow({ where: { refType: "Dispense", refId: done.dispenseId } });
    expect(op).toMatchObject({ kind: "prescription.dispense", status: "CONFIRMED", userId: pharmacist.userId });
    const receipt = await h.t.clients.publicClient.getTransactionReceipt({ hash: op.txHash as Hex });
    const [marked] = parseEventLogs({ abi: prescriptionRegistryAbi, logs: receipt.logs, eventName: "PrescriptionDispensed" });
    expect(marked?.args).toMatchObject({ rxHash: rx.rxHash, pharmacy: await h.walletOf(pharmacist.userId), fillNumber: 1, fillsLeft: 0 });

    const again = await dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, h.chain).catch((e: AppError) => e);
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/cannot be dispensed again\. Already dispensed in full: all 1 fill used/) });
    expect(await lotState(lot)).toEqual({ quantity: 8, ledger: 8 });
    expect((await h.registryEntry(rx.rxHash)).fillsUsed).toBe(1);
  });

  it("two terminals dispensing the same prescription at once: exactly one succeeds, and the chain counts one fill", async () => {
    const { rx, lot } = await h.prescribe();
    const terminals = await Promise.all(Array.from({ length: 6 }, () => createActor("PHARMACIST")));
    await h.admin(terminals.map((t) => ({ kind: "verify-pharmacy" as const, pharmacistId: t.userId })));
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });

    const outcomes = await Promise.all(terminals.map((t) => codeOf(dispensePrescription(t, { code: rx.code, quantity: 2 }, h.chain))));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(5);
    expect(await db().dispense.count({ where: { prescriptionId: rx.id } })).toBe(1);
    expect(await lotState(lot)).toEqual({ quantity: 8, ledger: 8 });
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });
    expect((await h.registryEntry(rx.rxHash)).fillsUsed).toBe(1);
  });

  it("fills partly, completes the fill later, then a refill; the chain counts each fill once; short stock fills partly", async () => {
    const { rx, pharmacist } = await h.prescribe({ refills: 1, quantity: 3 });
    const short = await h.prescribe({ quantity: 5, stock: 3 });
    expect(await h.deliverAll()).toMatchObject({ confirmed: 2, failed: 0 });
    expect(await h.registryEntry(rx.rxHash)).toMatchObject({ fillsAllowed: 2, fillsUsed: 0 });
    const fillsUsed = async () => (await h.registryEntry(rx.rxHash)).fillsUsed;

    expect(await dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, h.chain)).toMatchObject({ fillNumber: 1, part: 1, owed: 2 });
    expect(await codeOf(dispensePrescription(pharmacist, { code: rx.code, quantity: 3 }, h.chain))).toBe("VALIDATION");
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1 });
    expect(await fillsUsed()).toBe(1);
    // The rest of fill 1 is not a new fill: nothing goes on chain.
    expect(await dispensePrescription(pharmacist, { code: rx.code, quantity: 2 }, h.chain)).toMatchObject({ fillNumber: 1, part: 2, owed: 0 });
    expect(await h.deliverAll()).toMatchObject({ confirmed: 0 });
    expect(await fillsUsed()).toBe(1);
    expect(await dispensePrescription(pharmacist, { code: rx.code, quantity: 3 }, h.chain)).toMatchObject({ fillNumber: 2, part: 1, owed: 0 });
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1 });
    expect(await h.registryEntry(rx.rxHash)).toMatchObject({ fillsAllowed: 2, fillsUsed: 2 });
    await expect(dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, h.chain)).rejects.toThrow(/cannot be dispensed again\. Already dispensed in full: all 2 fills used/);
    const ids = (await db().dispense.findMany({ where: { prescriptionId: rx.id }, select: { id: true } })).map((d) => d.id);
    expect(ids).toHaveLength(3);
    expect(await db().onchainOp.findMany({ where: { refType: "Dispense", refId: { in: ids } }, select: { status: true } })).toEqual([{ status: "CONFIRMED" }, { status: "CONFIRMED" }]);

    await expect(dispensePrescription(short.pharmacist, { code: short.rx.code, quantity: 5 }, h.chain)).rejects.toThrow(/Only 3 units/);
    expect(await db().dispense.count({ where: { prescriptionId: short.rx.id } })).toBe(0);
    expect(await dispensePrescription(short.pharmacist, { code: short.rx.code, quantity: 3 }, h.chain)).toMatchObject({ fillNumber: 1, part: 1, owed: 2 });
    // A fill begun is a fill used: the chain counts it with its first part.
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });
    expect((await h.registryEntry(short.rx.rxHash)).fillsUsed).toBe(1);
  });

  it("refuses a prescriber who is not a verified clinician: never verified (the chain refuses the anchoring), or verification withdrawn by the admin Safe", async () => {
    const never = await h.prescribe({ doctorVerified: false });
    const withdrawn = await h.prescribe();
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 1 });

    const issue = await db().onchainOp.findUniqueOrThrow({ where: { id: never.rx.chainOpId } });
    expect(issue).toMatchObject({ status: "FAILED", error: expect.stringMatching(/NotVerifiedClinician/) });
    expect((await h.registryEntry(never.rx.rxHash)).prescriber).toBe(zeroAddress);
    await expect(dispensePrescription(never.pharmacist, { code: never.rx.code, quantity: 1 }, h.chain)).rejects.toThrow(/Not yet anchored on chain/);

    expect((await getDispensingView(withdrawn.pharmacist, { code: withdrawn.rx.code }, h.chain)).dispensable).toBe(true);
    await h.admin([{ kind: "unverify-clinician", doctorId: withdrawn.doctor.userId }]);
    const view = await getDispensingView(withdrawn.pharmacist, { code: withdrawn.rx.code }, h.chain);
    expect(failing(view)).toEqual(["Signed by a verified doctor"]);
    await expect(dispensePrescription(withdrawn.pharmacist, { code: withdrawn.rx.code, quantity: 1 }, h.chain)).rejects.toThrow(/not a verified clinician on chain/);
    expect(await db().dispense.count({ where: { prescriptionId: { in: [never.rx.id, withdrawn.rx.id] } } })).toBe(0);
    expect(await db().auditEvent.count({ where: { resourceId: withdrawn.rx.id, action: "dispense", outcome: "DENIED" } })).toBe(1);
  });

  it("refuses a prescription a fill of which another pharmacy marked on chain, though this pharmacy's records leave fills", async () => {
    const { rx, pharmacist } = await h.prescribe({ refills: 1 });
    const elsewhere = await createActor("PHARMACIST");
    await h.admin([{ kind: "verify-pharmacy", pharmacistId: elsewhere.userId }]);
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });

    await h.fillElsewhere(elsewhere.userId, rx.rxHash);
    expect(await h.registryEntry(rx.rxHash)).toMatchObject({ fillsAllowed: 2, fillsUsed: 1 });
    const view = await getDispensingView(pharmacist, { code: rx.code }, h.chain);
    expect(view.fills.next).toMatchObject({ fillNumber: 1, part: 1 });
    expect(failing(view)).toEqual(["Not dispensed elsewhere"]);
    expect(view.checks[5]!.detail).toBe("The chain records 1 fill, 1 of them at another pharmacy.");
    await expect(dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, h.chain)).rejects.toThrow(/at another pharmacy/);
    expect(await db().dispense.count({ where: { prescriptionId: rx.id } })).toBe(0);
  });

  it("refuses an altered record; refuses bad codes and other roles", async () => {
    const { rx, pharmacist } = await h.prescribe();
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });
    expect((await getDispensingView(pharmacist, { code: rx.code }, h.chain)).dispensable).toBe(true);
    // The content is fixed by a trigger; a copy changed behind it no longer matches the hash anchored on chain.
    await db().$executeRawUnsafe(`ALTER TABLE "Prescription" DISABLE TRIGGER USER`);
    try {
      await db().$executeRaw`UPDATE "Prescription" SET "quantity" = 20 WHERE "id" = ${rx.id}::uuid`;
    } finally {
      await db().$executeRawUnsafe(`ALTER TABLE "Prescription" ENABLE TRIGGER USER`);
    }
    expect(failing(await getDispensingView(pharmacist, { code: rx.code }, h.chain))).toEqual(["Unchanged since signing"]);
    await expect(dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, h.chain)).rejects.toThrow(/altered/);
    expect(await db().dispense.count({ where: { prescriptionId: rx.id } })).toBe(0);

    await expect(getDispensingView(pharmacist, { code: "nonsense" }, h.chain)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getDispensingView(await createActor("DOCTOR"), { code: rx.code }, h.chain)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("is UNAVAILABLE, and dispenses nothing, when the chain cannot be reached", async () => {
    const { rx, pharmacist } = await h.prescribe();
    expect(await h.deliverAll()).toMatchObject({ confirmed: 1, failed: 0 });
    const gone = createPublicClient({ transport: http(`http://127.0.0.1:${await freePort()}`, { retryCount: 0 }) });
    const unreachable = { ...h.chain, readRegistry: prescriptionRegistryReader({ publicClient: gone, contracts: h.deployments.contracts }) };
    await expect(getDispensingView(pharmacist, { code: rx.code }, unreachable)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(dispensePrescription(pharmacist, { code: rx.code, quantity: 1 }, unreachable)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(await db().dispense.count({ where: { prescriptionId: rx.id } })).toBe(0);
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
