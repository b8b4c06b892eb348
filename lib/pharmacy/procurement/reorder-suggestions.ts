import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";

export interface ReorderSuggestion {
  drugId: string;
  name: string;
  strength: string;
  onHand: number;
  onOrder: number;
  reorderLevel: number;
  suggested: number;
  lastUnitCostCents: number;
}

/**
 * Items at or below their reorder level, counting what is already on open orders: suggest enough to get back to
 * twice the level, and at least the item's usual reorder quantity.
 */
export async function getReorderSuggestions(actor: Actor | null): Promise<ReorderSuggestion[]> {
  authorize(actor, "procurement:manage");
  return db().$queryRaw<ReorderSuggestion[]>`
    WITH stock AS (
      SELECT d."id", d."name", d."strength", d."reorderLevel", d."reorderQuantity", d."priceCents",
        COALESCE((SELECT sum(l."quantity") FROM "StockLot" l WHERE l."drugId" = d."id" AND l."quantity" > 0 AND l."expiresOn" >= clinic_today()), 0)::int AS "onHand",
        COALESCE((SELECT sum(pl."quantityOrdered" - pl."quantityReceived") FROM "PurchaseOrderLine" pl JOIN "PurchaseOrder" po ON po."id" = pl."purchaseOrderId"
                  WHERE pl."drugId" = d."id" AND po."status" IN ('DRAFT', 'SENT', 'PARTIALLY_RECEIVED')), 0)::int AS "onOrder",
        (SELECT l."unitCostCents" FROM "StockLot" l WHERE l."drugId" = d."id" ORDER BY l."receivedAt" DESC LIMIT 1) AS "lastCost"
      FROM "Drug" d WHERE d."active" AND d."reorderLevel" > 0
    )
    SELECT "id" AS "drugId", "name", "strength", "onHand", "onOrder", "reorderLevel",
      GREATEST("reorderQuantity", 2 * "reorderLevel" - "onHand" - "onOrder")::int AS "suggested",
      COALESCE("lastCost", round("priceCents" * 0.6))::int AS "lastUnitCostCents"
    FROM stock WHERE "onHand" + "onOrder" <= "reorderLevel"
    ORDER BY ("onHand"::float / "reorderLevel"), "name"`;
}
