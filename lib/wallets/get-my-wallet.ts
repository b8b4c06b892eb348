import "server-only";
import { formatUnits, type Address } from "viem";
import { careTokenAbi } from "@/lib/chain/abi";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { errorFields, log } from "@/lib/log";
import { budgetStatus, type BudgetStatus } from "@/lib/sponsorship/budget";
import { ensureWallet } from "./ensure-wallet";
import { chainClients, chainDeployments } from "./runtime";

export type OperationStatus = "pending" | "confirmed" | "failed";

export interface WalletOperation {
  id: string;
  kind: string;
  status: OperationStatus;
  createdAt: Date;
  finishedAt: Date | null;
  txHash: string | null;
  /** Why it failed, or, while pending, why the last attempt did not go through. */
  detail: string | null;
}

export interface MyWallet {
  address: Address;
  deployed: boolean;
  /** Read from the chain; null when it cannot be reached right now (the page still works). */
  balances: { care: string; eth: string } | null;
  budget: BudgetStatus;
  operations: WalletOperation[];
  pending: number;
}

const STATUS: Record<string, OperationStatus> = { QUEUED: "pending", SENT: "pending", CONFIRMED: "confirmed", FAILED: "failed" };

/** The signed-in user's own wallet: its address, balances, budget and latest operations (made on first visit). */
export async function getMyWallet(actor: Actor | null): Promise<MyWallet> {
  authorize(actor, "wallet:read-own");
  const { address } = await db().$transaction((tx) => ensureWallet(tx, actor.userId));
  const [wallet, ops, budget, balances] = await Promise.all([
    db().wallet.findUniqueOrThrow({ where: { userId: actor.userId }, select: { deployedAt: true } }),
    db().onchainOp.findMany({ where: { userId: actor.userId }, orderBy: { seq: "desc" }, take: 50 }),
    budgetStatus(db(), actor.userId),
    readBalances(address),
  ]);
  const operations = ops.map((op) => ({
    id: op.id,
    kind: op.kind,
    status: STATUS[op.status]!,
    createdAt: op.createdAt,
    finishedAt: op.finishedAt,
    txHash: op.txHash,
    detail: op.error,
  }));
  return { address, deployed: wallet.deployedAt !== null, balances, budget, operations, pending: operations.filter((o) => o.status === "pending").length };
}

async function readBalances(address: Address): Promise<MyWallet["balances"]> {
  try {
    const { publicClient } = chainClients();
    const token = chainDeployments().contracts.CareToken;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("chain timeout")), 2_000));
    const [care, decimals, eth] = await Promise.race([
      Promise.all([
        publicClient.readContract({ address: token, abi: careTokenAbi, functionName: "balanceOf", args: [address] }),
        publicClient.readContract({ address: token, abi: careTokenAbi, functionName: "decimals" }),
        publicClient.getBalance({ address }),
      ]),
      timeout,
    ]);
    return { care: formatUnits(care, decimals), eth: formatUnits(eth, 18) };
  } catch (error) {
    log.warn("wallet balances unavailable", errorFields(error));
    return null;
  }
}
