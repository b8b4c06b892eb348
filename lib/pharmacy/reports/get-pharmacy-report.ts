import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { reportSchema } from "../schemas";

export interface DayFigures {
  day: string;
  sales: number;
  salesCents: number;
  unitsSold: number;
  unitsDispensed: number;
}

export interface SlowMover {
  drugId: string;
  name: string;
  strength: string;
  onHand: number;
  stockValueCents: number;
  lastMovedOut: Date | null;
}

/**
 * The pharmacy's figures: sales and dispenses per clinic day (CLINIC_TIME_ZONE) over the last `days` days (every
 * day listed, zero or not),
 * the value of the stock at cost and at retail, what expires in the next 90 days, and slow movers (stock that
 * has not been sold or dispensed for `slowMoverDays`).
 */
export async function getPharmacyReport(actor: Actor | null, input: { days?: number; slowMoverDays?: number } = {}) {
  authorize(actor, "pharmacy:reports");
  const { days, slowMoverDays } = reportSchema.parse(input);
  const [perDay, value, expiries, slowMovers] = await Promise.all([
    // Each table is read once and grouped by clinic day, then laid on the calendar (days with nothing show 0).
    db().$queryRaw<DayFigures[]>`
      WITH days AS (SELECT generate_series(clinic_today() - (${days}::int - 1), clinic_today(), interval '1 day')::date AS day),
      since AS (SELECT (min(day)::timestamp AT TIME ZONE clinic_zone()) AS at FROM days),
      sales AS (
        SELECT clinic_day(s."createdAt") AS day, count(*) AS n, sum(s."totalCents") AS cents
        FROM "Sale" s WHERE s."createdAt" >= (SELECT at FROM since) GROUP BY 1
      ),
      moved AS (
        SELECT clinic_day(m."at") AS day,
          -sum(m."quantity") FILTER (WHERE m."kind" = 'SELL') AS sold,
          -sum(m."quantity") FILTER (WHERE m."kind" = 'DISPENSE') AS dispensed
        FROM "StockMovement" m WHERE m."kind" IN ('SELL', 'DISPENSE') AND m."at" >= (SELECT at FROM since) GROUP BY 1
      )
      SELECT to_char(days.day, 'YYYY-MM-DD') AS "day",
        COALESCE(sales.n, 0)::int AS "sales",
        COALESCE(sales.cents, 0)::int AS "salesCents",
        COALESCE(moved.sold, 0)::int AS "unitsSold",
        COALESCE(moved.dispensed, 0)::int AS "unitsDispensed"
      FROM days LEFT JOIN sales ON sales.day = days.day LEFT JOIN moved ON moved.day = days.day
      ORDER BY days.day`,
    db().$queryRaw<{ units: number; costCents: bigint; retailCents: bigint; lots: number }[]>`
      SELECT COALESCE(sum(l."quantity"), 0)::int AS "units", COALESCE(sum(l."quantity"::bigint * l."unitCostCents"), 0)::bigint AS "costCents",
        COALESCE(sum(l."quantity"::bigint * d."priceCents"), 0)::bigint AS "retailCents", count(*)::int AS "lots"
      FROM "StockLot" l JOIN "Drug" d ON d."id" = l."drugId"
      WHERE l."quantity" > 0 AND l."expiresOn" >= clinic_today()`,
    db().$queryRaw<{ month: string; lots: number; units: number; costCents: bigint }[]>`
      SELECT to_char(date_trunc('month', l."expiresOn"), 'YYYY-MM') AS "month", count(*)::int AS "lots", sum(l."quantity")::int AS "units",
        sum(l."quantity"::bigint * l."unitCostCents")::bigint AS "costCents"
      FROM "StockLot" l WHERE l."quantity" > 0 AND l."expiresOn" >= clinic_today() AND l."expiresOn" < clinic_today() + 90
      GROUP BY 1 ORDER BY 1`,
    db().$queryRaw<SlowMover[]>`
      SELECT d."id" AS "drugId", d."name", d."strength", s."onHand", s."valueCents"::int AS "stockValueCents",
        (SELECT max(m."at") FROM "StockMovement" m WHERE m."drugId" = d."id" AND m."kind" IN ('SELL', 'DISPENSE')) AS "lastMovedOut"
      FROM "Drug" d
      JOIN LATERAL (
        SELECT sum(l."quantity")::int AS "onHand", sum(l."quantity"::bigint * l."unitCostCents") AS "valueCents"
        FROM "StockLot" l WHERE l."drugId" = d."id" AND l."quantity" > 0 AND l."expiresOn" >= clinic_today()
      ) s ON s."onHand" > 0
      WHERE NOT EXISTS (
        SELECT 1 FROM "StockMovement" m WHERE m."drugId" = d."id" AND m."kind" IN ('SELL', 'DISPENSE')
          AND m."at" >= now() - make_interval(days => ${slowMoverDays}::int)
      )
      ORDER BY s."valueCents" DESC, d."name" LIMIT 15`,
  ]);
  const v = value[0] ?? { units: 0, costCents: 0n, retailCents: 0n, lots: 0 };
  return {
    days,
    slowMoverDays,
    perDay,
    stockValue: { units: v.units, lots: v.lots, costCents: Number(v.costCents), retailCents: Number(v.retailCents) },
    expiries: expiries.map((e) => ({ ...e, costCents: Number(e.costCents) })),
    slowMovers,
  };
}

export type PharmacyReport = Awaited<ReturnType<typeof getPharmacyReport>>;
