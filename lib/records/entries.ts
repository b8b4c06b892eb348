import "server-only";
import type { ClinicalEntry } from "@/lib/generated/prisma/client";
import type { PatientSealer } from "./sealing";

/** A clinical entry as pages show it: free text opened, internal columns left out. */
export interface HistoryEntry {
  id: string;
  kind: ClinicalEntry["kind"];
  codeSystem: string | null;
  code: string | null;
  display: string;
  status: string | null;
  category: string | null;
  occurredAt: Date | null;
  endedAt: Date | null;
  valueNumber: number | null;
  valueUnit: string | null;
  valueText: string | null;
  details: Record<string, unknown> | null;
  note: string | null;
  source: ClinicalEntry["source"];
  version: number;
  updatedAt: Date;
}

export function toHistoryEntry(row: ClinicalEntry, sealer: PatientSealer): HistoryEntry {
  return {
    id: row.id,
    kind: row.kind,
    codeSystem: row.codeSystem,
    code: row.code,
    display: row.display,
    status: row.status,
    category: row.category,
    occurredAt: row.occurredAt,
    endedAt: row.endedAt,
    valueNumber: row.valueNumber,
    valueUnit: row.valueUnit,
    valueText: row.valueText,
    details: (row.details as Record<string, unknown> | null) ?? null,
    note: row.noteCipher ? sealer.open(row.noteCipher, "ClinicalEntry.note") : null,
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** The fields a revision keeps of an entry (its note opened; the revision seals the whole snapshot again). */
export function snapshotOf(row: ClinicalEntry, sealer: PatientSealer): Record<string, unknown> {
  const e = toHistoryEntry(row, sealer);
  return {
    codeSystem: e.codeSystem,
    code: e.code,
    display: e.display,
    status: e.status,
    occurredAt: e.occurredAt?.toISOString() ?? null,
    endedAt: e.endedAt?.toISOString() ?? null,
    note: e.note,
    details: e.details,
    updatedBy: row.updatedById,
    updatedAt: row.updatedAt.toISOString(),
  };
}
