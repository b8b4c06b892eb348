import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { masterKeysFrom, openDataKey, openWithDataKey } from "../../lib/crypto/envelope.ts";
import { seedScheduling } from "./seed-scheduling.ts";
import { seedDemoClinic } from "./seed.ts";
import { useEmptyDatabase } from "../../test/empty-database.ts";

// A database of its own: the seed decides what to create from what is already there.
const own = useEmptyDatabase("seed_scheduling");
const { databaseUrl } = own;
const masterKeys = masterKeysFrom({ MASTER_KEY: randomBytes(32).toString("base64"), MASTER_KEY_ID: "k1" });

describe("demo scheduling", () => {
  it("gives the demo doctors working hours and the demo patients signed past visits, and seeding again adds nothing", async () => {
    await seedDemoClinic(databaseUrl, () => {}, { masterKeys });
    const chen = await own.prisma.user.findUniqueOrThrow({ where: { email: "dr.chen@example.com" } });
    expect(await own.prisma.workingHours.findMany({ where: { doctorId: chen.id }, orderBy: { weekday: "asc" }, select: { weekday: true, startMinute: true, endMinute: true } })).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
    );
    const visits = await own.prisma.visit.findMany({ include: { diagnoses: true } });
    expect(visits).toHaveLength(2);
    for (const v of visits) {
      expect(v).toMatchObject({ status: "SIGNED", signedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(v.diagnoses.length).toBeGreaterThan(0);
      const key = openDataKey(masterKeys, v.patientId, await own.prisma.dataKey.findUniqueOrThrow({ where: { userId: v.patientId } }));
      expect(JSON.parse(openWithDataKey(key, v.patientId, `visit-notes:${v.id}`, v.notesCipher!).toString())).toHaveProperty("assessment");
    }
    expect(await own.prisma.appointment.count({ where: { status: "COMPLETED" } })).toBe(2);

    await seedScheduling(own.prisma, () => {}, masterKeys);
    expect(await own.prisma.visit.count()).toBe(2);
    expect(await own.prisma.workingHours.count({ where: { doctorId: chen.id } })).toBe(5);
  });
});
