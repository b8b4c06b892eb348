import "server-only";
import { encodeFunctionData, type Hex } from "viem";
import { z } from "zod";
import { prescriptionRegistryAbi } from "@/lib/chain/abi";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { db, isUniqueViolation } from "@/lib/db";
import { recordAudit, recordAuditNow } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { enqueueOnchainOp } from "@/lib/outbox/enqueue";
import { prescriptionRegistryOf } from "@/lib/prescriptions/registry";
import { clinicToday } from "@/lib/scheduling/availability";
import { takeStockFefo, type Allocation } from "../inventory/ledger";
import { checkPrescription, fillStateOf, prescriptionByCode, type Check } from "./check-prescription";
import { readPrescriptionRegistry, type RegistryReader } from "./registry-reader";

export const dispenseSchema = z.object({
  code: z.string().trim().min(1, { error: "Scan the QR code or type the code." }),
  /** Packs handed over now; less than due leaves the fill partly dispensed. */
  quantity: z.coerce.number({ error: "Enter the number of packs." }).int({ error: "Whole packs only." }).positive({ error: "At least 1 pack." }).max(10_000),
});
export type DispenseInput = z.input<typeof dispenseSchema>;

/** The chain dispensing verifies against and marks fills on; the configured one unless given (tests pass their stack's). */
export interface DispensingChain {
  readRegistry?: RegistryReader;
  deployment?: Pick<ChainDeployment, "contracts">;
}

/** A prescription as the pharmacist sees it before filling: what, for whom, by whom, the checks, stock. */
export async function getDispensingView(actor: Actor | null, input: { code: string }, { readRegistry = readPrescriptionRegistry }: DispensingChain = {}) {
  authorize(actor, "pharmacy:dispense");
  const rx = await db().$transaction((tx) => prescriptionByCode(tx, input.code, false));
  const anchor = await readRegistry(rx.rxHash as Hex);
  return db().$transaction(async (tx) => {
    const fills = await fillStateOf(tx, rx);
    const checks = await checkPrescription(tx, rx, anchor, fills);
    const [doctor, patient, drug, stock, history] = await Promise.all([
      tx.user.findUnique({ where: { id: rx.doctorId }, select: { name: true } }),
      tx.patientProfile.findUnique({ where: { userId: rx.patientId }, select: { givenName: true, familyName: true, dateOfBirth: true } }),
      tx.drug.findUnique({ where: { id: rx.drugId }, select: { name: true, strength: true, packSize: true, priceCents: true, controlled: true } }),
      tx.stockLot.aggregate({ where: { drugId: rx.drugId, quantity: { gt: 0 }, expiresOn: { gte: new Date(clinicToday()) } }, _sum: { quantity: true } }),
      tx.dispense.findMany({ where: { prescriptionId: rx.id }, orderBy: [{ fillNumber: "asc" }, { part: "asc" }] }),
    ]);
    await recordAudit(tx, { actor, patientId: rx.patientId, action: "read", resourceType: "Prescription", resourceId: rx.id, purpose: "verify before dispensing" });
    return {
      prescription: {
        id: rx.id,
        code: rx.code,
        drugName: rx.drugName,
        dose: rx.dose,
        route: rx.route,
        frequency: rx.frequency,
        durationDays: rx.durationDays,
        quantity: rx.quantity,
        refills: rx.refills,
        signedAt: rx.signedAt,
        expiresAt: rx.expiresAt,
      },
      doctorName: doctor?.name ?? "—",
      patientName: patient ? `${patient.givenName} ${patient.familyName}` : "—",
      patientDateOfBirth: patient?.dateOfBirth ?? null,
      drug,
      onHand: stock._sum.quantity ?? 0,
      fills,
      checks,
      dispensable: checks.every((c) => c.ok),
      history: history.map((d) => ({ id: d.id, fillNumber: d.fillNumber, part: d.part, quantity: d.quantity, owed: d.owed, at: d.createdAt })),
    };
  });
}

export type DispensingView = Awaited<ReturnType<typeof getDispensingView>>;

export interface DispenseResult {
  dispenseId: string;
  fillNumber: number;
  part: number;
  quantity: number;
  owed: number;
  allocations: Allocation[];
}

function refusal(checks: Check[]): AppError {
  const failed = checks.filter((c) => !c.ok);
  const fillsCheck = failed.find((c) => c.label === "Fills left");
  if (fillsCheck && failed.length === 1) return new AppError("CONFLICT", `This prescription cannot be dispensed again. ${fillsCheck.detail}`);
  return new AppError("CONFLICT", `This prescription cannot be dispensed: ${failed.map((c) => `${c.label.toLowerCase()} — ${c.detail}`).join(" ")}`);
}

/**
 * Fills a prescription, fully or in part, after checking it again under a lock on the prescription row: the
 * dispense (FHIR MedicationDispense) is recorded, the units leave the first-expiring lots (DISPENSE movements), and a
 * new fill is marked on chain through the outbox (PrescriptionRegistry.dispense from the pharmacist's Safe), so a
 * later dispense anywhere sees it. Two terminals at once: the lock queues them and (prescriptionId, fill, part)
 * is unique, so exactly one records the fill; the other is told it was dispensed.
 */
export async function dispensePrescription(actor: Actor | null, input: DispenseInput, { readRegistry = readPrescriptionRegistry, deployment }: DispensingChain = {}): Promise<DispenseResult> {
  authorize(actor, "pharmacy:dispense");
  const { code, quantity } = dispenseSchema.parse(input);
  const unlocked = await db().$transaction((tx) => prescriptionByCode(tx, code, false));
  const anchor = await readRegistry(unlocked.rxHash as Hex);
  const registry = prescriptionRegistryOf(deployment);
  let outcome: { done: DispenseResult } | { refused: { patientId: string; prescriptionId: string; checks: Check[] } };
  try {
    outcome = await db().$transaction(async (tx) => {
      const rx = await prescriptionByCode(tx, code, true);
      const fills = await fillStateOf(tx, rx);
      const checks = await checkPrescription(tx, rx, anchor, fills);
      if (!checks.every((c) => c.ok) || !fills.next) return { refused: { patientId: rx.patientId, prescriptionId: rx.id, checks } };
      const { fillNumber, part, due } = fills.next;
      if (quantity > due) throw new AppError("VALIDATION", `This fill needs ${due} pack${due === 1 ? "" : "s"}; ${quantity} is more than prescribed.`, { quantity: [`At most ${due}.`] });
      const drug = await tx.drug.findUnique({ where: { id: rx.drugId }, select: { name: true } });
      if (!drug) throw new AppError("NOT_FOUND", "The prescribed item is no longer in the catalogue.");
      const dispense = await tx.dispense.create({
        data: { prescriptionId: rx.id, fillNumber, part, patientId: rx.patientId, drugId: rx.drugId, pharmacistId: actor.userId, quantity, owed: due - quantity },
      });
      const allocations = await takeStockFefo(tx, { drugId: rx.drugId, drugName: drug.name, quantity, kind: "DISPENSE", actorId: actor.userId, dispenseId: dispense.id });
      if (part === 1) {
        const op = await enqueueOnchainOp(tx, {
          userId: actor.userId,
          kind: "prescription.dispense",
          calls: [{ to: registry, data: encodeFunctionData({ abi: prescriptionRegistryAbi, functionName: "dispense", args: [rx.rxHash as Hex] }) }],
          refType: "Dispense",
          refId: dispense.id,
        });
        await tx.dispense.update({ where: { id: dispense.id }, data: { chainOpId: op.id } });
      }
      await recordAudit(tx, {
        actor,
        patientId: rx.patientId,
        action: "dispense",
        resourceType: "MedicationDispense",
        resourceId: dispense.id,
        purpose: `dispense fill ${fillNumber} of ${fills.fillsAllowed}${part > 1 || due > quantity ? ` (part ${part}, ${due - quantity} owed)` : ""}`,
      });
      return { done: { dispenseId: dispense.id, fillNumber, part, quantity, owed: due - quantity, allocations } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This prescription was dispensed at another terminal a moment ago.");
    throw error;
  }
  if ("done" in outcome) return outcome.done;
  // Audited on its own: a refusal thrown inside the transaction would roll its audit event back with it.
  const { patientId, prescriptionId, checks } = outcome.refused;
  await recordAuditNow({ actor, patientId, action: "dispense", resourceType: "Prescription", resourceId: prescriptionId, purpose: "refused: failed verification", outcome: "DENIED" });
  throw refusal(checks);
}
