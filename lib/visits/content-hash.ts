import { createHash } from "node:crypto";

/** A stable JSON text: object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value ?? null);
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** What a visit's signature covers, in clear: notes, vitals, coded diagnoses and orders. */
export interface VisitContent {
  visitId: string;
  patientId: string;
  doctorId: string;
  notes: unknown;
  vitals: Record<string, number | null>;
  diagnoses: { system: string; code: string; primary: boolean }[];
  orders: { name: string; instructions: string | null }[];
}

export function visitDigest(content: VisitContent): string {
  return sha256Hex(canonicalJson(content));
}
