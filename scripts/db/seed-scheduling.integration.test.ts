import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { masterKeysFrom, openDataKey, openWithDataKey } from "../../lib/crypto/envelope.ts";
import { applyMigrations } from "./migrate.ts";
import { seedScheduling } from "./seed-scheduling.ts";
import { seedDemoClinic } from "./seed.ts";

// A database of its own: the seed decides what to create from what is already there.
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/seed_scheduling_${Date.now()}`;
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

describe("demo scheduling", () => {
  it("gives the demo doctors working hours and the demo patients signed past visits, and seeding again adds nothing", async () => {
    await seedDemoClinic(databaseUrl, () => {}, { masterKeys });
    const chen = await prisma.user.findUniqueOrThrow({ where: { email: "dr.chen@example.com" } });
    expect(await prisma.workingHours.findMany({ where: { doctorId: chen.id }, orderBy: { weekday: "asc" }, select: { weekday: true, startMinute: true, endMinute: true } })).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
    );
    const visits = await prisma.visit.findMany({ include: { diagnoses: true } });
    expect(visits).toHaveLength(2);
    for (const v of visits) {
      expect(v).toMatchObject({ status: "SIGNED", signedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(v.diagnoses.length).toBeGreaterThan(0);
      const key = openDataKey(masterKeys, v.patientId, await prisma.dataKey.findUniqueOrThrow({ where: { userId: v.patientId } }));
      expect(JSON.parse(openWithDataKey(key, v.patientId, `visit-notes:${v.id}`, v.notesCipher!).toString())).toHaveProperty("assessment");
    }
    expect(await prisma.appointment.count({ where: { status: "COMPLETED" } })).toBe(2);

    await seedScheduling(prisma, () => {}, masterKeys);
    expect(await prisma.visit.count()).toBe(2);
    expect(await prisma.workingHours.count({ where: { doctorId: chen.id } })).toBe(5);
  });
});
