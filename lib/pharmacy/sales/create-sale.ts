import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { takeStockFefo } from "../inventory/ledger";
import { createSaleSchema, type CreateSaleInput } from "../schemas";

export interface CompletedSale {
  saleId: string;
  number: number;
  totalCents: number;
}

/**
 * A counter sale of over-the-counter items: prices come from the catalogue, units from the first-expiring lots.
 * All or nothing: if one line cannot be filled, nothing is sold.
 */
export async function createSale(actor: Actor | null, input: CreateSaleInput): Promise<CompletedSale> {
  authorize(actor, "sales:sell");
  const { lines, paymentMethod } = createSaleSchema.parse(input);
  // One line per item; lines in drug-id order so concurrent carts lock lots in the same order (no deadlock).
  const quantities = new Map<string, number>();
  for (const l of lines) quantities.set(l.drugId, (quantities.get(l.drugId) ?? 0) + l.quantity);
  const drugIds = [...quantities.keys()].sort();

  return db().$transaction(async (tx) => {
    const drugs = await tx.drug.findMany({ where: { id: { in: drugIds } }, select: { id: true, name: true, priceCents: true, otc: true, active: true } });
    const byId = new Map(drugs.map((d) => [d.id, d]));
    for (const id of drugIds) {
      const drug = byId.get(id);
      if (!drug || !drug.active) throw new AppError("NOT_FOUND", "An item in the cart is no longer in the catalogue.");
      if (!drug.otc) throw new AppError("VALIDATION", `${drug.name} needs a prescription: dispense it from a prescription instead.`);
    }
    const totalCents = drugIds.reduce((sum, id) => sum + byId.get(id)!.priceCents * quantities.get(id)!, 0);
    const sale = await tx.sale.create({ data: { soldById: actor.userId, paymentMethod, totalCents }, select: { id: true, number: true } });
    for (const id of drugIds) {
      const drug = byId.get(id)!;
      const line = await tx.saleLine.create({
        data: { saleId: sale.id, drugId: id, quantity: quantities.get(id)!, unitPriceCents: drug.priceCents },
        select: { id: true },
      });
      await takeStockFefo(tx, { drugId: id, drugName: drug.name, quantity: quantities.get(id)!, kind: "SELL", actorId: actor.userId, saleLineId: line.id });
    }
    return { saleId: sale.id, number: sale.number, totalCents };
  });
}
