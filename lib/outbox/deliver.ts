import "server-only";
import { BaseError, isAddressEqual, type Address, type Hex, type PublicClient } from "viem";
import { formatUserOperationRequest, getUserOperationHash, type BundlerClient } from "viem/account-abstraction";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { SponsorshipRefusedError } from "@/lib/chain/paymaster";
import type { Paymaster } from "@/lib/chain/send";
import { toPatientSafe } from "@/lib/chain/smart-account";
import type { Db, Tx } from "@/lib/db";
import type { OnchainOp } from "@/lib/generated/prisma/client";
import { log as rootLog, errorFields, type Logger } from "@/lib/log";
import { budgetStatus, nextUtcMidnight, recordSponsoredOperation } from "@/lib/sponsorship/budget";
import { BUDGET_USED_UP } from "@/lib/sponsorship/policy";
import { SPONSORSHIP_VALID_SECONDS } from "@/lib/sponsorship/paymaster";
import { walletOwnerKey } from "@/lib/wallets/ensure-wallet";
import { backoffMs } from "./backoff";
import type { StoredCall } from "./enqueue";
import { describeRevert, findExecution, type Execution } from "./execution";
import { nonceOf } from "./nonce";
import { OUTCOME_HANDLERS } from "./outcome-handlers";

/**
 * The outbox's delivery: claim due operations under a lease, send each as a sponsored user operation from its user's
 * Safe, wait for the receipt and record the outcome. Exactly once:
 * - each op has its own nonce key with sequence 0, so the EntryPoint executes it at most once however often it is
 *   sent (a resend after a crash or a bundler restart is harmless);
 * - every attempt first asks the chain whether that nonce was used, and if so records the execution it finds in
 *   the EntryPoint's events instead of sending again (the worker may have died after sending, before recording);
 * - the op's hash is stored before it is sent, and the outcome, the user's gas spending and any domain mirror are
 *   written in one transaction, only by the holder of the lease.
 * A user's ops go one at a time in enqueue order (the first deploys the Safe; a revoke never overtakes its grant).
 * When the bundler or chain is unreachable, ops stay QUEUED/SENT and are retried with backoff.
 */

export interface DeliveryDeps {
  db: Db;
  publicClient: PublicClient;
  bundlerClient: BundlerClient;
  deployments: Pick<ChainDeployment, "entryPoint" | "chainId">;
  paymaster: Paymaster;
  /** Names this worker in leases. */
  workerId: string;
  leaseMs?: number;
  receiptTimeoutMs?: number;
  backoff?: (attempt: number) => number;
  /** For tests: runs once the bundler accepted an operation, before anything more is recorded. */
  afterSend?: (op: { id: string; userOpHash: Hex }) => Promise<void>;
  log?: Logger;
}

export type DeliveryResult = "confirmed" | "failed" | "retrying" | "deferred" | "lease-lost";

class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

const SIGNATURE_VALID_MS = SPONSORSHIP_VALID_SECONDS * 1_000;

/** Claims up to `limit` due ops (at most one per user: their oldest unfinished) and delivers them in parallel. */
export async function deliverDueOps(deps: DeliveryDeps, limit = 10): Promise<Record<DeliveryResult, number>> {
  const leaseMs = deps.leaseMs ?? 60_000;
  const claimed = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE "OnchainOp" SET "leaseOwner" = ${deps.workerId},
      "leaseUntil" = timezone('UTC', now()) + ${leaseMs}::int * interval '1 millisecond', "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT c."id" FROM "OnchainOp" c
      WHERE c."status" IN ('QUEUED', 'SENT') AND c."nextAttemptAt" <= timezone('UTC', now())
        AND (c."leaseUntil" IS NULL OR c."leaseUntil" < timezone('UTC', now()))
        AND NOT EXISTS (SELECT 1 FROM "OnchainOp" e WHERE e."userId" = c."userId" AND e."status" IN ('QUEUED', 'SENT') AND e."seq" < c."seq")
      ORDER BY c."seq" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  const counts: Record<DeliveryResult, number> = { confirmed: 0, failed: 0, retrying: 0, deferred: 0, "lease-lost": 0 };
  if (claimed.length === 0) return counts;
  const ops = await deps.db.onchainOp.findMany({ where: { id: { in: claimed.map((c) => c.id) }, leaseOwner: deps.workerId } });
  const results = await Promise.all(ops.map((op) => deliverOp(deps, op)));
  for (const r of results) counts[r] += 1;
  return counts;
}

/** Delivers one claimed op; never throws (every failure is recorded on the op). */
export async function deliverOp(deps: DeliveryDeps, op: OnchainOp): Promise<DeliveryResult> {
  const log = (deps.log ?? rootLog).child({ opId: op.id, kind: op.kind, attempt: op.attempts });
  const { publicClient, bundlerClient } = deps;
  const entryPoint = deps.deployments.entryPoint;
  const sender = op.sender as Address;
  const nonce = nonceOf(BigInt(op.nonceKey));
  const leased = async (data: Parameters<Db["onchainOp"]["updateMany"]>[0]["data"]) => {
    const { count } = await deps.db.onchainOp.updateMany({ where: { id: op.id, leaseOwner: deps.workerId }, data });
    if (count !== 1) throw new LeaseLostError();
  };
  const waitAndFinish = async (hash: Hex) => {
    const receipt = await bundlerClient.waitForUserOperationReceipt({ hash, timeout: deps.receiptTimeoutMs ?? 20_000 });
    const execution: Execution = {
      userOpHash: hash,
      success: receipt.success,
      txHash: receipt.receipt.transactionHash,
      blockNumber: receipt.receipt.blockNumber,
      gasUsed: receipt.actualGasUsed,
    };
    if (!receipt.success) execution.reason = describeRevert(receipt.reason as Hex | undefined);
    return finish(deps, op, execution, log);
  };

  try {
    // An earlier attempt may have executed without being recorded (the worker died, or the bundler went away).
    const executed = await findExecution(publicClient, entryPoint, { sender, nonce, fromBlock: op.sentBlock });
    if (executed) {
      log.info("op had already executed: recording it, not resending", { userOpHash: executed.userOpHash });
      return await finish(deps, op, executed, log);
    }
    // The last attempt may still be waiting in the bundler's mempool: wait for it rather than send another.
    if (op.userOpHash && op.sentAt && Date.now() - op.sentAt.getTime() < SIGNATURE_VALID_MS) {
      const pending = await bundlerClient.getUserOperation({ hash: op.userOpHash as Hex }).catch(() => undefined);
      if (pending) return await waitAndFinish(op.userOpHash as Hex);
    }
    const budget = await budgetStatus(deps.db, op.userId);
    if (budget.remaining === 0n) {
      await leased({ nextAttemptAt: nextUtcMidnight(new Date()), error: `${BUDGET_USED_UP}: waits for tomorrow's budget`, leaseOwner: null, leaseUntil: null });
      log.warn("op deferred: daily gas budget used up");
      return "deferred";
    }

    const account = await toPatientSafe(publicClient, await walletOwnerKey(deps.db, op.userId));
    if (!isAddressEqual(account.address, sender)) throw new PermanentFailure(`the wallet's owner key does not control ${sender}`);
    const calls = (op.calls as StoredCall[]).map((c) => ({ to: c.to, data: c.data, value: BigInt(c.value) }));
    const prepared = await bundlerClient.prepareUserOperation({
      account,
      calls,
      nonce,
      paymaster: deps.paymaster,
      paymasterContext: { userId: op.userId },
    });
    const userOperation = { ...prepared, signature: await account.signUserOperation(prepared) };
    const userOpHash = getUserOperationHash({ userOperation, entryPointAddress: entryPoint, entryPointVersion: "0.7", chainId: deps.deployments.chainId });
    // Recorded before sending, so a crash right after the send still knows what it sent and where to look.
    await leased({ userOpHash, sentAt: new Date(), sentBlock: op.sentBlock ?? (await publicClient.getBlockNumber()), error: null });
    await bundlerClient.request({ method: "eth_sendUserOperation", params: [formatUserOperationRequest(userOperation), entryPoint] }, { retryCount: 0 });
    await leased({ status: "SENT" });
    log.info("op sent", { userOpHash });
    await deps.afterSend?.({ id: op.id, userOpHash });
    return await waitAndFinish(userOpHash);
  } catch (error) {
    if (error instanceof LeaseLostError) {
      log.warn("lease lost: another worker owns this op now");
      return "lease-lost";
    }
    return handleFailure(deps, op, error, log).catch((e: unknown) => {
      log.error("could not record the failure of an op", errorFields(e));
      return "retrying" as const;
    });
  }
}

/** A failure that no retry can fix: the sponsorship is refused, the calls revert, the wallet is inconsistent. */
class PermanentFailure extends Error {
  override name = "PermanentFailure";
}

function permanentReason(error: unknown): string | undefined {
  if (error instanceof PermanentFailure) return error.message;
  if (error instanceof SponsorshipRefusedError) return `sponsorship refused: ${error.reason}`;
  if (!(error instanceof BaseError)) return undefined;
  const refused = error.walk((e) => e instanceof SponsorshipRefusedError);
  if (refused instanceof SponsorshipRefusedError) return `sponsorship refused: ${refused.reason}`;
  const reverted = error.walk((e) => (e as Error).name === "ExecutionRevertedError");
  if (!reverted) return undefined;
  const text = `${(error as BaseError).details ?? ""} ${(error as BaseError).shortMessage}`;
  return describeRevert(text.match(/0x[0-9a-fA-F]{8,}/)?.[0] as Hex | undefined);
}

async function handleFailure(deps: DeliveryDeps, op: OnchainOp, error: unknown, log: Logger): Promise<DeliveryResult> {
  const now = Date.now();
  const release = { leaseOwner: null, leaseUntil: null };
  const where = { id: op.id, leaseOwner: deps.workerId };
  const reason = permanentReason(error);
  // An earlier signed attempt could still execute until its sponsorship expires: only then may the op fail for good.
  const earlierMayExecute = op.sentAt !== null && now - op.sentAt.getTime() < SIGNATURE_VALID_MS;
  if (reason && reason.includes(BUDGET_USED_UP)) {
    await deps.db.onchainOp.updateMany({ where, data: { ...release, nextAttemptAt: nextUtcMidnight(new Date()), error: reason } });
    log.warn("op deferred: daily gas budget used up");
    return "deferred";
  }
  if (reason && !earlierMayExecute) {
    await deps.db.$transaction(async (tx) => {
      const { count } = await tx.onchainOp.updateMany({
        where: { ...where, status: { in: ["QUEUED", "SENT"] } },
        data: { ...release, status: "FAILED", error: reason, finishedAt: new Date() },
      });
      if (count !== 1) throw new LeaseLostError();
      await runHandlers(tx, op, { status: "FAILED", txHash: null, error: reason });
    });
    log.warn("op failed", { cause: reason.slice(0, 80) });
    return "failed";
  }
  const retryAt = reason ? op.sentAt!.getTime() + SIGNATURE_VALID_MS : now + (deps.backoff ?? backoffMs)(op.attempts);
  // A JSON-RPC error's own words (an external paymaster's refusal, a bundler's complaint) are in `details`.
  const summary = reason ?? (error instanceof BaseError ? `${error.name}: ${error.shortMessage}${error.details ? ` (${error.details})` : ""}` : error instanceof Error ? error.name : "unknown error");
  await deps.db.onchainOp.updateMany({ where, data: { ...release, nextAttemptAt: new Date(retryAt), error: summary.slice(0, 300) } });
  log.warn("op not delivered yet; will retry", { ...errorFields(error), retryInMs: retryAt - now });
  return "retrying";
}

/** The domain mirrors of an op's outcome, in the transaction that records it. */
async function runHandlers(tx: Tx, op: OnchainOp, outcome: { status: "CONFIRMED" | "FAILED"; txHash: string | null; error: string | null }) {
  for (const h of OUTCOME_HANDLERS.filter((h) => h.kinds.includes(op.kind))) {
    await h.onFinished(tx, { id: op.id, userId: op.userId, kind: op.kind, refType: op.refType, refId: op.refId, ...outcome });
  }
}

/** Records an execution: the op's outcome, the user's gas spending, the Safe's deployment, domain mirrors, at once. */
async function finish(deps: DeliveryDeps, op: OnchainOp, execution: Execution, log: Logger): Promise<DeliveryResult> {
  const now = new Date();
  const status = execution.success ? "CONFIRMED" : "FAILED";
  const error = execution.success ? null : (execution.reason ?? "reverted");
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.onchainOp.updateMany({
      where: { id: op.id, leaseOwner: deps.workerId, status: { in: ["QUEUED", "SENT"] } },
      data: {
        status,
        userOpHash: execution.userOpHash,
        txHash: execution.txHash,
        gasUsed: execution.gasUsed,
        error,
        finishedAt: now,
        leaseOwner: null,
        leaseUntil: null,
      },
    });
    if (count !== 1) throw new LeaseLostError();
    await recordSponsoredOperation(tx, { userOpHash: execution.userOpHash, userId: op.userId, gasUsed: execution.gasUsed, txHash: execution.txHash, at: now });
    // The first operation deploys the Safe, whether or not its calls succeed.
    await tx.wallet.updateMany({ where: { userId: op.userId, deployedAt: null }, data: { deployedAt: now } });
    await runHandlers(tx, op, { status, txHash: execution.txHash, error });
  });
  if (execution.success) log.info("op confirmed", { txHash: execution.txHash, gasUsed: Number(execution.gasUsed) });
  else log.warn("op reverted on chain", { txHash: execution.txHash });
  return execution.success ? "confirmed" : "failed";
}
