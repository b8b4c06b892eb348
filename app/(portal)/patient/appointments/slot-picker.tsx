import type { Slot } from "@/lib/scheduling/slots";
import { formatInZone, wallClockAt } from "@/lib/scheduling/time-zone";

/** Free slots as radio buttons, one group per clinic day. Times are shown in the clinic's time zone. */
export function SlotPicker({ slots, timeZone, error }: { slots: Slot[]; timeZone: string; error?: string }) {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const date = wallClockAt(slot.startsAt, timeZone).date;
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return (
    <fieldset className="space-y-4" aria-describedby={error ? "slot-error" : undefined}>
      <legend className="text-sm font-medium text-ink">
        Choose a time <span className="font-normal text-muted">({timeZone.replace(/_/g, " ")} time)</span>
      </legend>
      {error && (
        <p id="slot-error" role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {[...days].map(([date, daySlots]) => (
        <fieldset key={date}>
          <legend className="mb-2 text-sm font-semibold text-ink">{formatInZone(daySlots[0]!.startsAt, timeZone, { weekday: "long", day: "numeric", month: "long" })}</legend>
          <div className="flex flex-wrap gap-2">
            {daySlots.map((slot) => {
              const time = formatInZone(slot.startsAt, timeZone, { hour: "2-digit", minute: "2-digit" });
              return (
                <label key={slot.startsAt.toISOString()} className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-line-strong px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold">
                  <input type="radio" name="startsAt" value={slot.startsAt.toISOString()} required className="accent-brand-600" />
                  <span>{time}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
