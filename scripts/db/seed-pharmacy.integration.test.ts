import { describe, expect, it } from "vitest";
import { isValidEan13 } from "../../lib/pharmacy/barcode.ts";
import { seedDemoClinic } from "./seed.ts";
import { loadCatalogue } from "./seed-pharmacy.ts";
import { useEmptyDatabase } from "../../test/empty-database.ts";

// A database of its own: the seed decides what to create from what is already there.
const own = useEmptyDatabase("seed_pharmacy");
const { databaseUrl } = own;

async function snapshot() {
  const [drugs, lots, movements, sales, orders, mismatched] = await Promise.all([
    own.prisma.drug.count(),
    own.prisma.stockLot.count(),
    own.prisma.stockMovement.count(),
    own.prisma.sale.count(),
    own.prisma.purchaseOrder.count(),
    own.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StockLot" l
      WHERE l."quantity" <> (SELECT COALESCE(sum(m."quantity"), 0) FROM "StockMovement" m WHERE m."lotId" = l."id")`,
  ]);
  return { drugs, lots, movements, sales, orders, mismatched: mismatched[0]!.n };
}

describe("pharmacy seed", () => {
  it("seeds a catalogue with valid barcodes, stock that matches its ledger, alerts to show; a second run changes nothing", async () => {
    const catalogue = loadCatalogue();
    expect(catalogue.length).toBeGreaterThan(100);
    expect(catalogue.every((i) => isValidEan13(i.barcode))).toBe(true);
    expect(catalogue.filter((i) => i.rxnormCode).length).toBeGreaterThan(75);

    await seedDemoClinic(databaseUrl);
    const first = await snapshot();
    expect(first.drugs).toBeGreaterThanOrEqual(catalogue.length);
    expect(first.mismatched).toBe(0);
    expect(first.sales).toBeGreaterThan(20);
    expect(first.orders).toBe(2);
    expect(await own.prisma.stockLot.count({ where: { expiresOn: { lt: new Date() }, quantity: { gt: 0 } } })).toBeGreaterThan(0);

    await seedDemoClinic(databaseUrl);
    expect(await snapshot()).toEqual(first);
  });
});
