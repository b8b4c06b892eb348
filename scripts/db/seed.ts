import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { DEMO_PATIENTS, DEMO_STAFF } from "./demo-clinic.ts";
import type { MasterKeys } from "../../lib/crypto/envelope.ts";
import { ensureWallet } from "../../lib/wallets/ensure-wallet.ts";
import { seedPharmacy } from "./seed-pharmacy.ts";
import { seedDemoRecords } from "./seed-records.ts";
import { seedScheduling } from "./seed-scheduling.ts";

/**
 * Creates the demo clinic, or brings it back to its seeded details; running it twice changes nothing.
 * Seeded people count as having signed in before (emailVerified), so no invitation is needed.
 */
export async function seedDemoClinic(
  databaseUrl: string,
  log: (msg: string) => void = () => {},
  opts: { masterKeys?: MasterKeys } = {},
): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const verified = new Date("2026-01-01T00:00:00Z");
  try {
    for (const staff of DEMO_STAFF) {
      const user = await prisma.user.upsert({
        where: { email: staff.email },
        create: { email: staff.email, name: staff.name, role: staff.role, emailVerified: verified },
        update: { name: staff.name, role: staff.role, status: "ACTIVE" },
      });
      if (staff.doctor) {
        await prisma.doctorProfile.upsert({ where: { userId: user.id }, create: { userId: user.id, ...staff.doctor }, update: staff.doctor });
      }
    }
    for (const p of DEMO_PATIENTS) {
      const user = await prisma.user.upsert({
        where: { email: p.email },
        create: { email: p.email, name: `${p.givenName} ${p.familyName}`, role: "PATIENT", emailVerified: verified },
        update: { name: `${p.givenName} ${p.familyName}`, status: "ACTIVE" },
      });
      const profile = {
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: new Date(p.dateOfBirth),
        sex: p.sex,
        phone: p.phone,
        addressLine: p.addressLine,
        city: p.city,
        postalCode: p.postalCode,
        country: "United States",
        emergencyContactName: p.emergency.name,
        emergencyContactPhone: p.emergency.phone,
        emergencyContactRelation: p.emergency.relation,
      };
      await prisma.patientProfile.upsert({ where: { userId: user.id }, create: { userId: user.id, ...profile }, update: profile });
    }
    // Every demo user gets a wallet (kept when it exists). Without the master key, wallets are made on first use.
    const { masterKeys } = opts;
    if (masterKeys) {
      const demo = await prisma.user.findMany({ where: { email: { in: [...DEMO_STAFF, ...DEMO_PATIENTS].map((u) => u.email) } }, select: { id: true } });
      for (const { id } of demo) await prisma.$transaction((tx) => ensureWallet(tx, id, masterKeys));
    }
    log(`seeded the demo clinic: ${DEMO_STAFF.length} staff, ${DEMO_PATIENTS.length} patients${masterKeys ? ", with wallets" : ""}`);
    await seedPharmacy(prisma, log);
    await seedDemoRecords(prisma, log, masterKeys);
    await seedScheduling(prisma, log, masterKeys);
  } finally {
    await prisma.$disconnect();
  }
}
