import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { masterKeysFrom } from "../../lib/crypto/envelope.ts";
import { syntheaSamplesDir } from "../../lib/fhir/samples.ts";
import { applyMigrations } from "./migrate.ts";
import { DEMO_HISTORIES, seedDemoRecords } from "./seed-records.ts";
import { seedDemoClinic } from "./seed.ts";

// A database of its own: the seed decides what to create from what is already there.
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/seed_records_${Date.now()}`;
const databaseUrl = url.toString();
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
const masterKeys = masterKeysFrom({ MASTER_KEY: randomBytes(32).toString("base64"), MASTER_KEY_ID: "k1" });
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

describe("demo histories", () => {
  // Without the shared bundles the seed skips histories by design (and the FHIR import tests fail loudly).
  it.skipIf(!syntheaSamplesDir())("gives the demo patients imported histories with codes and original dates, and seeding again adds nothing", async () => {
    await seedDemoClinic(databaseUrl, () => {}, { masterKeys });
    const maria = await prisma.user.findUniqueOrThrow({ where: { email: "patient@example.com" } });
    const conditions = await prisma.clinicalEntry.findMany({ where: { patientId: maria.id, kind: "CONDITION" } });
    expect(conditions.length).toBeGreaterThan(3);
    expect(conditions.every((c) => c.codeSystem === "http://snomed.info/sct" && c.code && c.occurredAt && c.occurredAt < new Date("2026-01-01"))).toBe(true);
    expect(await prisma.fhirImport.count()).toBe(Object.keys(DEMO_HISTORIES).length);

    const before = await prisma.clinicalEntry.count();
    await seedDemoRecords(prisma, () => {}, masterKeys);
    expect(await prisma.clinicalEntry.count()).toBe(before);
    expect(await prisma.fhirImport.count()).toBe(Object.keys(DEMO_HISTORIES).length);
  });
});
