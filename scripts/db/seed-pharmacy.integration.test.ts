import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { isValidEan13 } from "../../lib/pharmacy/barcode.ts";
import { applyMigrations } from "./migrate.ts";
import { seedDemoClinic } from "./seed.ts";
import { loadCatalogue } from "./seed-pharmacy.ts";

// A database of its own: the seed decides what to create from what is already there.
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/seed_pharmacy_${Date.now()}`;
const databaseUrl = url.toString();
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
let prisma: PrismaClient;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE "${url.pathname.slice(1)}"`);
  await applyMigrations(databaseUrl);
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
});
afterAll(async () => {
  await prisma.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
});

async function snapshot() {
  const [drugs, lots, movements, sales, orders, mismatched] = await Promise.all([
    prisma.drug.count(),
    prisma.stockLot.count(),
    prisma.stockMovement.count(),
    prisma.sale.count(),
    prisma.purchaseOrder.count(),
    prisma.$queryRaw<{ n: number }[]>`
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
    expect(await prisma.stockLot.count({ where: { expiresOn: { lt: new Date() }, quantity: { gt: 0 } } })).toBeGreaterThan(0);

    await seedDemoClinic(databaseUrl);
    expect(await snapshot()).toEqual(first);
  });
});
