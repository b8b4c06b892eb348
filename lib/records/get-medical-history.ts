import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import type { Scope } from "@/lib/consent/scopes";
import { db } from "@/lib/db";
import type { ClinicalKind } from "@/lib/generated/prisma/enums";
import { authorizeRecordParts, purposeOf, SCOPE_OF_KIND } from "./access";
import { toHistoryEntry, type HistoryEntry } from "./entries";
import { patientSealer } from "./keys";

/** The order sections appear in, and how many of the newest entries each shows. */
export const SECTION_ORDER: { kind: ClinicalKind; limit: number }[] = [
  { kind: "ALLERGY", limit: 200 },
  { kind: "CONDITION", limit: 200 },
  { kind: "MEDICATION", limit: 200 },
  { kind: "IMMUNIZATION", limit: 200 },
  { kind: "FAMILY_HISTORY", limit: 200 },
  { kind: "PROCEDURE", limit: 100 },
  { kind: "OBSERVATION", limit: 100 },
  { kind: "DIAGNOSTIC_REPORT", limit: 50 },
  { kind: "ENCOUNTER", limit: 50 },
];

export interface HistorySection {
  kind: ClinicalKind;
  scope: Scope;
  /** False when the reader holds no consent for this part: it is neither read nor counted. */
  allowed: boolean;
  total: number;
  entries: HistoryEntry[];
}

/**
 * A patient's medical history, section by section, for the patient or a clinician with consent. A clinician sees
 * only the parts their consent covers; the read is audited with the basis (self or consent) in one event.
 */
export async function getMedicalHistory(actor: Actor | null, patientId: string, opts: { kinds?: ClinicalKind[] } = {}): Promise<HistorySection[]> {
  const wanted = SECTION_ORDER.filter((s) => !opts.kinds || opts.kinds.includes(s.kind));
  const { allowed, bases } = await authorizeRecordParts(actor, "records:read", patientId, wanted.map((s) => SCOPE_OF_KIND[s.kind]), {
    action: "read",
    resourceType: "MedicalHistory",
  });
  const readable = wanted.filter((s) => allowed.has(SCOPE_OF_KIND[s.kind]));
  return db().$transaction(async (tx) => {
    const sealer = await patientSealer(tx, patientId);
    const totals = await tx.clinicalEntry.groupBy({
      by: ["kind"],
      where: { patientId, deletedAt: null, kind: { in: readable.map((s) => s.kind) } },
      _count: { _all: true },
    });
    const sections = await Promise.all(
      wanted.map(async ({ kind, limit }): Promise<HistorySection> => {
        const scope = SCOPE_OF_KIND[kind];
        if (!allowed.has(scope)) return { kind, scope, allowed: false, total: 0, entries: [] };
        const rows = await tx.clinicalEntry.findMany({
          where: { patientId, kind, deletedAt: null },
          orderBy: [{ occurredAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
          take: limit,
        });
        return { kind, scope, allowed: true, total: totals.find((t) => t.kind === kind)?._count._all ?? 0, entries: rows.map((r) => toHistoryEntry(r, sealer)) };
      }),
    );
    await recordAudit(tx, {
      actor,
      patientId,
      action: "read",
      resourceType: "MedicalHistory",
      resourceId: patientId,
      purpose: purposeOf(bases, `view history: ${[...allowed].sort().join(", ")}`),
    });
    return sections;
  });
}
