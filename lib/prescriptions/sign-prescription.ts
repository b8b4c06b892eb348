import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueOnchainOp } from "@/lib/outbox/enqueue";
import { sealForPatient } from "@/lib/visits/sealing";
import { prescribingContext, prescribingVisit } from "./prescribing-context";
import { issueCall, prescriptionRegistryOf } from "./registry";
import { newRxCode, newRxSalt, rxHashOf } from "./rx-identity";
import { signPrescriptionSchema, type SignPrescriptionInput } from "./schemas";

export const RX_INSTRUCTIONS_PURPOSE = (code: string) => `rx-instructions:${code}`;

/**
 * Signs a prescription: the warnings are computed again here, and any there are must have been acknowledged. The
 * row gets a public code (for the QR) and a salted hash, and in the same transaction the outbox gets
 * PrescriptionRegistry.issue(rxHash, expiresAt, refills + 1) from the doctor's Safe, so any pharmacy can check on
 * chain that it is genuine and how many fills are left. The content can never change afterwards (a trigger).
 */
export async function signPrescription(actor: Actor | null, input: SignPrescriptionInput, chain?: Pick<ChainDeployment, "contracts">) {
  authorize(actor, "prescriptions:write");
  const data = signPrescriptionSchema.parse(input);
  const registry = prescriptionRegistryOf(chain);
  try {
    return await db().$transaction(async (tx) => {
      const visit = await prescribingVisit(tx, actor, data.visitId);
      const { drug, warnings } = await prescribingContext(tx, actor, visit.patientId, data.drugId);
      const serious = warnings.filter((w) => w.kind !== "unknown-allergies");
      if (serious.length > 0 && !data.acknowledgeWarnings) {
        throw new AppError("CONFLICT", `Check the ${serious.length === 1 ? "warning" : `${serious.length} warnings`} and confirm before signing.`, { acknowledgeWarnings: serious.map((w) => w.message) });
      }
      const code = newRxCode();
      const salt = newRxSalt();
      const signedAt = new Date();
      const expiresAt = new Date(signedAt.getTime() + env().PRESCRIPTION_VALID_DAYS * 86_400_000);
      const drugName = `${drug.name}`;
      const content = { code, patientId: visit.patientId, doctorId: actor.userId, drugId: drug.id, drugName, dose: data.dose, route: data.route, frequency: data.frequency, durationDays: data.durationDays, quantity: data.quantity, refills: data.refills, instructions: data.instructions, signedAt, expiresAt };
      const rxHash = rxHashOf(content, salt);
      const prescription = await tx.prescription.create({
        data: {
          code,
          visitId: visit.id,
          doctorId: actor.userId,
          patientId: visit.patientId,
          drugId: drug.id,
          drugName,
          dose: data.dose,
          route: data.route,
          frequency: data.frequency,
          durationDays: data.durationDays,
          quantity: data.quantity,
          refills: data.refills,
          instructionsCipher: data.instructions ? await sealForPatient(tx, visit.patientId, RX_INSTRUCTIONS_PURPOSE(code), data.instructions) : null,
          warnings: warnings.map((w) => ({ ...w })),
          signedAt,
          expiresAt,
          rxSalt: salt,
          rxHash,
        },
      });
      const op = await enqueueOnchainOp(tx, {
        userId: actor.userId,
        kind: "prescription.issue",
        calls: [issueCall(registry, rxHash, expiresAt, data.refills + 1)],
        refType: "Prescription",
        refId: prescription.id,
      });
      await tx.prescription.update({ where: { id: prescription.id }, data: { chainOpId: op.id } });
      await recordAudit(tx, { actor, patientId: visit.patientId, action: "sign", resourceType: "Prescription", resourceId: prescription.id, purpose: warnings.length ? `sign prescription (${warnings.length} warnings acknowledged)` : "sign prescription" });
      return { ...prescription, chainOpId: op.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Please sign again.");
    throw error;
  }
}
