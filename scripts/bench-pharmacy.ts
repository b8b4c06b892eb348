/**
 * Pharmacy benchmark: drug search with 10,000 catalogue items (most with stock in two lots), timed through the data
 * function the portal calls (searchDrugs: authorization, the trigram-indexed query and the stock on hand), plus the
 * stock-and-price lookup the prescribing screen makes. A database of its own on a temporary embedded PostgreSQL
 * (or on TEST_DATABASE_URL's server), every migration applied. Prints p50/p95/p99 and writes bench/pharmacy.json.
 *   npm run bench:pharmacy
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { applyMigrations } from "./db/migrate.ts";
import { loadCatalogue } from "./db/seed-pharmacy.ts";
import { startEmbeddedPostgres } from "./services/postgres.ts";
import { freePort } from "../test/ports.ts";

const DRUGS = 10_000;
const QUERIES = 400;
const ROOT = join(import.meta.dirname, "..");

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 100) / 100;

async function main() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    mkdirSync(join(ROOT, ".data"), { recursive: true });
    const dataDir = mkdtempSync(join(ROOT, ".data", "bench-pharmacy-"));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "postgres", log: () => {} });
    adminUrl = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const name = `bench_pharmacy_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    await applyMigrations(databaseUrl);
    Object.assign(process.env, { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString("base64"), MASTER_KEY: randomBytes(32).toString("base64"), LOG_LEVEL: "warn" });
    const figures = await run(databaseUrl);
    mkdirSync(join(ROOT, "bench"), { recursive: true });
    writeFileSync(join(ROOT, "bench", "pharmacy.json"), `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg().map(round), ...figures }, null, 2)}\n`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await stop();
  }
}

async function run(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const catalogue = loadCatalogue();
  // 10,000 items: the seeded catalogue's names and generic names with made-up makers and strengths.
  const makers = ["Apex", "Borealis", "Cedar", "Delta", "Evergreen", "Fulcrum", "Granite", "Harbor", "Iris", "Juniper", "Keystone", "Lumen", "Meridian", "Nova", "Orchid", "Pioneer"];
  const started = performance.now();
  const user = await client.query(`INSERT INTO "User"(id, email, role, "updatedAt") VALUES (gen_random_uuid(), 'bench-pharmacist@example.com', 'PHARMACIST', now()) RETURNING id`);
  const actorId = user.rows[0].id as string;
  const rows: unknown[][] = [];
  for (let i = 0; i < DRUGS; i++) {
    const base = catalogue[i % catalogue.length]!;
    const maker = makers[Math.floor(i / catalogue.length) % makers.length]!;
    const strength = `${(i % 50) * 10 + 5} mg`;
    rows.push([`${maker} ${base.name} ${i}`, base.genericName, base.form, strength, base.packSize, `2${String(i).padStart(11, "0")}0`, base.priceCents, base.otc, base.rxnormCode]);
  }
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000);
    const values = chunk.map((_, j) => `(gen_random_uuid(), $${j * 9 + 1}, $${j * 9 + 2}, $${j * 9 + 3}::"DrugForm", $${j * 9 + 4}, $${j * 9 + 5}, $${j * 9 + 6}, $${j * 9 + 7}, $${j * 9 + 8}, $${j * 9 + 9}, 10, 40, now())`);
    await client.query(
      `INSERT INTO "Drug"(id, name, "genericName", form, strength, "packSize", barcode, "priceCents", otc, "rxnormCode", "reorderLevel", "reorderQuantity", "updatedAt") VALUES ${values.join(",")}`,
      chunk.flat(),
    );
  }
  // Two lots for nine items in ten, received through the ledger (the trigger fills each lot).
  await client.query(`
    INSERT INTO "StockLot"(id, "drugId", "lotNumber", "expiresOn", "unitCostCents")
    SELECT gen_random_uuid(), d.id, 'B-' || n, current_date + (30 + (random() * 600)::int), 100
    FROM "Drug" d CROSS JOIN generate_series(1, 2) n WHERE random() < 0.9`);
  await client.query(`
    INSERT INTO "StockMovement"(id, "lotId", "drugId", kind, quantity, "actorId")
    SELECT gen_random_uuid(), l.id, l."drugId", 'RECEIVE', 1 + (random() * 100)::int, $1 FROM "StockLot" l`, [actorId]);
  await client.query(`ANALYZE`);
  const loadMs = performance.now() - started;
  const sample = await client.query(`SELECT id, name, "genericName", barcode FROM "Drug" ORDER BY random() LIMIT ${QUERIES}`);
  await client.end();

  // The portal's own data functions (server-only is empty under the react-server condition this runs with).
  const { searchDrugs } = await import("../lib/pharmacy/catalogue/search-drugs.ts");
  const { getDrugStockAndPrice } = await import("../lib/pharmacy/catalogue/get-drug-stock-and-price.ts");
  const { db } = await import("../lib/db.ts");
  const actor = { userId: actorId, role: "PHARMACIST" as const, sessionId: "bench" };

  const kinds = ["prefix", "words", "generic", "barcode", "miss"] as const;
  const queries = sample.rows.map((r: { name: string; genericName: string; barcode: string }, i: number) => {
    const kind = kinds[i % kinds.length]!;
    const words = r.name.split(" ");
    const query =
      kind === "prefix" ? words[1]!.slice(0, 3 + (i % 4)) :
      kind === "words" ? `${words[1]!.slice(0, 4)} ${words[0]!.slice(0, 3)}`.toLowerCase() :
      kind === "generic" ? r.genericName.split(" ")[0]! :
      kind === "barcode" ? r.barcode :
      `zz${i}qx`;
    return { kind, query };
  });
  for (const q of queries.slice(0, 30)) await searchDrugs(actor, { query: q.query, limit: 10 });

  const timings: Record<string, number[]> = { all: [] };
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const result = await searchDrugs(actor, { query: q.query, limit: 10 });
    const ms = performance.now() - t0;
    hits += result.length;
    (timings[q.kind] ??= []).push(ms);
    timings.all!.push(ms);
  }
  const ids = sample.rows.slice(0, 10).map((r: { id: string }) => r.id);
  const stock: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    await getDrugStockAndPrice(actor, ids);
    stock.push(performance.now() - t0);
  }
  await db().$disconnect();

  const summary = (list: number[]) => {
    const s = [...list].sort((a, b) => a - b);
    return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s[s.length - 1]!) };
  };
  const search = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, summary(v)]));
  const stockAndPrice = summary(stock);
  console.log(`\nPharmacy search with ${DRUGS.toLocaleString("en-US")} drugs (load ${Math.round(loadMs)} ms), through searchDrugs, limit 10, ms:`);
  console.log("kind       n     p50     p95     p99     max");
  for (const [k, v] of Object.entries(search)) {
    console.log(`${k.padEnd(8)} ${String(v.n).padStart(4)} ${String(v.p50).padStart(7)} ${String(v.p95).padStart(7)} ${String(v.p99).padStart(7)} ${String(v.max).padStart(7)}`);
  }
  console.log(`stock and price of 10 drugs (getDrugStockAndPrice), ms: p50 ${stockAndPrice.p50}, p95 ${stockAndPrice.p95}, max ${stockAndPrice.max}`);
  console.log(`average hits per query: ${round(hits / queries.length)}; target: p95 under 100 ms`);
  return { drugs: DRUGS, loadMs: Math.round(loadMs), searchMs: search, stockAndPriceMs: stockAndPrice };
}

await main();
