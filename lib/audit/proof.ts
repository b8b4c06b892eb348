import "server-only";
import type { Hex } from "viem";
import { auditAnchorAbi } from "@/lib/chain/abi";
import { auditLeaf, merkleProof, merkleRoot, verifyMerkleProof } from "@/lib/chain/audit-merkle";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize, can } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import type { AuditBatch } from "@/lib/generated/prisma/client";
import { auditAnchorOf, operatorChain, type OperatorChain } from "./anchor-chain";
import { eventHashOf } from "./anchor";
import { auditHash, type ChainRow } from "./hash";

/**
 * Proofs that an audit event is part of a batch anchored on chain. The event's leaf is computed from its content
 * (not from its stored hash), so an event edited after anchoring no longer verifies.
 */

export type ChainMark = "verified" | "mismatch" | "not-anchored";

export interface AuditProof {
  eventId: string;
  seq: string;
  anchored: boolean;
  /** The event's content still hashes to the hash recorded in the chain of rows. */
  contentMatches: boolean;
  eventHash: Hex;
  leaf: Hex;
  /** False when no chain is configured or reachable: nothing could be checked against it. */
  chainAvailable: boolean;
  chainId?: number;
  contract?: string;
  batch?: string;
  root?: Hex;
  proof?: Hex[];
  txHash?: string;
  /** AuditAnchor.verify(batch, leaf, proof), called on chain. */
  verifiedOnChain: boolean;
}

const contentHashOf = (row: ChainRow): Hex => eventHashOf(auditHash(row));

async function batchRows(batch: Pick<AuditBatch, "firstSeq" | "lastSeq">): Promise<ChainRow[]> {
  return db().auditEvent.findMany({ where: { seq: { gte: batch.firstSeq, lte: batch.lastSeq } }, orderBy: { seq: "asc" } });
}

/** The proof of one event, for the patient the event is about or an admin. */
export async function getAuditProof(actor: Actor | null, eventId: string, given?: OperatorChain): Promise<AuditProof> {
  authorize(actor, "audit:proof");
  const event = await db().auditEvent.findUnique({ where: { id: eventId } });
  const mayRead = event && (can(actor, "audit:read-all") || (actor.role === "PATIENT" && event.patientId === actor.userId));
  if (!event || !mayRead) throw new AppError("NOT_FOUND", "There is no such audit event.");
  const eventHash = contentHashOf(event);
  const local = {
    eventId: event.id,
    seq: String(event.seq),
    contentMatches: eventHash === eventHashOf(event.hash),
    eventHash,
    leaf: auditLeaf(event.seq, eventHash),
  };
  let chain: OperatorChain;
  try {
    chain = given ?? operatorChain();
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAVAILABLE") return { ...local, chainAvailable: false, anchored: false, verifiedOnChain: false };
    throw error;
  }
  const base = { ...local, chainAvailable: true, chainId: chain.deployments.chainId, contract: auditAnchorOf(chain) };
  const batch = await db().auditBatch.findFirst({
    where: { chainId: base.chainId, contract: base.contract, firstSeq: { lte: event.seq }, lastSeq: { gte: event.seq } },
  });
  if (!batch) return { ...base, anchored: false, verifiedOnChain: false };
  // Siblings come from the stored hashes: the anchored tree was built from them.
  const rows = await batchRows(batch);
  const leaves = rows.map((r) => auditLeaf(r.seq, eventHashOf(r.hash)));
  const proof = merkleProof(leaves, rows.findIndex((r) => r.seq === event.seq));
  const verifiedOnChain = await chain.publicClient
    .readContract({ address: base.contract as Hex, abi: auditAnchorAbi, functionName: "verify", args: [batch.batch, base.leaf, proof] })
    .catch(() => {
      throw new AppError("UNAVAILABLE", "The blockchain cannot be reached to verify this proof. Try again shortly.");
    });
  return { ...base, anchored: true, batch: String(batch.batch), root: batch.root as Hex, proof, txHash: batch.txHash, verifiedOnChain };
}

/**
 * The chain mark of each event: one read of the on-chain root per batch. When the batch's events, hashed from
 * their content, rebuild that root, all of them are verified; otherwise each is checked by its own proof.
 */
export async function chainMarksOf(events: readonly ChainRow[], chain: OperatorChain = operatorChain()): Promise<Map<bigint, ChainMark>> {
  const marks = new Map<bigint, ChainMark>(events.map((e) => [e.seq, "not-anchored"]));
  if (events.length === 0) return marks;
  const contract = auditAnchorOf(chain);
  const seqs = events.map((e) => e.seq);
  const batches = await db().auditBatch.findMany({
    where: {
      chainId: chain.deployments.chainId,
      contract,
      lastSeq: { gte: seqs.reduce((a, b) => (a < b ? a : b)) },
      firstSeq: { lte: seqs.reduce((a, b) => (a > b ? a : b)) },
    },
  });
  for (const batch of batches) {
    const inBatch = events.filter((e) => e.seq >= batch.firstSeq && e.seq <= batch.lastSeq);
    if (inBatch.length === 0) continue;
    const onChainRoot = await chain.publicClient.readContract({ address: contract, abi: auditAnchorAbi, functionName: "batchRoot", args: [batch.batch] });
    const rows = await batchRows(batch);
    if (merkleRoot(rows.map((r) => auditLeaf(r.seq, contentHashOf(r)))) === onChainRoot) {
      for (const e of inBatch) marks.set(e.seq, "verified");
      continue;
    }
    const stored = rows.map((r) => auditLeaf(r.seq, eventHashOf(r.hash)));
    for (const e of inBatch) {
      const index = rows.findIndex((r) => r.seq === e.seq);
      const ok = verifyMerkleProof(auditLeaf(e.seq, contentHashOf(e)), merkleProof(stored, index), onChainRoot);
      marks.set(e.seq, ok ? "verified" : "mismatch");
    }
  }
  return marks;
}
