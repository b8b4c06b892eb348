import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { DrugForm } from "@/lib/generated/prisma/enums";
import { receiveIntoLot } from "../inventory/ledger";

/** A catalogue item of its own for one test (unique name and barcode). */
export async function createDrug(opts: { name?: string; otc?: boolean; priceCents?: number; reorderLevel?: number; form?: DrugForm } = {}) {
  const tag = randomUUID().slice(0, 8);
  return db().drug.create({
    data: {
      name: opts.name ?? `Testafen ${tag}`,
      genericName: `testamol ${tag}`,
      form: opts.form ?? "TABLET",
      strength: "200 mg",
      packSize: 20,
      barcode: String(Math.floor(Math.random() * 1e12)).padStart(12, "0") + "0",
      priceCents: opts.priceCents ?? 499,
      otc: opts.otc ?? true,
      reorderLevel: opts.reorderLevel ?? 0,
      reorderQuantity: 50,
    },
  });
}

export const daysFromNow = (days: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
};

/** Puts a lot of the drug on the shelf through the ledger, as receiving would. */
export async function stockLot(drugId: string, actorId: string, quantity: number, expiresInDays: number, lotNumber = `L-${randomUUID().slice(0, 6)}`) {
  const lotId = await db().$transaction((tx) =>
    receiveIntoLot(tx, { drugId, lotNumber, expiresOn: daysFromNow(expiresInDays), unitCostCents: 200, location: "A1", quantity, actorId }),
  );
  return lotId;
}

/** Stock and ledger read straight from the database. */
export async function lotState(lotId: string) {
  const [lot, sum] = await Promise.all([
    db().stockLot.findUniqueOrThrow({ where: { id: lotId }, select: { quantity: true } }),
    db().stockMovement.aggregate({ where: { lotId }, _sum: { quantity: true } }),
  ]);
  return { quantity: lot.quantity, ledger: sum._sum.quantity ?? 0 };
}
