import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";

export interface StockRow {
  id: string;
  name: string;
  strength: string;
  form: string;
  barcode: string | null;
  priceCents: number;
  otc: boolean;
  controlled: boolean;
  active: boolean;
  reorderLevel: number;
  /** Units in unexpired lots. */
  onHand: number;
  /** Units still on the shelf in expired lots (to write off). */
  expired: number;
  nextExpiry: Date | null;
}

const PAGE = 50;

/** The stock list: every catalogue item (withdrawn ones last) with what is on the shelf, filtered by words of its name, paged. */
export async function listStock(actor: Actor | null, input: { query?: string; page?: number } = {}): Promise<{ rows: StockRow[]; total: number; pageSize: number }> {
  authorize(actor, "stock:read");
  const words = (input.query ?? "").trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  const page = Math.max(0, Math.floor(input.page ?? 0));
  const match = words.length
    ? Prisma.sql`AND ${Prisma.join(
        words.map((w) => Prisma.sql`(d."name" || ' ' || d."genericName" || ' ' || d."strength") ILIKE ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
        " AND ",
      )}`
    : Prisma.empty;
  const [rows, total] = await Promise.all([
    db().$queryRaw<StockRow[]>`
      SELECT d."id", d."name", d."strength", d."form"::text AS "form", d."barcode", d."priceCents", d."otc", d."controlled", d."active", d."reorderLevel",
             COALESCE(sum(l."quantity") FILTER (WHERE l."expiresOn" >= clinic_today()), 0)::int AS "onHand",
             COALESCE(sum(l."quantity") FILTER (WHERE l."expiresOn" < clinic_today()), 0)::int AS "expired",
             min(l."expiresOn") FILTER (WHERE l."expiresOn" >= clinic_today()) AS "nextExpiry"
      FROM "Drug" d LEFT JOIN "StockLot" l ON l."drugId" = d."id" AND l."quantity" > 0
      WHERE true ${match}
      GROUP BY d."id" ORDER BY d."active" DESC, d."name", d."strength" LIMIT ${PAGE} OFFSET ${page * PAGE}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Drug" d WHERE true ${match}`,
  ]);
  return { rows, total: total[0]?.n ?? 0, pageSize: PAGE };
}

/** One item: its lots (newest expiry last) and its latest ledger rows. */
export async function getDrugStock(actor: Actor | null, drugId: string) {
  authorize(actor, "stock:read");
  if (!z.uuid().safeParse(drugId).success) throw new AppError("NOT_FOUND", "There is no such item in the catalogue.");
  const drug = await db().drug.findUnique({
    where: { id: drugId },
    include: {
      lots: { orderBy: [{ expiresOn: "asc" }, { receivedAt: "asc" }] },
      movements: { orderBy: { seq: "desc" }, take: 30, include: { lot: { select: { lotNumber: true } } } },
    },
  });
  if (!drug) throw new AppError("NOT_FOUND", "There is no such item in the catalogue.");
  return drug;
}
