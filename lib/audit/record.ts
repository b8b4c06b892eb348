import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { auditHash, findFirstBrokenRow, GENESIS_HASH } from "./hash";

// One writer at a time extends the chain; the lock is held until the surrounding transaction ends.
const AUDIT_CHAIN_LOCK = 4_242_001;

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  resourceType: string;
  resourceId?: string;
  patientId?: string;
  purpose: string;
  outcome?: "SUCCESS" | "DENIED" | "FAILURE";
}

/** Appends one event to the hash chain inside the caller's transaction, so the record and the change commit together. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const row = {
    id: randomUUID(),
    at: new Date(),
    actorId: entry.actor?.userId ?? null,
    actorRole: entry.actor?.role ?? "ANONYMOUS",
    patientId: entry.patientId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    purpose: entry.purpose,
    outcome: entry.outcome ?? "SUCCESS",
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  // seq is the predecessor's + 1 (not a database sequence, which a rolled-back transaction would leave a hole in):
  // the anchoring on chain needs contiguous ranges, and the lock makes this writer the only one.
  await tx.auditEvent.create({ data: { ...row, seq: (last?.seq ?? 0n) + 1n, hash: auditHash(row) } });
}

/** For events with no surrounding change, such as a refused access. */
export async function recordAuditNow(entry: AuditEntry): Promise<void> {
  await db().$transaction((tx) => recordAudit(tx, entry));
}

/** Recomputes the whole chain; names the first row that was edited, removed or reordered. */
export async function verifyAuditChain(): Promise<{ ok: true; rows: number } | { ok: false; seq: bigint; problem: string }> {
  const pageSize = 5_000;
  let prev = GENESIS_HASH;
  let after = 0n;
  let count = 0;
  for (;;) {
    const rows = await db().auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: pageSize });
    if (rows.length === 0) return { ok: true, rows: count };
    const broken = findFirstBrokenRow(rows, prev);
    if (broken) return { ok: false, ...broken };
    const lastRow = rows[rows.length - 1]!;
    prev = lastRow.hash;
    after = lastRow.seq;
    count += rows.length;
  }
}
