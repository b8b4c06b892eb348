import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { masterKeysFrom } from "../../lib/crypto/envelope.ts";
import { syntheaSamplesDir } from "../../lib/fhir/samples.ts";
import { DEMO_HISTORIES, seedDemoRecords } from "./seed-records.ts";
import { seedDemoClinic } from "./seed.ts";
import { useEmptyDatabase } from "../../test/empty-database.ts";

// A database of its own: the seed decides what to create from what is already there.
const own = useEmptyDatabase("seed_records");
const { databaseUrl } = own;
const masterKeys = masterKeysFrom({ MASTER_KEY: randomBytes(32).toString("base64"), MASTER_KEY_ID: "k1" });

describe("demo histories", () => {
  // Without the shared bundles the seed skips histories by design (and the FHIR import tests fail loudly).
  it.skipIf(!syntheaSamplesDir())("gives the demo patients imported histories with codes and original dates, and seeding again adds nothing", async () => {
    await seedDemoClinic(databaseUrl, () => {}, { masterKeys });
    const maria = await own.prisma.user.findUniqueOrThrow({ where: { email: "patient@example.com" } });
    const conditions = await own.prisma.clinicalEntry.findMany({ where: { patientId: maria.id, kind: "CONDITION" } });
    expect(conditions.length).toBeGreaterThan(3);
    expect(conditions.every((c) => c.codeSystem === "http://snomed.info/sct" && c.code && c.occurredAt && c.occurredAt < new Date("2026-01-01"))).toBe(true);
    expect(await own.prisma.fhirImport.count()).toBe(Object.keys(DEMO_HISTORIES).length);

    const before = await own.prisma.clinicalEntry.count();
    await seedDemoRecords(own.prisma, () => {}, masterKeys);
    expect(await own.prisma.clinicalEntry.count()).toBe(before);
    expect(await own.prisma.fhirImport.count()).toBe(Object.keys(DEMO_HISTORIES).length);
  });
});
