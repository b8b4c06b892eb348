import { db } from "@/lib/db";
import { signPrescription } from "@/lib/prescriptions/sign-prescription";
import { visitFixture } from "@/lib/visits/test-visit";
import { createActor } from "@/test/factories";
import type { RegistryReader, RxAnchor } from "../dispensing/registry-reader";
import { createDrug, stockLot } from "./fixtures";

const REGISTRY = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const chain = { contracts: { PrescriptionRegistry: REGISTRY } } as unknown as Parameters<typeof signPrescription>[2];

/**
 * Stands in for PrescriptionRegistry as the worker would leave it: a prescription is anchored once issued, and each
 * dispense op sent counts a fill; `anchor(…, { fillsUsed })` adds fills made at another pharmacy.
 */
export function fakeRegistry() {
  const anchors = new Map<string, RxAnchor>();
  const reader: RegistryReader = async (rxHash) => {
    const anchor = anchors.get(rxHash);
    if (!anchor) return null;
    const rx = await db().prescription.findFirstOrThrow({ where: { rxHash } });
    const dispenses = await db().dispense.findMany({ where: { prescriptionId: rx.id }, select: { id: true } });
    const sent = await db().onchainOp.count({ where: { kind: "prescription.dispense", refId: { in: dispenses.map((d) => d.id) } } });
    return { ...anchor, fillsUsed: anchor.fillsUsed + sent };
  };
  return {
    reader: { readRegistry: reader, deployment: chain },
    anchor(rxHash: string, fillsAllowed: number, extra: Partial<RxAnchor> = {}) {
      anchors.set(rxHash, { prescriber: "0x00000000000000000000000000000000000000d0", expiresAt: new Date(Date.now() + 30 * 86_400_000), fillsAllowed, fillsUsed: 0, cancelled: false, prescriberVerified: true, ...extra });
    },
  };
}

/** A signed prescription of a test drug (tablets, 20 a pack): `quantity` is in packs, prescribed as tablets. */
export async function prescribed(opts: { refills?: number; quantity?: number; stock?: number } = {}) {
  const { visit, doctor } = await visitFixture(null);
  const pharmacist = await createActor("PHARMACIST");
  const drug = await createDrug({ otc: false, name: `Amoxiclav ${visit.id.slice(0, 6)}` });
  const lot = await stockLot(drug.id, pharmacist.userId, opts.stock ?? 10, 200);
  const rx = await signPrescription(
    doctor,
    { visitId: visit.id, drugId: drug.id, dose: "1 tablet", route: "oral", frequency: "twice daily", durationDays: 7, quantity: (opts.quantity ?? 2) * 20, refills: opts.refills ?? 0, instructions: "With food", acknowledgeWarnings: true },
    chain,
  );
  return { rx, pharmacist, drug, lot };
}

