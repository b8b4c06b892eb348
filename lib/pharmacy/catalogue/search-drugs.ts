import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { looksLikeBarcode } from "../barcode";
import { searchDrugsSchema, type SearchDrugsInput } from "../schemas";

export interface DrugHit {
  id: string;
  name: string;
  genericName: string;
  form: string;
  strength: string;
  packSize: number;
  barcode: string | null;
  priceCents: number;
  controlled: boolean;
  otc: boolean;
  rxnormCode: string | null;
  /** Units in lots that have not expired. */
  onHand: number;
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Finds drugs by barcode (exact) or by words of the name, generic name and strength (each word anywhere, any case),
 * best matches first: the barcode, then names starting with the query, then by trigram similarity.
 * The WHERE clause repeats the expression of the "Drug_search_trgm" GIN index so that index answers it.
 */
export async function searchDrugs(actor: Actor | null, input: SearchDrugsInput): Promise<DrugHit[]> {
  authorize(actor, "drugs:search");
  const { query, limit, otcOnly } = searchDrugsSchema.parse(input);
  if (!query) return [];
  const otc = otcOnly ? Prisma.sql`AND d."otc"` : Prisma.empty;
  let match: Prisma.Sql;
  if (looksLikeBarcode(query)) {
    match = Prisma.sql`d."barcode" = ${query}`;
  } else {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
    match = Prisma.join(
      words.map((w) => Prisma.sql`(d."name" || ' ' || d."genericName" || ' ' || d."strength") ILIKE ${`%${escapeLike(w)}%`}`),
      " AND ",
    );
  }
  return db().$queryRaw<DrugHit[]>`
    SELECT m.*, COALESCE((
      SELECT sum(l."quantity") FROM "StockLot" l
      WHERE l."drugId" = m."id" AND l."quantity" > 0 AND l."expiresOn" >= clinic_today()
    ), 0)::int AS "onHand"
    FROM (
      SELECT d."id", d."name", d."genericName", d."form"::text AS "form", d."strength", d."packSize", d."barcode",
             d."priceCents", d."controlled", d."otc", d."rxnormCode"
      FROM "Drug" d
      WHERE d."active" ${otc} AND ${match}
      ORDER BY (lower(d."name") LIKE ${`${escapeLike(query.toLowerCase())}%`}) DESC,
               similarity(d."name", ${query}) DESC, d."name", d."strength"
      LIMIT ${limit}
    ) m`;
}
