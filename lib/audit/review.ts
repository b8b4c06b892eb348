import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { describeEvents, type AccessLogEntry } from "./access-log";
import { recordAuditNow, verifyAuditChain } from "./record";

export interface AuditReview {
  tamperCheck: Awaited<ReturnType<typeof verifyAuditChain>>;
  batches: { batch: bigint; firstSeq: bigint; lastSeq: bigint; eventCount: number; root: string; txHash: string; gasUsed: bigint | null; anchoredAt: Date; chainId: number }[];
  events: AccessLogEntry[];
  anchoredUpTo: bigint;
  total: number;
}

/**
 * The admin's review of the audit trail: the tamper check over the whole chain of rows (naming the first broken row),
 * the latest anchored batches and the latest events with their marks on chain. The review itself is recorded.
 */
export async function reviewAuditTrail(actor: Actor | null): Promise<AuditReview> {
  authorize(actor, "audit:read-all");
  await recordAuditNow({ actor, action: "read", resourceType: "AuditTrail", purpose: "audit review" });
  const [tamperCheck, batches, events, total] = await Promise.all([
    verifyAuditChain(),
    db().auditBatch.findMany({ orderBy: { anchoredAt: "desc" }, take: 10 }),
    db().auditEvent.findMany({ orderBy: { seq: "desc" }, take: 50 }),
    db().auditEvent.count(),
  ]);
  return {
    tamperCheck,
    batches,
    events: await describeEvents(events),
    anchoredUpTo: batches.reduce((max, b) => (b.lastSeq > max ? b.lastSeq : max), 0n),
    total,
  };
}
