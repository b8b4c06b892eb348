import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AppointmentStatus } from "@/lib/generated/prisma/enums";
import { prescribed } from "@/lib/pharmacy/test/dispensing-fixtures";
import { clinicToday } from "@/lib/scheduling/availability";
import { clinicSlot, createDoctorWithHours } from "@/lib/scheduling/test-doctor";
import { addDays } from "@/lib/scheduling/time-zone";
import { visitFixture } from "@/lib/visits/test-visit";
import { createActor } from "@/test/factories";
import { getClinicReport } from "./get-clinic-report";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error ?? new Error("expected a refusal");
  return error.code;
}

const patientIds: string[] = [];

/** An appointment written straight into the table (booking refuses past times), with a patient of its own. */
async function appointment(doctorId: string, startsAt: Date, status: AppointmentStatus) {
  const patient = await createActor("PATIENT");
  patientIds.push(patient.userId);
  return db().appointment.create({
    data: {
      doctorId,
      patientId: patient.userId,
      bookedById: patient.userId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      status,
      cancelledAt: status === "CANCELLED" ? new Date() : null,
    },
  });
}

async function breakGlass(doctorId: string, daysAgo: number, reviewedBy?: string) {
  const patient = await createActor("PATIENT");
  const startedAt = clinicSlot(-daysAgo, 9);
  await db().breakGlassAccess.create({
    data: {
      doctorId,
      patientId: patient.userId,
      reasonCipher: "sealed",
      reasonHash: randomUUID(),
      startedAt,
      expiresAt: new Date(startedAt.getTime() + 3_600_000),
      ...(reviewedBy ? { review: "JUSTIFIED" as const, reviewedById: reviewedBy, reviewedAt: new Date() } : {}),
    },
  });
}

let admin: Awaited<ReturnType<typeof createActor>>;
let doctorA: string;
let doctorB: string;
let idleDoctor: string;
let drugOfTwo: string;

beforeAll(async () => {
  admin = await createActor("ADMIN");
  doctorA = (await createDoctorWithHours({ name: "Dr Report Alpha" })).userId;
  doctorB = (await createDoctorWithHours({ name: "Dr Report Beta" })).userId;
  idleDoctor = (await createDoctorWithHours({ name: "Dr Report Idle" })).userId;
  await db().doctorProfile.update({ where: { userId: doctorA }, data: { feeCents: 6_000 } });
  await db().doctorProfile.update({ where: { userId: doctorB }, data: { feeCents: 4_000 } });

  // Doctor A. The 30-day period starts at clinic midnight 29 days ago: 00:15 that day is in, 23:45 the day before is not.
  await appointment(doctorA, clinicSlot(-29, 0, 15), "COMPLETED");
  await appointment(doctorA, clinicSlot(-30, 23, 45), "COMPLETED");
  await appointment(doctorA, clinicSlot(-10, 10), "COMPLETED");
  await appointment(doctorA, clinicSlot(-10, 11), "CANCELLED");
  await appointment(doctorA, clinicSlot(-2, 10), "COMPLETED");
  await appointment(doctorA, clinicSlot(-2, 11), "COMPLETED");
  await appointment(doctorA, clinicSlot(-2, 12), "NO_SHOW");
  await appointment(doctorA, clinicSlot(0, 17), "BOOKED");
  await appointment(doctorA, clinicSlot(3, 10), "BOOKED"); // after today: in no period
  // A visit held and signed today: its appointment (today 02:00) becomes COMPLETED.
  await visitFixture({ userId: doctorA, role: "DOCTOR" }, { signed: true });

  // Doctor B.
  await appointment(doctorB, clinicSlot(-2, 10), "NO_SHOW");
  await appointment(doctorB, clinicSlot(-2, 11), "COMPLETED");
  await appointment(doctorB, clinicSlot(-20, 10), "NO_SHOW");

  // Three prescriptions signed today, each by a doctor of its own (fee 0) whose visit's appointment is in progress:
  // one dispensed whole, one not yet, one with a refill still to come.
  const whole = await prescribed();
  await db().dispense.create({
    data: { prescriptionId: whole.rx.id, fillNumber: 1, part: 1, patientId: whole.rx.patientId, drugId: whole.rx.drugId, pharmacistId: whole.pharmacist.userId, quantity: 2, owed: 0 },
  });
  await prescribed();
  const refill = await prescribed({ refills: 1 });
  await db().dispense.create({
    data: { prescriptionId: refill.rx.id, fillNumber: 1, part: 1, patientId: refill.rx.patientId, drugId: refill.rx.drugId, pharmacistId: refill.pharmacist.userId, quantity: 2, owed: 0 },
  });
  // A second prescription of the first drug, signed five days ago and since cancelled.
  const { id: _id, createdAt: _c, warnings, ...rest } = whole.rx as typeof whole.rx & { warnings: unknown };
  const signedAt = clinicSlot(-5, 10);
  await db().prescription.create({
    data: { ...rest, warnings: warnings as never, code: `RX${randomUUID().slice(0, 8)}`, rxHash: randomUUID(), chainOpId: null, status: "CANCELLED", signedAt, expiresAt: new Date(signedAt.getTime() + 30 * 86_400_000) },
  });
  drugOfTwo = whole.rx.drugId;
  patientIds.push(whole.rx.patientId, refill.rx.patientId);

  await breakGlass(doctorA, 3);
  await breakGlass(doctorA, 5, admin.userId);
  await breakGlass(doctorB, 40);
});

describe("getClinicReport", () => {
  it("counts the last 30 clinic days: appointments by outcome per day, per doctor, revenue from fees", async () => {
    const report = await getClinicReport(admin, {});
    expect(report.days).toBe(30);
    expect(report.perDay).toHaveLength(30);
    expect(report.lastDay).toBe(clinicToday());
    expect(report.firstDay).toBe(addDays(clinicToday(), -29));

    const day = (offset: number) => report.perDay.find((d) => d.day === addDays(clinicToday(), offset))!;
    // Today: A's booking, and the three prescribing doctors' visits in progress; A's visit completed.
    expect(day(0)).toEqual({ day: clinicToday(), booked: 4, completed: 1, cancelled: 0, noShow: 0, prescriptions: 3 });
    expect(day(-2)).toMatchObject({ booked: 0, completed: 3, cancelled: 0, noShow: 2 });
    expect(day(-5)).toMatchObject({ booked: 0, completed: 0, prescriptions: 1 });
    expect(day(-10)).toMatchObject({ completed: 1, cancelled: 1 });
    expect(day(-20)).toMatchObject({ noShow: 1 });
    expect(day(-29)).toMatchObject({ completed: 1 });

    expect(report.totals).toEqual({ appointments: 14, booked: 4, completed: 6, cancelled: 1, noShows: 3, noShowRate: 3 / 9, visitsSigned: 1, revenueCents: 34_000 });

    const a = report.perDoctor.find((d) => d.doctorId === doctorA)!;
    expect(a).toMatchObject({ name: "Dr Report Alpha", feeCents: 6_000, appointments: 8, completed: 5, noShows: 1, cancellations: 1, visitsSigned: 1, prescriptions: 0, revenueCents: 30_000 });
    expect(a.noShowRate).toBeCloseTo(1 / 6);
    const b = report.perDoctor.find((d) => d.doctorId === doctorB)!;
    expect(b).toMatchObject({ appointments: 3, completed: 1, noShows: 2, cancellations: 0, visitsSigned: 0, revenueCents: 4_000 });
    expect(b.noShowRate).toBeCloseTo(2 / 3);
    // An active doctor with nothing in the period is listed, with no rate rather than 0 %.
    expect(report.perDoctor.find((d) => d.doctorId === idleDoctor)).toMatchObject({ appointments: 0, noShowRate: null, revenueCents: 0 });
    // Sorted by appointments.
    expect(report.perDoctor[0]!.doctorId).toBe(doctorA);
    expect(report.perDoctor[1]!.doctorId).toBe(doctorB);
    expect(report.perDoctor.map((d) => d.appointments)).toEqual([...report.perDoctor.map((d) => d.appointments)].sort((x, y) => y - x));
  });

  it("counts prescriptions, the most prescribed drugs and how far they have been dispensed", async () => {
    const { prescriptions } = await getClinicReport(admin, { days: 30 });
    expect(prescriptions).toMatchObject({ signed: 4, cancelled: 1, fully: 1, partly: 1, notYet: 1 });
    expect(prescriptions.topDrugs).toHaveLength(3);
    expect(prescriptions.topDrugs[0]).toMatchObject({ drugId: drugOfTwo, prescriptions: 2 });
    expect(prescriptions.topDrugs.slice(1).map((d) => d.prescriptions)).toEqual([1, 1]);
  });

  it("counts emergency access opened in the period and what still awaits review", async () => {
    expect((await getClinicReport(admin, { days: 30 })).breakGlass).toEqual({ opened: 2, awaitingReview: 1, awaitingReviewAll: 2 });
    expect((await getClinicReport(admin, { days: 90 })).breakGlass).toEqual({ opened: 3, awaitingReview: 2, awaitingReviewAll: 2 });
  });

  it("follows the period: 7 days leave out older days, 90 take in the day before the 30", async () => {
    const week = await getClinicReport(admin, { days: "7" as unknown as number });
    expect(week.perDay).toHaveLength(7);
    expect(week.totals).toMatchObject({ appointments: 10, completed: 4, noShows: 2, cancelled: 0, revenueCents: 3 * 6_000 + 4_000 });
    expect(week.perDoctor.find((d) => d.doctorId === doctorB)).toMatchObject({ appointments: 2, noShows: 1, noShowRate: 0.5 });
    expect(week.prescriptions.signed).toBe(4);

    const quarter = await getClinicReport(admin, { days: 90 });
    expect(quarter.perDay).toHaveLength(90);
    expect(quarter.perDoctor.find((d) => d.doctorId === doctorA)).toMatchObject({ appointments: 9, completed: 6, revenueCents: 36_000 });
  });

  it("holds counts and doctors' names only, never a patient", async () => {
    const json = JSON.stringify(await getClinicReport(admin, { days: 90 }));
    for (const id of patientIds) expect(json).not.toContain(id);
    expect(json).not.toMatch(/Test Patient|@example\.com/);
  });

  it("is for administrators only, and takes only the periods offered", async () => {
    for (const role of ["PATIENT", "DOCTOR", "PHARMACIST"] as const) {
      expect(await codeOf(getClinicReport(await createActor(role), {}))).toBe("FORBIDDEN");
    }
    expect(await codeOf(getClinicReport(null, {}))).toBe("UNAUTHENTICATED");
    await expect(getClinicReport(admin, { days: 14 })).rejects.toThrow(/7, 30 or 90/);
  });
});
