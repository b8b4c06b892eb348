import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { RX_INSTRUCTIONS_PURPOSE } from "@/lib/prescriptions/sign-prescription";
import { patientOpener } from "@/lib/visits/sealing";

/** One dispense, for its label and receipt: the patient, the directions, the lots handed over, the price. */
export async function getDispense(actor: Actor | null, dispenseId: string) {
  authorize(actor, "pharmacy:dispense");
  if (!z.uuid().safeParse(dispenseId).success) throw new AppError("NOT_FOUND", "There is no such dispense.");
  return db().$transaction(async (tx) => {
    const d = await tx.dispense.findUnique({ where: { id: dispenseId } });
    if (!d) throw new AppError("NOT_FOUND", "There is no such dispense.");
    const [rx, drug, patient, pharmacist, movements, op] = await Promise.all([
      tx.prescription.findUniqueOrThrow({ where: { id: d.prescriptionId } }),
      tx.drug.findUniqueOrThrow({ where: { id: d.drugId }, select: { name: true, strength: true, priceCents: true, packSize: true, form: true } }),
      tx.patientProfile.findUnique({ where: { userId: d.patientId }, select: { givenName: true, familyName: true, dateOfBirth: true } }),
      tx.user.findUnique({ where: { id: d.pharmacistId }, select: { name: true } }),
      tx.stockMovement.findMany({ where: { dispenseId: d.id }, select: { quantity: true, lot: { select: { lotNumber: true, expiresOn: true } } } }),
      d.chainOpId ? tx.onchainOp.findUnique({ where: { id: d.chainOpId }, select: { status: true, txHash: true } }) : null,
    ]);
    const doctor = await tx.user.findUnique({ where: { id: rx.doctorId }, select: { name: true } });
    const open = await patientOpener(tx, rx.patientId);
    await recordAudit(tx, { actor, patientId: d.patientId, action: "read", resourceType: "MedicationDispense", resourceId: d.id, purpose: "print label and receipt" });
    return {
      ...d,
      code: rx.code,
      fillsAllowed: rx.refills + 1,
      directions: `${rx.dose}, ${rx.route}, ${rx.frequency}, for ${rx.durationDays} days`,
      instructions: open(RX_INSTRUCTIONS_PURPOSE(rx.code), rx.instructionsCipher) ?? "",
      drug,
      patientName: patient ? `${patient.givenName} ${patient.familyName}` : "—",
      patientDateOfBirth: patient?.dateOfBirth ?? null,
      doctorName: doctor?.name ?? "—",
      pharmacistName: pharmacist?.name ?? "—",
      lots: movements.map((m) => ({ lotNumber: m.lot.lotNumber, expiresOn: m.lot.expiresOn, quantity: -m.quantity })),
      totalCents: d.quantity * drug.priceCents,
      chain: op ? { status: op.status, txHash: op.txHash } : null,
    };
  });
}

export type DispenseDetail = Awaited<ReturnType<typeof getDispense>>;
