import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { appendMovement } from "../inventory/ledger";
import { returnSaleSchema, type ReturnSaleInput } from "../schemas";

/**
 * Items brought back: each returned unit goes back into a lot it was sold from (RETURN movements), and the line
 * remembers how many came back, so no unit is refunded twice, even by two requests at once.
 */
export async function returnSale(actor: Actor | null, input: ReturnSaleInput): Promise<{ refundCents: number; units: number }> {
  authorize(actor, "sales:sell");
  const { saleId, lines, reason } = returnSaleSchema.parse(input);
  const wanted = lines.filter((l) => l.quantity > 0);
  if (wanted.length === 0) throw new AppError("VALIDATION", "Enter how many units come back.");
  return db().$transaction(async (tx) => {
    let refundCents = 0;
    let units = 0;
    for (const { saleLineId, quantity } of wanted) {
      // Conditional update: only while enough units remain unreturned (zero rows means someone was first, or too many).
      const updated = await tx.$executeRaw`
        UPDATE "SaleLine" SET "returnedQuantity" = "returnedQuantity" + ${quantity}
        WHERE "id" = ${saleLineId}::uuid AND "saleId" = ${saleId}::uuid AND "returnedQuantity" + ${quantity} <= "quantity"`;
      if (updated === 0) throw new AppError("CONFLICT", "More units than were sold (and not yet returned) on this receipt.");
      const line = await tx.saleLine.findUniqueOrThrow({ where: { id: saleLineId }, select: { drugId: true, unitPriceCents: true } });
      // Net units still out per lot of this line, latest-expiring first (those were the last taken).
      const perLot = await tx.$queryRaw<{ lotId: string; out: number }[]>`
        SELECT m."lotId", (-sum(m."quantity"))::int AS "out"
        FROM "StockMovement" m JOIN "StockLot" l ON l."id" = m."lotId"
        WHERE m."saleLineId" = ${saleLineId}::uuid
        GROUP BY m."lotId", l."expiresOn" HAVING -sum(m."quantity") > 0
        ORDER BY l."expiresOn" DESC`;
      let left = quantity;
      for (const lot of perLot) {
        if (left === 0) break;
        const back = Math.min(left, lot.out);
        await appendMovement(tx, { lotId: lot.lotId, drugId: line.drugId, kind: "RETURN", quantity: back, actorId: actor.userId, reason, saleLineId });
        left -= back;
      }
      refundCents += quantity * line.unitPriceCents;
      units += quantity;
    }
    return { refundCents, units };
  });
}
