/** Prices are whole cents in the database; the counter shows dollars. */
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}

/** A calendar date (lots expire on a day, not at an instant), shown the same everywhere: 2027-03-31. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const FORM_LABELS = {
  TABLET: "Tablet",
  CAPSULE: "Capsule",
  SOLUTION: "Solution",
  SUSPENSION: "Suspension",
  INJECTION: "Injection",
  INHALER: "Inhaler",
  CREAM: "Cream",
  PATCH: "Patch",
  SPRAY: "Spray",
  DEVICE: "Device",
  OTHER: "Other",
} as const;

export const PAYMENT_LABELS = { CASH: "Cash", CARD: "Card", MOBILE: "Mobile wallet" } as const;

export const MOVEMENT_LABELS = {
  RECEIVE: "Received",
  DISPENSE: "Dispensed",
  SELL: "Sold",
  RETURN: "Returned",
  ADJUST: "Adjusted",
  EXPIRE: "Expired",
} as const;
