import type { ChainDeployment } from "@/lib/chain/deployments";
import { db } from "@/lib/db";
import { signPrescription } from "@/lib/prescriptions/sign-prescription";
import { visitFixture } from "@/lib/visits/test-visit";
import { createActor } from "@/test/factories";
import { createDrug, stockLot } from "./fixtures";

/**
 * Where a tier that runs no chain (the authorization matrix) addresses the prescription's issue op: nothing delivers
 * it, and reading the registry fails UNAVAILABLE there. Tests of what dispensing verifies run a chain
 * (./dispensing-chain.ts).
 */
const NO_CHAIN = { contracts: { PrescriptionRegistry: "0x000000000000000000000000000000000000dEaD" } } as unknown as Pick<ChainDeployment, "contracts">;

/**
 * A signed prescription of a test drug (tablets, 20 a pack): `quantity` is in packs, prescribed as tablets. Its
 * PrescriptionRegistry.issue waits in the outbox, addressed to `chain`'s registry.
 */
export async function prescribed(opts: { refills?: number; quantity?: number; stock?: number; chain?: Pick<ChainDeployment, "contracts"> } = {}) {
  const { visit, doctor } = await visitFixture(null);
  const pharmacist = await createActor("PHARMACIST");
  const drug = await createDrug({ otc: false, name: `Amoxiclav ${visit.id.slice(0, 6)}` });
  const lot = await stockLot(drug.id, pharmacist.userId, opts.stock ?? 10, 200);
  const rx = await signPrescription(
    doctor,
    { visitId: visit.id, drugId: drug.id, dose: "1 tablet", route: "oral", frequency: "twice daily", durationDays: 7, quantity: (opts.quantity ?? 2) * 20, refills: opts.refills ?? 0, instructions: "With food", acknowledgeWarnings: true },
    opts.chain ?? NO_CHAIN,
  );
  return { rx, doctor, pharmacist, drug, lot };
}

/**
 * A dispense of a prescription as dispensing records it, written directly: for the authorization matrix, whose tier
 * runs no chain to verify the prescription against first.
 */
export async function recordedDispense() {
  const { rx, pharmacist } = await prescribed();
  return db().dispense.create({
    data: { prescriptionId: rx.id, fillNumber: 1, part: 1, patientId: rx.patientId, drugId: rx.drugId, pharmacistId: pharmacist.userId, quantity: 2, owed: 0 },
  });
}
