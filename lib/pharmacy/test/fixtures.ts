import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { DrugForm } from "@/lib/generated/prisma/enums";
import { clinicToday } from "@/lib/scheduling/availability";
import { addDays } from "@/lib/scheduling/time-zone";
import { createActor } from "@/test/factories";
import { receiveIntoLot } from "../inventory/ledger";
import { createSale } from "../sales/create-sale";

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

/** A date `days` after the clinic's today (expiry is counted in the clinic's day, as clinic_today() in SQL). */
export const daysFromNow = (days: number) => new Date(`${addDays(clinicToday(), days)}T00:00:00Z`);

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

/** Ready-made records for the authorization matrix: each call makes fresh ones, owned by a pharmacist of its own. */
export const pharmacyFixtures = {
  async stockedLot(expiresInDays = 90) {
    const owner = await createActor("PHARMACIST");
    const drug = await createDrug();
    return { drug, lotId: await stockLot(drug.id, owner.userId, 10, expiresInDays) };
  },
  async sale() {
    const owner = await createActor("PHARMACIST");
    const drug = await createDrug();
    await stockLot(drug.id, owner.userId, 10, 90);
    const { saleId } = await createSale(owner, { lines: [{ drugId: drug.id, quantity: 2 }], paymentMethod: "CASH" });
    const line = await db().saleLine.findFirstOrThrow({ where: { saleId } });
    return { saleId, saleLineId: line.id };
  },
  async supplier() {
    return db().supplier.create({ data: { name: `Matrix supplier ${randomUUID()}` } });
  },
  async order(status: "DRAFT" | "SENT") {
    const owner = await createActor("PHARMACIST");
    const drug = await createDrug();
    const supplier = await pharmacyFixtures.supplier();
    const order = await db().purchaseOrder.create({
      data: { supplierId: supplier.id, status, createdById: owner.userId, lines: { create: [{ drugId: drug.id, quantityOrdered: 5, unitCostCents: 100 }] } },
      include: { lines: true },
    });
    return { purchaseOrderId: order.id, lineId: order.lines[0]!.id };
  },
};
