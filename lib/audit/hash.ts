import { createHash } from "node:crypto";

/** The hash of the first row's predecessor. */
export const GENESIS_HASH = "0".repeat(64);

export interface HashedAuditFields {
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string;
  patientId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string;
  outcome: string;
  prevHash: string;
}

/** SHA-256 over the row's fields in a fixed order and its predecessor's hash: editing any row breaks every later link. */
export function auditHash(e: HashedAuditFields): string {
  const canonical = JSON.stringify([
    e.id,
    e.at.toISOString(),
    e.actorId,
    e.actorRole,
    e.patientId,
    e.action,
    e.resourceType,
    e.resourceId,
    e.purpose,
    e.outcome,
    e.prevHash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export interface ChainRow extends HashedAuditFields {
  seq: bigint;
  hash: string;
}

/** The first row whose link or content does not hold, or null when the chain is intact. */
export function findFirstBrokenRow(rows: Iterable<ChainRow>, startPrevHash = GENESIS_HASH): { seq: bigint; problem: string } | null {
  let prev = startPrevHash;
  for (const row of rows) {
    if (row.prevHash !== prev) return { seq: row.seq, problem: "its link to the previous row does not match" };
    if (auditHash(row) !== row.hash) return { seq: row.seq, problem: "its content does not match its hash" };
    prev = row.hash;
  }
  return null;
}
