import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeRecord, purposeOf, SCOPE_OF_KIND } from "./access";
import { toHistoryEntry, type HistoryEntry } from "./entries";
import { patientSealer } from "./keys";
import { revisionsOf, type Revision } from "./revisions";

/**
 * One entry of a patient's record with every earlier state it had. The entry is looked up by patient AND id, so an
 * id from another patient's record is simply not found; the scope check uses the entry's kind.
 */
export async function getClinicalEntry(actor: Actor | null, input: { patientId: string; entryId: string }): Promise<{ entry: HistoryEntry; revisions: Revision[] }> {
  const attempt = { action: "read", resourceType: "ClinicalEntry", resourceId: input.entryId };
  const kind = await db().clinicalEntry.findFirst({ where: { id: uuidOrNil(input.entryId), patientId: uuidOrNil(input.patientId) }, select: { kind: true } });
  // Authorize before saying whether the entry exists, so ids cannot be probed.
  const { access } = await authorizeRecord(actor, "records:read", input.patientId, kind ? SCOPE_OF_KIND[kind.kind] : "ALL", attempt);
  if (!kind) throw new AppError("NOT_FOUND", "This entry is not in the record.");
  return db().$transaction(async (tx) => {
    const row = await tx.clinicalEntry.findFirstOrThrow({ where: { id: input.entryId, patientId: input.patientId } });
    const revisions = await revisionsOf(tx, input.patientId, "ClinicalEntry", row.id);
    await recordAudit(tx, { actor, patientId: input.patientId, ...attempt, purpose: purposeOf([access], "view entry and its history") });
    return { entry: toHistoryEntry(row, await patientSealer(tx, input.patientId)), revisions };
  });
}

const NIL = "00000000-0000-0000-0000-000000000000";
/** Ids come from URLs: a malformed one finds nothing instead of failing the uuid cast. */
export function uuidOrNil(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : NIL;
}
