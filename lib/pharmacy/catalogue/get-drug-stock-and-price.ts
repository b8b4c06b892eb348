import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { drugIdsSchema } from "../schemas";

export interface DrugStockAndPrice {
  drugId: string;
  priceCents: number;
  /** Units in lots that have not expired. */
  onHand: number;
  /** The first expiry among those lots (what would be dispensed first), or null with none in stock. */
  nextExpiry: Date | null;
}

/** Stock on hand and price of a few drugs, for the prescribing screen and the counter. Unknown ids are left out. */
export async function getDrugStockAndPrice(actor: Actor | null, drugIds: string[]): Promise<DrugStockAndPrice[]> {
  authorize(actor, "drugs:search");
  const ids = drugIdsSchema.parse(drugIds);
  if (ids.length === 0) return [];
  return db().$queryRaw<DrugStockAndPrice[]>`
    SELECT d."id" AS "drugId", d."priceCents",
           COALESCE(sum(l."quantity"), 0)::int AS "onHand", min(l."expiresOn") AS "nextExpiry"
    FROM "Drug" d
    LEFT JOIN "StockLot" l ON l."drugId" = d."id" AND l."quantity" > 0 AND l."expiresOn" >= clinic_today()
    WHERE d."id" = ANY(${ids}::uuid[])
    GROUP BY d."id"`;
}
