import "server-only";
import type { Address, PublicClient } from "viem";
import { entryPoint07Abi } from "viem/account-abstraction";
import type { ChainDeployment } from "@/lib/chain/deployments";
import type { Db } from "@/lib/db";
import { recordSponsoredOperation } from "./budget";

/**
 * Counts, in each user's daily spending, every operation HealthPaymaster paid for, read from the EntryPoint's
 * UserOperationEvents: also those sponsored over POST /api/paymaster and sent by someone other than the worker.
 * The outbox counts its own from their receipts; SponsoredOperation keeps each counted once whoever sees it first.
 * Resumes from a cursor (ChainIndexerCursor) advanced in the same transaction as the counts.
 */
export async function indexSponsoredOperations(deps: {
  db: Db;
  publicClient: PublicClient;
  deployments: Pick<ChainDeployment, "chainId" | "entryPoint" | "contracts"> & Partial<Pick<ChainDeployment, "startBlock">>;
  maxBlocks?: bigint;
}): Promise<{ counted: number; caughtUp: boolean }> {
  const paymaster = deps.deployments.contracts.HealthPaymaster;
  const id = `sponsorship:${deps.deployments.chainId}:${paymaster.toLowerCase()}`;
  const from = (await deps.db.chainIndexerCursor.findUnique({ where: { id } }))?.nextBlock ?? BigInt(deps.deployments.startBlock ?? 0);
  const latest = await deps.publicClient.getBlockNumber();
  if (from > latest) return { counted: 0, caughtUp: true };
  const to = latest < from + (deps.maxBlocks ?? 2_000n) - 1n ? latest : from + (deps.maxBlocks ?? 2_000n) - 1n;
  const events = await deps.publicClient.getContractEvents({
    address: deps.deployments.entryPoint,
    abi: entryPoint07Abi,
    eventName: "UserOperationEvent",
    args: { paymaster },
    fromBlock: from,
    toBlock: to,
    strict: true,
  });
  const senders = [...new Set(events.map((e) => e.args.sender))];
  const wallets = await deps.db.wallet.findMany({ where: { address: { in: senders } }, select: { userId: true, address: true } });
  const owner = new Map(wallets.map((w) => [w.address.toLowerCase(), w.userId]));
  const blocks = [...new Set(events.filter((e) => owner.has(e.args.sender.toLowerCase())).map((e) => e.blockNumber))];
  const timeOf = new Map(
    await Promise.all(blocks.map(async (n) => [n, new Date(Number((await deps.publicClient.getBlock({ blockNumber: n })).timestamp) * 1000)] as const)),
  );
  let counted = 0;
  await deps.db.$transaction(async (tx) => {
    for (const e of events) {
      const userId = owner.get((e.args.sender as Address).toLowerCase());
      if (!userId) continue;
      const fresh = await recordSponsoredOperation(tx, {
        userOpHash: e.args.userOpHash,
        userId,
        gasUsed: e.args.actualGasUsed,
        txHash: e.transactionHash,
        at: timeOf.get(e.blockNumber)!,
      });
      if (fresh) counted += 1;
    }
    await tx.chainIndexerCursor.upsert({ where: { id }, create: { id, nextBlock: to + 1n }, update: { nextBlock: to + 1n } });
  });
  return { counted, caughtUp: to === latest };
}
