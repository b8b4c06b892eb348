import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { alertsSchema } from "../schemas";

export interface LowStockAlert {
  drugId: string;
  name: string;
  strength: string;
  onHand: number;
  reorderLevel: number;
}

export interface LotAlert {
  lotId: string;
  drugId: string;
  name: string;
  strength: string;
  lotNumber: string;
  expiresOn: Date;
  quantity: number;
  location: string;
  /** Negative once expired. */
  daysLeft: number;
}

/** Low stock (at or under the reorder level), lots expiring within the window, and expired lots still on the shelf. */
export async function getStockAlerts(actor: Actor | null, input: { expiringWithinDays?: number } = {}) {
  authorize(actor, "stock:read");
  const { expiringWithinDays } = alertsSchema.parse(input);
  const [lowStock, lots] = await Promise.all([
    db().$queryRaw<LowStockAlert[]>`
      SELECT d."id" AS "drugId", d."name", d."strength", d."reorderLevel",
        COALESCE(sum(l."quantity") FILTER (WHERE l."expiresOn" >= clinic_today()), 0)::int AS "onHand"
      FROM "Drug" d LEFT JOIN "StockLot" l ON l."drugId" = d."id" AND l."quantity" > 0
      WHERE d."active" AND d."reorderLevel" > 0
      GROUP BY d."id"
      HAVING COALESCE(sum(l."quantity") FILTER (WHERE l."expiresOn" >= clinic_today()), 0) <= d."reorderLevel"
      ORDER BY 5, d."name"`,
    db().$queryRaw<LotAlert[]>`
      SELECT l."id" AS "lotId", d."id" AS "drugId", d."name", d."strength", l."lotNumber", l."expiresOn", l."quantity", l."location",
        (l."expiresOn" - clinic_today())::int AS "daysLeft"
      FROM "StockLot" l JOIN "Drug" d ON d."id" = l."drugId"
      WHERE l."quantity" > 0 AND l."expiresOn" <= clinic_today() + ${expiringWithinDays}::int
      ORDER BY l."expiresOn", d."name"`,
  ]);
  return {
    expiringWithinDays,
    lowStock,
    expiringSoon: lots.filter((l) => l.daysLeft >= 0),
    expired: lots.filter((l) => l.daysLeft < 0),
  };
}

export type StockAlerts = Awaited<ReturnType<typeof getStockAlerts>>;
