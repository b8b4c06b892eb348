import { addDays, isoWeekday, zonedTimeToUtc } from "./time-zone";

export interface WorkingInterval {
  weekday: number;
  startMinute: number;
  endMinute: number;
  slotMinutes: number;
}

export interface Busy {
  startsAt: Date;
  endsAt: Date;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Free slots: each working interval of each local date from `fromDate` to `toDate` (inclusive), cut into slots in
 * real time from the interval's first to its last instant, less anything overlapping a busy period (bookings,
 * leave, blocks) and anything starting before `notBefore`.
 * Stepping in real time keeps every slot exactly slotMinutes long on daylight-saving days too: a shift across the
 * skipped hour is one hour shorter, one across the repeated hour one hour longer, as the doctor really works it.
 */
export function freeSlots(opts: {
  hours: WorkingInterval[];
  busy: Busy[];
  fromDate: string;
  toDate: string;
  timeZone: string;
  notBefore: Date;
}): Slot[] {
  const slots: Slot[] = [];
  const busy = [...opts.busy].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let date = opts.fromDate; date <= opts.toDate; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    const intervals = opts.hours.filter((h) => h.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    for (const interval of intervals) {
      const start = zonedTimeToUtc(date, interval.startMinute, opts.timeZone).getTime();
      const end = zonedTimeToUtc(date, interval.endMinute, opts.timeZone).getTime();
      const step = interval.slotMinutes * 60_000;
      for (let t = start; t + step <= end; t += step) {
        const slot = { startsAt: new Date(t), endsAt: new Date(t + step) };
        if (slot.startsAt < opts.notBefore) continue;
        if (busy.some((b) => b.startsAt < slot.endsAt && slot.startsAt < b.endsAt)) continue;
        slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
