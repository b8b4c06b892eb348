import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { log, errorFields } from "@/lib/log";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { operatorChain, type OperatorChain } from "./anchor-chain";
import { chainMarksOf, type ChainMark } from "./proof";

/** An event as people read it: who (name and role), what, when, why, the outcome, and its mark on chain. */
export interface AccessLogEntry {
  id: string;
  seq: bigint;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  purpose: string;
  outcome: string;
  /** "unavailable" when the chain could not be asked. */
  chain: ChainMark | "unavailable";
}

const PAGE = 100;

/** Names the actors and asks the chain about the events; the list still shows when the chain is down. */
export async function describeEvents(events: AuditEvent[], chain?: OperatorChain): Promise<AccessLogEntry[]> {
  const ids = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  let marks: Map<bigint, ChainMark> | undefined;
  try {
    marks = await chainMarksOf(events, chain ?? operatorChain());
  } catch (error) {
    log.warn("audit: chain marks unavailable", errorFields(error));
  }
  return events.map((e) => ({
    id: e.id,
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    actorRole: e.actorRole,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    patientId: e.patientId,
    purpose: e.purpose,
    outcome: e.outcome,
    chain: marks?.get(e.seq) ?? "unavailable",
  }));
}

/**
 * Who accessed the patient's record: every audit event about them, newest first. Reading one's own access log is
 * not itself recorded (it would add a row to the very list on every visit); the events listed are.
 */
export async function listMyAccessLog(actor: Actor | null, opts: { chain?: OperatorChain } = {}): Promise<AccessLogEntry[]> {
  authorize(actor, "audit:read-own");
  const events = await db().auditEvent.findMany({ where: { patientId: actor.userId }, orderBy: { seq: "desc" }, take: PAGE });
  return describeEvents(events, opts.chain);
}
