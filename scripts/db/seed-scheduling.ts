import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { newDataKey, openDataKey, sealWithDataKey, type MasterKeys } from "../../lib/crypto/envelope.ts";
import { visitDigest } from "../../lib/visits/content-hash.ts";
import { addDays, wallClockAt, zonedTimeToUtc } from "../../lib/scheduling/time-zone.ts";

/** Weekly hours of the demo doctors: [weekdays 1–7, from, to, slot minutes]. */
const HOURS: Record<string, [number[], string, string, number][]> = {
  "dr.chen@example.com": [[[1, 2, 3, 4, 5], "09:00", "17:00", 30]],
  "dr.okafor@example.com": [[[1, 2, 3, 4, 5, 6], "08:00", "14:00", 20]],
  "dr.lindqvist@example.com": [
    [[1, 3, 5], "10:00", "18:00", 30],
    [[2, 4], "08:00", "12:00", 30],
  ],
  "dr.haddad@example.com": [
    [[1, 2, 3, 4, 5], "08:30", "16:30", 30],
    [[6], "09:00", "12:00", 30],
  ],
};

/** Past visits, signed: the patient, the doctor, how many days ago, notes, vitals and ICD-10-CM codes. */
const PAST_VISITS = [
  {
    patient: "patient@example.com",
    doctor: "dr.chen@example.com",
    daysAgo: 35,
    notes: { subjective: "Occasional palpitations for two months, no chest pain.", objective: "Regular rhythm, no murmurs. BP 142/88.", assessment: "Essential hypertension, palpitations.", plan: "Home BP diary, ECG, review in 4 weeks." },
    vitals: { systolicMmHg: 142, diastolicMmHg: 88, heartRateBpm: 84, temperatureC: 36.7, spo2Percent: 98, weightKg: 68, heightCm: 165 },
    codes: ["I10", "R00.2"],
    orders: ["ECG"],
  },
  {
    patient: "james.walker@example.com",
    doctor: "dr.haddad@example.com",
    daysAgo: 12,
    notes: { subjective: "Follow-up of type 2 diabetes; feels well.", objective: "Feet intact, monofilament normal.", assessment: "Type 2 diabetes without complications, hyperlipidemia.", plan: "Continue treatment, HbA1c and lipid panel." },
    vitals: { systolicMmHg: 132, diastolicMmHg: 80, heartRateBpm: 72, temperatureC: 36.6, spo2Percent: 97, weightKg: 91, heightCm: 178 },
    codes: ["E11.9", "E78.5"],
    orders: ["HbA1c", "Lipid panel"],
  },
] as const;

async function dataKeyOf(prisma: PrismaClient, userId: string, keys: MasterKeys): Promise<Buffer> {
  const { dataKey, sealed } = newDataKey(keys, userId);
  await prisma.dataKey.createMany({ data: [{ userId, ...sealed }], skipDuplicates: true });
  const stored = await prisma.dataKey.findUniqueOrThrow({ where: { userId } });
  return stored.sealedKey === sealed.sealedKey ? dataKey : openDataKey(keys, userId, stored);
}

// Read as a file: plain Node (npm start, Playwright) loads this script without a bundler's JSON imports.
const CODE_TITLES = new Map(
  (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "lib", "codes", "icd10cm-common.json"), "utf8")) as { codes: { code: string; display: string }[] }).codes.map((c) => [c.code, c.display]),
);

const NO_VITALS: Record<string, number | null> = { systolicMmHg: null, diastolicMmHg: null, heartRateBpm: null, respiratoryRate: null, temperatureC: null, spo2Percent: null, weightKg: null, heightCm: null };

const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * Working hours for the demo doctors (always brought back to these), and once, a few past signed visits so the
 * demo patients have visit records. Visit notes are sealed with the patient's data key like the portal's, so
 * without the master key (npm run db:seed alone) the past visits are left out.
 */
export async function seedScheduling(prisma: PrismaClient, log: (msg: string) => void, masterKeys?: MasterKeys, timeZone = "America/New_York"): Promise<void> {
  const doctors = await prisma.user.findMany({ where: { email: { in: Object.keys(HOURS) } }, select: { id: true, email: true } });
  for (const doctor of doctors) {
    const rows = HOURS[doctor.email]!.flatMap(([days, from, to, slotMinutes]) => days.map((weekday) => ({ doctorId: doctor.id, weekday, startMinute: minute(from), endMinute: minute(to), slotMinutes })));
    await prisma.$transaction([prisma.workingHours.deleteMany({ where: { doctorId: doctor.id } }), prisma.workingHours.createMany({ data: rows })]);
  }
  if (!masterKeys) {
    log(`seeded working hours of ${doctors.length} doctors (no past visits without the master key)`);
    return;
  }
  let visits = 0;
  const today = wallClockAt(new Date(), timeZone).date;
  for (const v of PAST_VISITS) {
    const [patient, doctor] = await Promise.all([prisma.user.findUnique({ where: { email: v.patient } }), prisma.user.findUnique({ where: { email: v.doctor } })]);
    if (!patient || !doctor || (await prisma.visit.count({ where: { patientId: patient.id, doctorId: doctor.id } })) > 0) continue;
    const startsAt = zonedTimeToUtc(addDays(today, -v.daysAgo), 10 * 60, timeZone);
    const key = await dataKeyOf(prisma, patient.id, masterKeys);
    await prisma.$transaction(async (tx) => {
      const appointment = await tx.appointment.create({
        data: { doctorId: doctor.id, patientId: patient.id, bookedById: patient.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), status: "IN_PROGRESS", checkedInAt: startsAt },
      });
      const visitId = randomUUID();
      await tx.visit.create({
        data: { id: visitId, appointmentId: appointment.id, doctorId: doctor.id, patientId: patient.id, startedAt: startsAt, notesCipher: sealWithDataKey(key, patient.id, `visit-notes:${visitId}`, JSON.stringify(v.notes)), ...v.vitals },
      });
      const diagnoses = v.codes.map((code, i) => ({ system: "ICD-10-CM", code, display: CODE_TITLES.get(code)!, isPrimary: i === 0 }));
      await tx.visitDiagnosis.createMany({ data: diagnoses.map((d) => ({ visitId, ...d })) });
      await tx.examOrder.createMany({ data: v.orders.map((name) => ({ visitId, name })) });
      const vitals: Record<string, number | null> = { ...NO_VITALS, ...v.vitals };
      const signedHash = visitDigest({
        visitId,
        patientId: patient.id,
        doctorId: doctor.id,
        notes: v.notes,
        vitals,
        diagnoses: [...diagnoses].sort((a, b) => a.code.localeCompare(b.code)).map((d) => ({ system: d.system, code: d.code, primary: d.isPrimary })),
        orders: v.orders.map((name) => ({ name, instructions: null })),
      });
      await tx.visit.update({ where: { id: visitId }, data: { status: "SIGNED", signedAt: new Date(startsAt.getTime() + 25 * 60_000), signedHash } });
      await tx.appointment.update({ where: { id: appointment.id }, data: { status: "COMPLETED" } });
    });
    visits++;
  }
  log(`seeded working hours of ${doctors.length} doctors and ${visits} past visits`);
}
