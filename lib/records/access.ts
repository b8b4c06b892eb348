import "server-only";
import { recordAuditNow } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize, authorizeClinicalAccess, type ClinicalAccess, type Permission } from "@/lib/authz/policy";
import type { Scope } from "@/lib/consent/scopes";
import { isAppError } from "@/lib/errors";
import type { ClinicalKind, DocumentKind } from "@/lib/generated/prisma/enums";

/** The consent scope (lib/consent/scopes.ts) each part of the record is shared under. */
export const SCOPE_OF_KIND: Record<ClinicalKind, Scope> = {
  CONDITION: "conditions",
  FAMILY_HISTORY: "conditions",
  ALLERGY: "allergies",
  MEDICATION: "medications",
  IMMUNIZATION: "immunizations",
  OBSERVATION: "lab-results",
  DIAGNOSTIC_REPORT: "lab-results",
  ENCOUNTER: "visits",
  PROCEDURE: "visits",
};

export const SCOPE_OF_DOCUMENT: Record<DocumentKind, Scope> = {
  LAB_RESULT: "lab-results",
  IMAGE: "imaging",
  EXAM_REPORT: "visits",
  OTHER: "visits",
};

interface Attempt {
  action: string;
  resourceType: string;
  resourceId?: string;
}

// A refused id may be anything a URL carried; only a well-formed one goes into the audit row's uuid column.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function auditRefusal(actor: Actor | null, patientId: string, attempt: Attempt, error: unknown): Promise<void> {
  if (actor && isAppError(error) && error.code === "FORBIDDEN") {
    await recordAuditNow({ actor, patientId: UUID.test(patientId) ? patientId : undefined, ...attempt, purpose: `refused: ${error.message}`, outcome: "DENIED" });
  }
}

/**
 * The gate in front of every read or write of one part of a patient's record: the role's permission, then the
 * record-level rule (the patient themself, or a clinician with a live consent for the scope). A refusal is audited
 * as DENIED before it is thrown, so a patient changing ids in a URL leaves a trace.
 */
export async function authorizeRecord(actor: Actor | null, permission: Permission, patientId: string, scope: Scope, attempt: Attempt): Promise<{ actor: Actor; access: ClinicalAccess }> {
  try {
    authorize(actor, permission);
    return { actor, access: await authorizeClinicalAccess(actor, patientId, scope) };
  } catch (error) {
    await auditRefusal(actor, patientId, attempt, error);
    throw error;
  }
}

/**
 * For a chart made of several parts: the scopes this actor may read. A clinician with consent for some parts sees
 * those; with none at all the read is refused (and audited) like any other.
 */
export async function authorizeRecordParts(actor: Actor | null, permission: Permission, patientId: string, scopes: readonly Scope[], attempt: Attempt): Promise<{ actor: Actor; allowed: Set<Scope>; bases: ClinicalAccess[] }> {
  let lastError: unknown;
  const allowed = new Set<Scope>();
  const bases: ClinicalAccess[] = [];
  try {
    authorize(actor, permission);
    for (const scope of new Set(scopes)) {
      try {
        bases.push(await authorizeClinicalAccess(actor, patientId, scope));
        allowed.add(scope);
      } catch (error) {
        if (!isAppError(error) || error.code !== "FORBIDDEN") throw error;
        lastError = error;
      }
    }
    if (allowed.size === 0) throw lastError;
    return { actor, allowed, bases };
  } catch (error) {
    await auditRefusal(actor, patientId, attempt, error);
    throw error;
  }
}

/** What the audit row says about why an access was allowed. */
export function purposeOf(bases: ClinicalAccess[], what: string): string {
  const consents = bases.flatMap((b) => ("consentId" in b ? [b.consentId] : "accessId" in b ? [b.accessId] : []));
  if (bases.every((b) => b.basis === "self")) return what;
  return `${what} (${[...new Set(bases.map((b) => b.basis))].join(", ")}${consents.length ? ` ${[...new Set(consents)].join(" ")}` : ""})`;
}
