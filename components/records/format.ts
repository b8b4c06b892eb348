import { codeSystemLabel } from "@/lib/fhir/map";

/** Dates as recorded at the source, unambiguous: 2019-04-02 (UTC). */
export function formatDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "—";
}

export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatCode(system: string | null, code: string | null): string {
  if (!code) return "—";
  return `${codeSystemLabel(system)} ${code}`;
}

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
