import "server-only";
import { BaseError, ContractFunctionRevertedError, parseEventLogs, type Hex } from "viem";
import { auditAnchorAbi } from "@/lib/chain/abi";
import { auditLeaf, merkleRoot } from "@/lib/chain/audit-merkle";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { auditAnchorOf, requireOperator, type OperatorChain } from "./anchor-chain";

/**
 * Anchors the audit trail on chain: new AuditEvent rows, in seq order, are batched into a Merkle tree
 * (leaf = (seq, eventHash), lib/chain/audit-merkle.ts) whose root the operator writes to AuditAnchor.
 *
 * Idempotent without a lock of its own: AuditAnchor accepts only the range that starts right after its
 * lastSequence, so the chain is the source of truth. Each run first records any batch the chain has and the
 * database lacks (a crash between the transaction and the insert), then anchors from lastSequence + 1.
 */

export const MAX_BATCH_SIZE = 1_000;

export interface AnchoredBatch {
  batch: bigint;
  firstSeq: bigint;
  lastSeq: bigint;
  eventCount: number;
  root: Hex;
  txHash: Hex;
  gasUsed: bigint;
}

export const eventHashOf = (storedHash: string): Hex => `0x${storedHash}`;

const scope = (chain: OperatorChain) => ({ chainId: chain.deployments.chainId, contract: auditAnchorOf(chain) });

/** Copies Anchored events the database has not recorded yet (after a crash, or from another anchorer). */
export async function reconcileAuditBatches(chain: OperatorChain): Promise<number> {
  const where = scope(chain);
  const anchor = where.contract;
  const onChain = await chain.publicClient.readContract({ address: anchor, abi: auditAnchorAbi, functionName: "batchCount" });
  const last = await db().auditBatch.findFirst({ where, orderBy: { batch: "desc" } });
  if (BigInt(onChain) <= (last?.batch ?? 0n)) return 0;
  const logs = await chain.publicClient.getContractEvents({
    address: anchor,
    abi: auditAnchorAbi,
    eventName: "Anchored",
    fromBlock: last ? last.blockNumber : BigInt(chain.deployments.startBlock),
    toBlock: "latest",
  });
  const missing = logs.filter((l) => l.args.batch! > (last?.batch ?? 0n));
  if (missing.length === 0) return 0;
  const { count } = await db().auditBatch.createMany({
    data: missing.map((l) => ({
      ...where,
      batch: l.args.batch!,
      firstSeq: l.args.firstSeq!,
      lastSeq: l.args.lastSeq!,
      eventCount: Number(l.args.eventCount!),
      root: l.args.root!,
      txHash: l.transactionHash,
      blockNumber: l.blockNumber,
    })),
    skipDuplicates: true,
  });
  if (count) log.warn("audit anchoring: recorded batches found on chain only", { batches: count });
  return count;
}

/**
 * Anchors up to `maxBatchSize` events after the chain's lastSequence; null when there is nothing new.
 * When another anchorer got there first (NonContiguous), records its batch and returns null.
 */
export async function anchorNewAuditEvents(chain: OperatorChain, opts: { maxBatchSize?: number } = {}): Promise<AnchoredBatch | null> {
  const operator = requireOperator(chain);
  const where = scope(chain);
  await reconcileAuditBatches(chain);
  const lastSequence = await chain.publicClient.readContract({ address: where.contract, abi: auditAnchorAbi, functionName: "lastSequence" });
  const rows = await db().auditEvent.findMany({
    where: { seq: { gt: lastSequence } },
    orderBy: { seq: "asc" },
    take: opts.maxBatchSize ?? MAX_BATCH_SIZE,
    select: { seq: true, hash: true },
  });
  if (rows.length === 0) return null;
  const firstSeq = lastSequence + 1n;
  const lastSeq = rows[rows.length - 1]!.seq;
  // recordAudit numbers events without holes; a hole would mean a removed row, which the tamper check names.
  if (rows[0]!.seq !== firstSeq || BigInt(rows.length) !== lastSeq - firstSeq + 1n) {
    log.error("audit anchoring: the sequence has a hole", { firstSeq: String(firstSeq), lastSeq: String(lastSeq), rows: rows.length });
  }
  const root = merkleRoot(rows.map((r) => auditLeaf(r.seq, eventHashOf(r.hash))));
  const args = [root, lastSeq - firstSeq + 1n, firstSeq, lastSeq] as const;
  try {
    await chain.publicClient.simulateContract({ account: operator.account, address: where.contract, abi: auditAnchorAbi, functionName: "anchor", args });
  } catch (error) {
    if (revertName(error) === "NonContiguous") {
      await reconcileAuditBatches(chain);
      return null;
    }
    throw error;
  }
  const txHash = await operator.writeContract({ address: where.contract, abi: auditAnchorAbi, functionName: "anchor", args });
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: txHash });
  if (receipt.status !== "success") throw new Error(`audit anchor transaction reverted (tx ${txHash})`);
  const [anchored] = parseEventLogs({ abi: auditAnchorAbi, eventName: "Anchored", logs: receipt.logs });
  if (!anchored) throw new Error(`audit anchor transaction has no Anchored event (tx ${txHash})`);
  const batch: AnchoredBatch = {
    batch: anchored.args.batch,
    firstSeq,
    lastSeq,
    eventCount: Number(lastSeq - firstSeq + 1n),
    root,
    txHash,
    gasUsed: receipt.gasUsed,
  };
  await db().auditBatch.createMany({
    data: [{ ...where, batch: batch.batch, firstSeq, lastSeq, eventCount: batch.eventCount, root, txHash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed }],
    skipDuplicates: true,
  });
  return batch;
}

function revertName(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
  return revert instanceof ContractFunctionRevertedError ? revert.data?.errorName : undefined;
}

/** The batch of the current AuditAnchor that holds seq, if it has been anchored. */
export async function batchOfSeq(chain: OperatorChain, seq: bigint) {
  return db().auditBatch.findFirst({ where: { ...scope(chain), firstSeq: { lte: seq }, lastSeq: { gte: seq } } });
}

