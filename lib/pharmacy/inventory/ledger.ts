import "server-only";
import type { Tx } from "@/lib/db";
import type { StockMovementKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/**
 * The stock ledger. Every change of stock is one StockMovement row; a database trigger applies it to its lot in the
 * same statement, and the lot's CHECK (quantity >= 0) refuses any movement that would make it negative, so no
 * interleaving of requests can oversell. These helpers run inside the caller's transaction.
 */
export interface Movement {
  lotId: string;
  drugId: string;
  kind: StockMovementKind;
  /** Signed: received and returned units are positive, the rest negative; an adjustment either. */
  quantity: number;
  actorId: string;
  reason?: string | null;
  purchaseOrderLineId?: string | null;
  saleLineId?: string | null;
  dispenseId?: string | null;
}

/** What PostgreSQL said, wherever the driver adapter put it. */
function pgErrorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Error) parts.push(e.message);
    const meta = (e as { meta?: unknown }).meta;
    if (meta) parts.push(JSON.stringify(meta));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(" | ");
}

export function isNegativeStockError(error: unknown): boolean {
  return pgErrorText(error).includes("StockLot_quantity_nonnegative");
}

export function isExpiredLotError(error: unknown): boolean {
  return /cannot be sold or dispensed/.test(pgErrorText(error));
}

/** Appends one movement; the database applies it to the lot or refuses it (negative stock, expired lot). */
export async function appendMovement(tx: Tx, m: Movement): Promise<void> {
  try {
    await tx.stockMovement.create({
      data: {
        lotId: m.lotId,
        drugId: m.drugId,
        kind: m.kind,
        quantity: m.quantity,
        actorId: m.actorId,
        reason: m.reason ?? null,
        purchaseOrderLineId: m.purchaseOrderLineId ?? null,
        saleLineId: m.saleLineId ?? null,
        dispenseId: m.dispenseId ?? null,
      },
    });
  } catch (error) {
    if (isNegativeStockError(error)) throw new AppError("CONFLICT", "There is not enough stock in this lot for that.");
    if (isExpiredLotError(error)) throw new AppError("CONFLICT", "This lot has expired: it cannot be sold or dispensed.");
    throw error;
  }
}

export interface Allocation {
  lotId: string;
  lotNumber: string;
  expiresOn: Date;
  quantity: number;
}

/**
 * Takes units of one drug first-expiring lot first (FEFO), never from an expired lot. The lots are locked
 * (FOR UPDATE, in the same order every time) so two counters taking the same drug queue rather than both
 * counting the same units; the CHECK on the lot would refuse an oversell anyway.
 */
export async function takeStockFefo(
  tx: Tx,
  take: { drugId: string; drugName: string; quantity: number; kind: "SELL" | "DISPENSE"; actorId: string; saleLineId?: string; dispenseId?: string },
): Promise<Allocation[]> {
  const lots = await tx.$queryRaw<{ id: string; lotNumber: string; expiresOn: Date; quantity: number }[]>`
    SELECT "id", "lotNumber", "expiresOn", "quantity" FROM "StockLot"
    WHERE "drugId" = ${take.drugId}::uuid AND "quantity" > 0 AND "expiresOn" >= clinic_today()
    ORDER BY "expiresOn", "receivedAt", "id"
    FOR UPDATE`;
  const available = lots.reduce((sum, l) => sum + l.quantity, 0);
  if (available < take.quantity) {
    throw new AppError(
      "CONFLICT",
      available === 0
        ? `${take.drugName} is out of stock.`
        : `Only ${available} unit${available === 1 ? "" : "s"} of ${take.drugName} in stock; ${take.quantity} asked for.`,
    );
  }
  const allocations: Allocation[] = [];
  let left = take.quantity;
  for (const lot of lots) {
    if (left === 0) break;
    const units = Math.min(left, lot.quantity);
    await appendMovement(tx, {
      lotId: lot.id,
      drugId: take.drugId,
      kind: take.kind,
      quantity: -units,
      actorId: take.actorId,
      saleLineId: take.saleLineId,
      dispenseId: take.dispenseId,
    });
    allocations.push({ lotId: lot.id, lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, quantity: units });
    left -= units;
  }
  return allocations;
}

/** Creates a lot (empty, as the database requires) or finds the one with the same number, then receives into it. */
export async function receiveIntoLot(
  tx: Tx,
  r: { drugId: string; lotNumber: string; expiresOn: Date; unitCostCents: number; location: string; quantity: number; actorId: string; purchaseOrderLineId?: string },
): Promise<string> {
  const lot = await tx.stockLot.upsert({
    where: { drugId_lotNumber: { drugId: r.drugId, lotNumber: r.lotNumber } },
    create: { drugId: r.drugId, lotNumber: r.lotNumber, expiresOn: r.expiresOn, unitCostCents: r.unitCostCents, location: r.location },
    update: {},
    select: { id: true, expiresOn: true },
  });
  if (lot.expiresOn.getTime() !== r.expiresOn.getTime()) {
    throw new AppError("VALIDATION", `Lot ${r.lotNumber} is already in stock with expiry ${lot.expiresOn.toISOString().slice(0, 10)}.`);
  }
  await appendMovement(tx, {
    lotId: lot.id,
    drugId: r.drugId,
    kind: "RECEIVE",
    quantity: r.quantity,
    actorId: r.actorId,
    purchaseOrderLineId: r.purchaseOrderLineId,
  });
  return lot.id;
}
