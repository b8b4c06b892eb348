import { describe, expect, it } from "vitest";
import { freeSlots } from "./slots";
import { formatInZone, offsetAt, parseMinute, wallClockAt, zonedTimeToUtc } from "./time-zone";

const NY = "America/New_York";
const iso = (d: Date) => d.toISOString();

describe("zonedTimeToUtc", () => {
  it("uses standard time in winter and daylight time in summer", () => {
    expect(iso(zonedTimeToUtc("2026-01-15", 9 * 60, NY))).toBe("2026-01-15T14:00:00.000Z");
    expect(iso(zonedTimeToUtc("2026-07-15", 9 * 60, NY))).toBe("2026-07-15T13:00:00.000Z");
    expect(iso(zonedTimeToUtc("2026-07-15", 9 * 60, "Europe/Berlin"))).toBe("2026-07-15T07:00:00.000Z");
    expect(iso(zonedTimeToUtc("2026-07-15", 9 * 60, "UTC"))).toBe("2026-07-15T09:00:00.000Z");
  });

  it("moves a time in the skipped hour forward (spring forward, 8 March 2026 02:00 → 03:00)", () => {
    expect(iso(zonedTimeToUtc("2026-03-08", 2 * 60 + 30, NY))).toBe("2026-03-08T07:30:00.000Z");
    expect(wallClockAt(zonedTimeToUtc("2026-03-08", 2 * 60 + 30, NY), NY).minute).toBe(3 * 60 + 30);
  });

  it("takes the first of a repeated time (fall back, 1 November 2026 02:00 → 01:00)", () => {
    expect(iso(zonedTimeToUtc("2026-11-01", 60 + 30, NY))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("reaches the next midnight with minute 1440", () => {
    expect(iso(zonedTimeToUtc("2026-03-07", 1440, NY))).toBe("2026-03-08T05:00:00.000Z");
  });

  it("round-trips every 10 minutes of a year through wallClockAt", () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 10 * 60_000 * 37) {
      const wall = wallClockAt(new Date(t), NY);
      const back = zonedTimeToUtc(wall.date, wall.minute, NY).getTime();
      // A repeated hour maps back to its first occurrence, one hour earlier; everything else is exact.
      expect([t, t - 3_600_000]).toContain(back);
    }
    expect(offsetAt(Date.UTC(2026, 0, 1), NY)).toBe(-5 * 3_600_000);
  });
});

describe("freeSlots", () => {
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60, slotMinutes: 30 }));
  const base = { hours: weekdays, busy: [], timeZone: NY, notBefore: new Date(0) };

  it("gives 09:00 local on the days around both changes, at the right UTC instants", () => {
    const slots = freeSlots({ ...base, fromDate: "2026-03-07", toDate: "2026-03-09" });
    const firsts = ["2026-03-07", "2026-03-08", "2026-03-09"].map((d) => slots.find((s) => wallClockAt(s.startsAt, NY).date === d)!);
    expect(firsts.map((s) => iso(s.startsAt))).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
    const fall = freeSlots({ ...base, fromDate: "2026-10-31", toDate: "2026-11-02" });
    expect(fall.filter((_, i) => i % 6 === 0).map((s) => iso(s.startsAt))).toEqual(["2026-10-31T13:00:00.000Z", "2026-11-01T14:00:00.000Z", "2026-11-02T14:00:00.000Z"]);
    for (const s of [...slots, ...fall]) expect(formatInZone(s.startsAt, NY, { hour: "2-digit", minute: "2-digit" })).toMatch(/^(09|10|11):(00|30)$/);
    expect(slots).toHaveLength(18);
    expect(fall).toHaveLength(18);
  });

  it("cuts a night shift across the skipped hour one hour short, and across the repeated hour one hour long", () => {
    const night = [{ weekday: 7, startMinute: 0, endMinute: 4 * 60, slotMinutes: 60 }];
    const spring = freeSlots({ ...base, hours: night, fromDate: "2026-03-08", toDate: "2026-03-08" });
    expect(spring.map((s) => formatInZone(s.startsAt, NY, { hour: "2-digit", minute: "2-digit" }))).toEqual(["00:00", "01:00", "03:00"]);
    const fall = freeSlots({ ...base, hours: night, fromDate: "2026-11-01", toDate: "2026-11-01" });
    expect(fall.map((s) => formatInZone(s.startsAt, NY, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }))).toEqual([
      "00:00 EDT",
      "01:00 EDT",
      "01:00 EST",
      "02:00 EST",
      "03:00 EST",
    ]);
    for (const s of [...spring, ...fall]) expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(3_600_000);
  });

  it("leaves out busy periods, whatever their length, and the past", () => {
    const busy = [
      { startsAt: new Date("2026-01-15T14:30:00Z"), endsAt: new Date("2026-01-15T15:00:00Z") },
      { startsAt: new Date("2026-01-15T15:40:00Z"), endsAt: new Date("2026-01-15T15:50:00Z") },
    ];
    const slots = freeSlots({ ...base, busy, fromDate: "2026-01-15", toDate: "2026-01-15", notBefore: new Date("2026-01-15T14:10:00Z") });
    expect(slots.map((s) => formatInZone(s.startsAt, NY, { hour: "2-digit", minute: "2-digit" }))).toEqual(["10:00", "11:00", "11:30"]);
  });
});

describe("parseMinute", () => {
  it("reads HH:MM and refuses the rest", () => {
    expect(parseMinute("09:30")).toBe(570);
    expect(parseMinute("24:00")).toBe(1440);
    expect(parseMinute("24:30")).toBeNull();
    expect(parseMinute("9:30")).toBeNull();
  });
});
