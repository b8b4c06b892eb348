import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { clinicReportSchema, type ClinicReportInput } from "./schemas";

export interface ClinicDay {
  day: string;
  /** Still on the books: booked, checked in or in progress. */
  booked: number;
  completed: number;
  cancelled: number;
  noShow: number;
  prescriptions: number;
}

export interface DoctorFigures {
  doctorId: string;
  name: string;
  specialty: string | null;
  feeCents: number;
  appointments: number;
  completed: number;
  noShows: number;
  /** No-shows out of the appointments that were attended or missed; null when there were none. */
  noShowRate: number | null;
  cancellations: number;
  visitsSigned: number;
  prescriptions: number;
  /** Completed appointments × the doctor's consultation fee today: an estimate, not takings. */
  revenueCents: number;
}

export interface TopDrug {
  drugId: string;
  name: string;
  prescriptions: number;
}

/**
 * The clinic's figures over the last `days` clinic days (CLINIC_TIME_ZONE), today included: appointments per day by
 * outcome, per doctor (with the no-show rate and the revenue estimated from fees), prescriptions signed per day, the
 * most prescribed drugs and how far those prescriptions have been dispensed, and emergency (break-glass) access.
 * Counts only, never a patient: an aggregate like the pharmacy report, so like it no audit event is recorded.
 * Appointments count on the day they were for, prescriptions and visits on the day they were signed.
 */
export async function getClinicReport(actor: Actor | null, input: ClinicReportInput = {}) {
  authorize(actor, "reports:view");
  const { days } = clinicReportSchema.parse(input);
  // The period as instants: from the first day's clinic midnight to the midnight after today.
  const from = Prisma.sql`((clinic_today() - ${days - 1}::int)::timestamp AT TIME ZONE clinic_zone())`;
  const to = Prisma.sql`((clinic_today() + 1)::timestamp AT TIME ZONE clinic_zone())`;
  const [perDay, doctors, topDrugs, dispensing, breakGlass] = await Promise.all([
    db().$queryRaw<ClinicDay[]>(Prisma.sql`
      WITH days AS (SELECT generate_series(clinic_today() - ${days - 1}::int, clinic_today(), interval '1 day')::date AS "day"),
      appts AS (
        SELECT clinic_day(a."startsAt") AS "day",
          count(*) FILTER (WHERE a."status" IN ('BOOKED', 'CHECKED_IN', 'IN_PROGRESS')) AS "booked",
          count(*) FILTER (WHERE a."status" = 'COMPLETED') AS "completed",
          count(*) FILTER (WHERE a."status" = 'CANCELLED') AS "cancelled",
          count(*) FILTER (WHERE a."status" = 'NO_SHOW') AS "noShow"
        FROM "Appointment" a WHERE a."startsAt" >= ${from} AND a."startsAt" < ${to} GROUP BY 1
      ),
      rx AS (
        SELECT clinic_day(p."signedAt") AS "day", count(*) AS "n"
        FROM "Prescription" p WHERE p."signedAt" >= ${from} AND p."signedAt" < ${to} GROUP BY 1
      )
      SELECT to_char(days."day", 'YYYY-MM-DD') AS "day",
        COALESCE(appts."booked", 0)::int AS "booked", COALESCE(appts."completed", 0)::int AS "completed",
        COALESCE(appts."cancelled", 0)::int AS "cancelled", COALESCE(appts."noShow", 0)::int AS "noShow",
        COALESCE(rx."n", 0)::int AS "prescriptions"
      FROM days LEFT JOIN appts ON appts."day" = days."day" LEFT JOIN rx ON rx."day" = days."day"
      ORDER BY days."day"`),
    // Every active doctor with a profile, and any other doctor with something in the period.
    db().$queryRaw<(Omit<DoctorFigures, "noShowRate" | "revenueCents"> & { revenueCents: bigint })[]>(Prisma.sql`
      WITH a AS (
        SELECT "doctorId", count(*) AS "appointments",
          count(*) FILTER (WHERE "status" = 'COMPLETED') AS "completed",
          count(*) FILTER (WHERE "status" = 'NO_SHOW') AS "noShows",
          count(*) FILTER (WHERE "status" = 'CANCELLED') AS "cancellations"
        FROM "Appointment" WHERE "startsAt" >= ${from} AND "startsAt" < ${to} GROUP BY 1
      ),
      v AS (SELECT "doctorId", count(*) AS "n" FROM "Visit" WHERE "status" = 'SIGNED' AND "signedAt" >= ${from} AND "signedAt" < ${to} GROUP BY 1),
      r AS (SELECT "doctorId", count(*) AS "n" FROM "Prescription" WHERE "signedAt" >= ${from} AND "signedAt" < ${to} GROUP BY 1)
      SELECT u."id" AS "doctorId", COALESCE(u."name", u."email") AS "name", dp."specialty",
        COALESCE(dp."feeCents", 0)::int AS "feeCents",
        COALESCE(a."appointments", 0)::int AS "appointments", COALESCE(a."completed", 0)::int AS "completed",
        COALESCE(a."noShows", 0)::int AS "noShows", COALESCE(a."cancellations", 0)::int AS "cancellations",
        COALESCE(v."n", 0)::int AS "visitsSigned", COALESCE(r."n", 0)::int AS "prescriptions",
        (COALESCE(a."completed", 0) * COALESCE(dp."feeCents", 0))::bigint AS "revenueCents"
      FROM "User" u
      LEFT JOIN "DoctorProfile" dp ON dp."userId" = u."id"
      LEFT JOIN a ON a."doctorId" = u."id" LEFT JOIN v ON v."doctorId" = u."id" LEFT JOIN r ON r."doctorId" = u."id"
      WHERE u."role" = 'DOCTOR'
        AND ((dp."userId" IS NOT NULL AND u."status" = 'ACTIVE') OR a."doctorId" IS NOT NULL OR v."doctorId" IS NOT NULL OR r."doctorId" IS NOT NULL)
      ORDER BY "appointments" DESC, "completed" DESC, "name", u."id"`),
    db().$queryRaw<TopDrug[]>(Prisma.sql`
      SELECT p."drugId", max(p."drugName") AS "name", count(*)::int AS "prescriptions"
      FROM "Prescription" p WHERE p."signedAt" >= ${from} AND p."signedAt" < ${to}
      GROUP BY p."drugId" ORDER BY "prescriptions" DESC, "name" LIMIT 10`),
    // A prescription is fully dispensed when every fill (the first and each refill) has been handed over whole.
    db().$queryRaw<{ signed: number; cancelled: number; fully: number; partly: number; notYet: number }[]>(Prisma.sql`
      WITH p AS (
        SELECT p."status", p."refills",
          (SELECT count(DISTINCT d."fillNumber") FROM "Dispense" d WHERE d."prescriptionId" = p."id" AND d."owed" = 0) AS "fillsDone",
          EXISTS (SELECT 1 FROM "Dispense" d WHERE d."prescriptionId" = p."id") AS "any"
        FROM "Prescription" p WHERE p."signedAt" >= ${from} AND p."signedAt" < ${to}
      )
      SELECT count(*)::int AS "signed",
        count(*) FILTER (WHERE "status" = 'CANCELLED')::int AS "cancelled",
        count(*) FILTER (WHERE "status" <> 'CANCELLED' AND "fillsDone" >= "refills" + 1)::int AS "fully",
        count(*) FILTER (WHERE "status" <> 'CANCELLED' AND "any" AND "fillsDone" < "refills" + 1)::int AS "partly",
        count(*) FILTER (WHERE "status" <> 'CANCELLED' AND NOT "any")::int AS "notYet"
      FROM p`),
    db().$queryRaw<{ opened: number; awaitingReview: number; awaitingReviewAll: number }[]>(Prisma.sql`
      SELECT count(*) FILTER (WHERE "startedAt" >= ${from} AND "startedAt" < ${to})::int AS "opened",
        count(*) FILTER (WHERE "startedAt" >= ${from} AND "startedAt" < ${to} AND "review" = 'PENDING')::int AS "awaitingReview",
        count(*) FILTER (WHERE "review" = 'PENDING')::int AS "awaitingReviewAll"
      FROM "BreakGlassAccess"`),
  ]);
  const perDoctor: DoctorFigures[] = doctors.map((d) => ({
    ...d,
    noShowRate: d.completed + d.noShows === 0 ? null : d.noShows / (d.completed + d.noShows),
    revenueCents: Number(d.revenueCents),
  }));
  const sum = (pick: (d: ClinicDay) => number) => perDay.reduce((total, d) => total + pick(d), 0);
  const totals = {
    appointments: sum((d) => d.booked + d.completed + d.cancelled + d.noShow),
    booked: sum((d) => d.booked),
    completed: sum((d) => d.completed),
    cancelled: sum((d) => d.cancelled),
    noShows: sum((d) => d.noShow),
    noShowRate: sum((d) => d.completed + d.noShow) === 0 ? null : sum((d) => d.noShow) / sum((d) => d.completed + d.noShow),
    visitsSigned: perDoctor.reduce((t, d) => t + d.visitsSigned, 0),
    revenueCents: perDoctor.reduce((t, d) => t + d.revenueCents, 0),
  };
  return {
    days,
    firstDay: perDay[0]!.day,
    lastDay: perDay[perDay.length - 1]!.day,
    perDay,
    totals,
    perDoctor,
    prescriptions: { ...dispensing[0]!, topDrugs },
    breakGlass: breakGlass[0]!,
  };
}

export type ClinicReport = Awaited<ReturnType<typeof getClinicReport>>;
