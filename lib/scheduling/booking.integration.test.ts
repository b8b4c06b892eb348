import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeClinicalAccess } from "@/lib/authz/policy";
import { createActor, mailTo } from "@/test/factories";
import { doctorFreeSlots } from "./availability";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { checkInAppointment, markNoShow } from "./check-in-appointment";
import { getDoctorDay } from "./get-doctor-day";
import { listMyAppointments } from "./list-my-appointments";
import { addTimeOff, setWorkingHours } from "./manage-schedule";
import { rescheduleAppointment } from "./reschedule-appointment";
import { sendAppointmentReminders } from "./reminder-job";
import { searchDoctors } from "./search-doctors";
import { clinicSlot, createDoctorWithHours } from "./test-doctor";
import { wallClockAt } from "./time-zone";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error ?? new Error("expected a refusal");
  return error.code;
}

/** An appointment written straight into the table, e.g. one starting within the cut-off. */
async function insertAppointment(doctorId: string, patientId: string, startsAt: Date, minutes = 30) {
  return db().appointment.create({ data: { doctorId, patientId, bookedById: patientId, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) } });
}

describe("booking race", () => {
  it("gives exactly one of 60 simultaneous bookings of one slot, and the database refuses the rest", async () => {
    const doctor = await createDoctorWithHours();
    const patients = await Promise.all(Array.from({ length: 60 }, () => createActor("PATIENT")));
    const startsAt = clinicSlot(5, 10);
    const started = performance.now();
    const results = await Promise.allSettled(patients.map((p) => bookAppointment(p, { doctorId: doctor.userId, startsAt })));
    const elapsed = performance.now() - started;
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(59);
    for (const l of lost) expect((l.reason as AppError).code).toBe("CONFLICT");
    expect(await db().appointment.count({ where: { doctorId: doctor.userId } })).toBe(1);
    // Most losers passed the "is it free?" read and were stopped by the exclusion constraint itself.
    const byDatabase = lost.filter((l) => /just taken/.test((l.reason as Error).message)).length;
    expect(byDatabase).toBeGreaterThan(0);
    console.info(`booking race: 60 attempts, 1 booking, ${byDatabase} refused by the database, ${59 - byDatabase} by the read, ${Math.round(elapsed)} ms`);
  });

  it("refuses an overlapping row written past the application, and frees the time when cancelled", async () => {
    const doctor = await createDoctorWithHours();
    const [a, b] = [await createActor("PATIENT"), await createActor("PATIENT")];
    const startsAt = clinicSlot(6, 11);
    const booked = await bookAppointment(a, { doctorId: doctor.userId, startsAt });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // Half-overlapping, straight SQL: the exclusion constraint refuses it.
      await expect(
        client.query(
          `INSERT INTO "Appointment" (id, "doctorId", "patientId", "bookedById", "startsAt", "endsAt", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $2, $3, $4, now())`,
          [doctor.userId, b.userId, new Date(startsAt.getTime() + 15 * 60_000), new Date(startsAt.getTime() + 45 * 60_000)],
        ),
      ).rejects.toMatchObject({ code: "23P01", constraint: "Appointment_doctor_no_overlap" });
    } finally {
      await client.end();
    }
    await cancelAppointment(a, { appointmentId: booked.id });
    const again = await bookAppointment(b, { doctorId: doctor.userId, startsAt });
    expect(again.patientId).toBe(b.userId);
  });

  it("does not let one patient be in two places at once", async () => {
    const [d1, d2] = [await createDoctorWithHours(), await createDoctorWithHours()];
    const patient = await createActor("PATIENT");
    const startsAt = clinicSlot(7, 9);
    await bookAppointment(patient, { doctorId: d1.userId, startsAt });
    const error = await bookAppointment(patient, { doctorId: d2.userId, startsAt }).catch((e: unknown) => e as AppError);
    expect(error).toMatchObject({ code: "CONFLICT", message: "The patient already has an appointment at that time." });
  });
});

describe("booking rules", () => {
  it("offers only working-hours slots, sends a confirmation with a calendar invitation, and lists it for the patient", async () => {
    const doctor = await createDoctorWithHours({ name: "Dr. Test Slots" });
    const patient = await createActor("PATIENT");
    expect(await codeOf(bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(3, 7) }))).toBe("CONFLICT");
    expect(await codeOf(bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(3, 10, 10) }))).toBe("CONFLICT");
    expect(await codeOf(bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(-1, 10) }))).toBe("VALIDATION");
    expect(await codeOf(bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(90, 10) }))).toBe("VALIDATION");
    // Only the registry address is read; nothing here talks to the chain.
    const chain = { contracts: { ConsentRegistry: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } } as unknown as Parameters<typeof bookAppointment>[2];
    const booked = await bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(3, 10), reason: "Chest pain when climbing stairs", grantConsent: true }, chain);
    expect(booked.endsAt.getTime() - booked.startsAt.getTime()).toBe(30 * 60_000);
    expect(booked.reasonCipher).not.toContain("Chest");
    expect(booked).toMatchObject({ consentAtBooking: true, consent: "granted" });
    // The answer at booking is a consent for the whole record: its mirror row and the on-chain grant in the outbox.
    const consent = await db().consent.findFirstOrThrow({ where: { patientId: patient.userId, granteeId: doctor.userId } });
    expect(consent).toMatchObject({ scope: "ALL", grantStatus: "PENDING", revokedAt: null });
    expect(await db().onchainOp.count({ where: { refType: "Consent", refId: consent.id, kind: "consent.grant" } })).toBe(1);
    expect(await authorizeClinicalAccess(doctor, patient.userId, "visits")).toEqual({ basis: "consent", consentId: consent.id });
    // Without a configured chain the booking stands and says the consent was not recorded.
    const other = await bookAppointment(await createActor("PATIENT"), { doctorId: doctor.userId, startsAt: clinicSlot(3, 11), grantConsent: true });
    expect(other.consent).toBe("failed");
    expect(await db().appointment.count({ where: { id: other.id } })).toBe(1);
    const mail = (await mailTo(patient.email)) as unknown as { subject: string; text: string; attachments: { filename: string; contentType: string }[] }[];
    expect(mail[0]!.subject).toMatch(/^Your appointment is booked/);
    expect(mail[0]!.text).toContain("Dr. Test Slots");
    expect(mail[0]!.text).not.toContain("Chest");
    expect(mail[0]!.attachments).toEqual([expect.objectContaining({ filename: "appointment.ics", contentType: expect.stringMatching(/^text\/calendar/) })]);
    const mine = await listMyAppointments(patient);
    expect(mine.upcoming.map((a) => a.id)).toEqual([booked.id]);
    expect(mine.upcoming[0]).toMatchObject({ doctorName: "Dr. Test Slots", changeable: true });
    const audit = await db().auditEvent.findMany({ where: { patientId: patient.userId, resourceType: "Appointment", action: "create" } });
    expect(audit).toHaveLength(1);
  });

  it("leaves out leave and blocks, and refuses time off over booked appointments", async () => {
    const doctor = await createDoctorWithHours();
    const patient = await createActor("PATIENT");
    const startsAt = clinicSlot(4, 9);
    await addTimeOff(doctor, { kind: "BLOCK", startsAt, endsAt: new Date(startsAt.getTime() + 60 * 60_000), note: "Team meeting" });
    expect(await codeOf(bookAppointment(patient, { doctorId: doctor.userId, startsAt }))).toBe("CONFLICT");
    const later = clinicSlot(4, 14);
    await bookAppointment(patient, { doctorId: doctor.userId, startsAt: later });
    expect(await codeOf(addTimeOff(doctor, { kind: "LEAVE", startsAt: clinicSlot(4, 0), endsAt: clinicSlot(5, 0) }))).toBe("CONFLICT");
    const other = await createDoctorWithHours();
    expect(await codeOf(addTimeOff(doctor, { doctorId: other.userId, kind: "BLOCK", startsAt, endsAt: later }))).toBe("FORBIDDEN");
  });

  it("lets staff book for a patient, and refuses a patient booking for someone else", async () => {
    const doctor = await createDoctorWithHours();
    const [admin, patient, other] = [await createActor("ADMIN"), await createActor("PATIENT"), await createActor("PATIENT")];
    const booked = await bookAppointment(admin, { doctorId: doctor.userId, patientId: patient.userId, startsAt: clinicSlot(3, 15) });
    expect(booked).toMatchObject({ patientId: patient.userId, bookedById: admin.userId });
    expect(await codeOf(bookAppointment(admin, { doctorId: doctor.userId, startsAt: clinicSlot(3, 16) }))).toBe("VALIDATION");
    expect(await codeOf(bookAppointment(other, { doctorId: doctor.userId, patientId: patient.userId, startsAt: clinicSlot(3, 16) }))).toBe("FORBIDDEN");
    expect(await codeOf(bookAppointment(await createActor("DOCTOR"), { doctorId: doctor.userId, patientId: patient.userId, startsAt: clinicSlot(3, 16) }))).toBe("FORBIDDEN");
    expect(await codeOf(bookAppointment(null, { doctorId: doctor.userId, startsAt: clinicSlot(3, 16) }))).toBe("UNAUTHENTICATED");
  });
});

describe("reschedule and cancel", () => {
  it("moves an appointment to a free slot, bumps its calendar sequence and emails the update", async () => {
    const doctor = await createDoctorWithHours();
    const patient = await createActor("PATIENT");
    const booked = await bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(8, 9) });
    const moved = await rescheduleAppointment(patient, { appointmentId: booked.id, startsAt: clinicSlot(8, 9, 30) });
    expect(moved).toMatchObject({ id: booked.id, sequence: 1, status: "BOOKED" });
    expect(moved.startsAt.toISOString()).toBe(clinicSlot(8, 9, 30).toISOString());
    expect((await mailTo(patient.email))[0]!.subject).toMatch(/^Your appointment has moved/);
    // Its old time is free again; moving onto a taken time is refused.
    const other = await createActor("PATIENT");
    await bookAppointment(other, { doctorId: doctor.userId, startsAt: clinicSlot(8, 9) });
    expect(await codeOf(rescheduleAppointment(patient, { appointmentId: booked.id, startsAt: clinicSlot(8, 9) }))).toBe("CONFLICT");
  });

  it("refuses patients within the cut-off (24 h) but lets staff change it", async () => {
    const doctor = await createDoctorWithHours();
    const patient = await createActor("PATIENT");
    const soon = await insertAppointment(doctor.userId, patient.userId, new Date(Date.now() + 3 * 3_600_000));
    const cancel = await cancelAppointment(patient, { appointmentId: soon.id }).catch((e: unknown) => e as AppError);
    expect(cancel).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/until 24 hours before/) });
    expect(await codeOf(rescheduleAppointment(patient, { appointmentId: soon.id, startsAt: clinicSlot(9, 10) }))).toBe("CONFLICT");
    // Nor onto a time inside the cut-off.
    const later = await bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(9, 11) });
    expect(await codeOf(rescheduleAppointment(patient, { appointmentId: later.id, startsAt: new Date(Date.now() + 2 * 3_600_000) }))).toBe("CONFLICT");
    const admin = await createActor("ADMIN");
    const cancelled = await cancelAppointment(admin, { appointmentId: soon.id });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledById: admin.userId });
    expect(await codeOf(cancelAppointment(admin, { appointmentId: soon.id }))).toBe("CONFLICT");
  });

  it("refuses another patient's appointment id (IDOR) with FORBIDDEN, audited, and changes nothing", async () => {
    const doctor = await createDoctorWithHours();
    const [victim, attacker] = [await createActor("PATIENT"), await createActor("PATIENT")];
    const booked = await bookAppointment(victim, { doctorId: doctor.userId, startsAt: clinicSlot(10, 10) });
    expect(await codeOf(cancelAppointment(attacker, { appointmentId: booked.id }))).toBe("FORBIDDEN");
    expect(await codeOf(rescheduleAppointment(attacker, { appointmentId: booked.id, startsAt: clinicSlot(10, 12) }))).toBe("FORBIDDEN");
    expect(await codeOf(checkInAppointment(await createActor("DOCTOR"), { appointmentId: booked.id }))).toBe("FORBIDDEN");
    expect(await codeOf(cancelAppointment(attacker, { appointmentId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect(await db().appointment.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ status: "BOOKED", sequence: 0 });
    const denied = await db().auditEvent.findMany({ where: { patientId: victim.userId, outcome: "DENIED" } });
    expect(denied.map((d) => d.actorId)).toContain(attacker.userId);
  });
});

describe("leave and bookings", () => {
  it("never overlap: leave added while patients book inside it leaves either the leave or the bookings, never both", async () => {
    for (let round = 0; round < 4; round++) {
      const doctor = await createDoctorWithHours();
      const patients = await Promise.all(Array.from({ length: 6 }, () => createActor("PATIENT")));
      const day = 12 + round;
      const leave = { kind: "LEAVE" as const, startsAt: clinicSlot(day, 9), endsAt: clinicSlot(day, 12), note: "" };
      const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)));
      const [leaveOutcome, ...bookings] = await Promise.all([
        outcome(addTimeOff(doctor, leave)),
        ...patients.map((p, i) => outcome(bookAppointment(p, { doctorId: doctor.userId, startsAt: clinicSlot(day, 9, i * 30) }))),
      ]);
      const timeOff = await db().timeOff.count({ where: { doctorId: doctor.userId } });
      const inside = await db().appointment.count({ where: { doctorId: doctor.userId, status: "BOOKED", startsAt: { lt: leave.endsAt }, endsAt: { gt: leave.startsAt } } });
      expect(timeOff === 0 || inside === 0).toBe(true);
      expect(leaveOutcome === "ok").toBe(timeOff === 1);
      expect(bookings.filter((b) => b === "ok")).toHaveLength(inside);
      for (const b of [leaveOutcome, ...bookings]) expect(["ok", "CONFLICT"]).toContain(b);
    }
  });

  it("are kept apart by the database itself, for rows written past the application", async () => {
    const doctor = await createDoctorWithHours();
    const patient = await createActor("PATIENT");
    await db().timeOff.create({ data: { doctorId: doctor.userId, kind: "BLOCK", startsAt: clinicSlot(20, 10), endsAt: clinicSlot(20, 11) } });
    await expect(insertAppointment(doctor.userId, patient.userId, clinicSlot(20, 10, 30))).rejects.toThrow(/Appointment_doctor_time_off/);
    const booked = await insertAppointment(doctor.userId, patient.userId, clinicSlot(21, 10));
    await expect(db().timeOff.create({ data: { doctorId: doctor.userId, kind: "LEAVE", startsAt: clinicSlot(21, 9), endsAt: clinicSlot(21, 17) } })).rejects.toThrow(/TimeOff_appointment_clash/);
    // A cancelled appointment frees its time for leave; checking in keeps the time it holds.
    await db().appointment.update({ where: { id: booked.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await db().timeOff.create({ data: { doctorId: doctor.userId, kind: "LEAVE", startsAt: clinicSlot(21, 9), endsAt: clinicSlot(21, 17) } });
    expect(await codeOf(bookAppointment(patient, { doctorId: doctor.userId, startsAt: clinicSlot(21, 10) }))).toBe("CONFLICT");
  });
});

describe("the doctor's day", () => {
  it("lists today's appointments in order and checks in, then marks a started one as missed", async () => {
    const doctor = await createDoctorWithHours();
    const [p1, p2] = [await createActor("PATIENT"), await createActor("PATIENT")];
    // Today's appointments are written directly: some may lie in the past, where booking is refused.
    const base = clinicSlot(0, 0);
    const a1 = await insertAppointment(doctor.userId, p1.userId, new Date(base.getTime() + 9 * 3_600_000));
    const a2 = await insertAppointment(doctor.userId, p2.userId, new Date(base.getTime() + 8 * 3_600_000));
    const day = await getDoctorDay(doctor);
    expect(day.appointments.map((a) => a.id)).toEqual([a2.id, a1.id]);
    expect(day.appointments[0]!.patientName).toBe("Test Patient");
    await checkInAppointment(doctor, { appointmentId: a1.id });
    expect(await codeOf(checkInAppointment(doctor, { appointmentId: a1.id }))).toBe("CONFLICT");
    const future = await insertAppointment(doctor.userId, p2.userId, new Date(Date.now() + 5 * 86_400_000));
    expect(await codeOf(markNoShow(doctor, { appointmentId: future.id }))).toBe("CONFLICT");
    const past = await insertAppointment(doctor.userId, p1.userId, new Date(Date.now() - 2 * 86_400_000));
    await markNoShow(doctor, { appointmentId: past.id });
    expect((await db().appointment.findUniqueOrThrow({ where: { id: past.id } })).status).toBe("NO_SHOW");
  });
});

describe("daylight saving in the clinic's zone (America/New_York)", () => {
  const before = new Date("2026-01-01T00:00:00Z");

  it("offers 08:00 local on both sides of spring forward (8 March 2026) at the right instants, around booked time", async () => {
    const doctor = await createDoctorWithHours();
    const patient = await createActor("PATIENT");
    // Booked 09:00–09:30 EDT on the change day.
    await insertAppointment(doctor.userId, patient.userId, new Date("2026-03-08T13:00:00Z"));
    const slots = await doctorFreeSlots(db(), doctor.userId, "2026-03-07", 3, before);
    const byDate = (date: string) => slots.filter((s) => wallClockAt(s.startsAt, "America/New_York").date === date);
    expect(byDate("2026-03-07")[0]!.startsAt.toISOString()).toBe("2026-03-07T13:00:00.000Z");
    expect(byDate("2026-03-08")[0]!.startsAt.toISOString()).toBe("2026-03-08T12:00:00.000Z");
    expect(byDate("2026-03-09")[0]!.startsAt.toISOString()).toBe("2026-03-09T12:00:00.000Z");
    expect(byDate("2026-03-07")).toHaveLength(20);
    expect(byDate("2026-03-08")).toHaveLength(19);
    expect(byDate("2026-03-08").map((s) => s.startsAt.toISOString())).not.toContain("2026-03-08T13:00:00.000Z");
    for (const s of slots) {
      const minute = wallClockAt(s.startsAt, "America/New_York").minute;
      expect(minute >= 8 * 60 && minute < 18 * 60).toBe(true);
    }
  });

  it("offers 08:00 local on both sides of fall back (1 November 2026), and nothing inside leave", async () => {
    const doctor = await createDoctorWithHours();
    await db().timeOff.create({ data: { doctorId: doctor.userId, kind: "LEAVE", startsAt: new Date("2026-11-02T05:00:00Z"), endsAt: new Date("2026-11-03T05:00:00Z") } });
    const slots = await doctorFreeSlots(db(), doctor.userId, "2026-10-31", 3, before);
    const firsts = ["2026-10-31", "2026-11-01"].map((d) => slots.find((s) => wallClockAt(s.startsAt, "America/New_York").date === d)!.startsAt.toISOString());
    expect(firsts).toEqual(["2026-10-31T12:00:00.000Z", "2026-11-01T13:00:00.000Z"]);
    expect(slots.filter((s) => wallClockAt(s.startsAt, "America/New_York").date === "2026-11-02")).toEqual([]);
    expect(slots).toHaveLength(40);
  });
});

describe("doctor directory", () => {
  it("finds doctors by name or specialty with their next free slot, and reflects new working hours", async () => {
    const doctor = await createDoctorWithHours({ specialty: "Nephrology", name: "Dr. Directory Kidney" });
    const patient = await createActor("PATIENT");
    const bySpecialty = await searchDoctors(patient, { specialty: "nephrology" });
    expect(bySpecialty.map((d) => d.id)).toEqual([doctor.userId]);
    expect(bySpecialty[0]!.nextFreeSlot!.startsAt > new Date()).toBe(true);
    expect((await searchDoctors(patient, { q: "directory kid" })).map((d) => d.id)).toEqual([doctor.userId]);
    await setWorkingHours(doctor, { intervals: [] });
    expect((await searchDoctors(patient, { q: "Directory Kidney" }))[0]!.nextFreeSlot).toBeNull();
    expect(await codeOf(searchDoctors(await createActor("PHARMACIST"), {}))).toBe("FORBIDDEN");
    expect(await codeOf(setWorkingHours(doctor, { intervals: [{ weekday: 1, start: "09:00", end: "12:00", slotMinutes: 30 }, { weekday: 1, start: "11:00", end: "13:00", slotMinutes: 30 }] }))).toBe("VALIDATION");
  });
});

describe("reminders", () => {
  it("emails one reminder with the invitation for an appointment within the reminder window, once, even with two workers", async () => {
    const doctor = await createDoctorWithHours();
    const patient = await createActor("PATIENT");
    const soon = await insertAppointment(doctor.userId, patient.userId, new Date(Date.now() + 5 * 3_600_000));
    const later = await insertAppointment(doctor.userId, patient.userId, new Date(Date.now() + 3 * 86_400_000));
    const results = await Promise.all([sendAppointmentReminders(), sendAppointmentReminders()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(1);
    const mails = (await mailTo(patient.email)).filter((m) => m.subject.startsWith("Reminder"));
    expect(mails).toHaveLength(1);
    expect((await db().appointment.findUniqueOrThrow({ where: { id: soon.id } })).reminderSentAt).not.toBeNull();
    expect((await db().appointment.findUniqueOrThrow({ where: { id: later.id } })).reminderSentAt).toBeNull();
    await sendAppointmentReminders();
    expect((await mailTo(patient.email)).filter((m) => m.subject.startsWith("Reminder"))).toHaveLength(1);
  });
});
