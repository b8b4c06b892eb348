/**
 * Wall-clock time in the clinic's time zone, computed with Intl only (no time-zone library): working hours are
 * local times, slots are UTC instants, and daylight-saving changes fall out of the zone's own offsets.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes after local midnight. */
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

function wallParts(instant: number, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** The zone's offset from UTC at an instant, in ms (New York in winter: -5 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** What a clock in the zone shows at an instant. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const p = wallParts(instant.getTime(), timeZone);
  const date = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  return { date, minute: p.hour * 60 + p.minute, weekday: isoWeekday(date) };
}

export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/**
 * The instant at which a clock in the zone shows `minute` minutes after midnight of `date` (minute may be 1440 for
 * the next midnight). Like Temporal's "compatible" choice: a time that happens twice (the hour repeated when
 * clocks go back) is its first occurrence; a time that never happens (the hour skipped when clocks go forward) is
 * moved forward by the length of the gap.
 */
export function zonedTimeToUtc(date: string, minute: number, timeZone: string): Date {
  const wall = new Date(`${date}T00:00:00Z`).getTime() + minute * MINUTE;
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - before);
}

/** "09:30" from minutes after midnight. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "09:30" → 570; null when malformed. */
export function parseMinute(hhmm: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm.trim());
  if (!m) return null;
  const minute = Number(m[1]) * 60 + Number(m[2]);
  return minute <= 1440 ? minute : null;
}

/** A human date and time in the zone, e.g. "Mon 9 Mar 2026, 09:00". */
export function formatInZone(instant: Date, timeZone: string, opts: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", ...opts }).format(instant);
}
