import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { appendMovement } from "./ledger";
import { adjustStockSchema, expireLotsSchema, type AdjustStockInput } from "../schemas";

/** A counted correction (breakage, a recount), with its reason; the database refuses one that would go below zero. */
export async function adjustStock(actor: Actor | null, input: AdjustStockInput): Promise<{ quantity: number }> {
  authorize(actor, "stock:adjust");
  const { lotId, quantity, reason } = adjustStockSchema.parse(input);
  return db().$transaction(async (tx) => {
    const lot = await tx.stockLot.findUnique({ where: { id: lotId }, select: { drugId: true, quantity: true } });
    if (!lot) throw new AppError("NOT_FOUND", "There is no such lot.");
    if (lot.quantity + quantity < 0) {
      throw new AppError("CONFLICT", `This lot holds ${lot.quantity}; it cannot lose ${-quantity}.`, { quantity: ["More than the lot holds."] });
    }
    await appendMovement(tx, { lotId, drugId: lot.drugId, kind: "ADJUST", quantity, reason, actorId: actor.userId });
    return { quantity: lot.quantity + quantity };
  });
}

/**
 * Writes off what is left in expired lots (one, or all of them): an EXPIRE movement each, so the shelf and the
 * ledger agree that the units are gone. Each lot row is locked, so two write-offs never both take the same units.
 */
export async function expireLots(actor: Actor | null, input: { lotId?: string } = {}): Promise<{ lots: number; units: number }> {
  authorize(actor, "stock:adjust");
  const { lotId } = expireLotsSchema.parse(input);
  return db().$transaction(async (tx) => {
    const lots = await tx.$queryRaw<{ id: string; drugId: string; quantity: number }[]>`
      SELECT "id", "drugId", "quantity" FROM "StockLot"
      WHERE "expiresOn" < clinic_today() AND "quantity" > 0 ${lotId ? Prisma.sql`AND "id" = ${lotId}::uuid` : Prisma.empty}
      ORDER BY "id" FOR UPDATE`;
    if (lotId && lots.length === 0) throw new AppError("CONFLICT", "This lot has not expired, or has nothing left to write off.");
    let units = 0;
    for (const lot of lots) {
      await appendMovement(tx, { lotId: lot.id, drugId: lot.drugId, kind: "EXPIRE", quantity: -lot.quantity, reason: "expired", actorId: actor.userId });
      units += lot.quantity;
    }
    return { lots: lots.length, units };
  });
}
