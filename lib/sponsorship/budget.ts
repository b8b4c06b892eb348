import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Daily gas budgets: a user's own override, else their role's. Spending is counted per UTC day from the receipts'
 * actualGasUsed. An operation is sponsored while the day's spending is below the budget, so the last one of a day
 * may overshoot it by one operation's gas.
 */

export interface BudgetStatus {
  limit: bigint;
  spent: bigint;
  remaining: bigint;
  /** Where the limit comes from. */
  source: "user" | "role";
}

/** Midnight UTC of the day `at` falls in: the key of SponsorshipSpend rows. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function nextUtcMidnight(at: Date): Date {
  return new Date(utcDay(at).getTime() + 86_400_000);
}

export async function budgetStatus(tx: Tx, userId: string, at = new Date()): Promise<BudgetStatus> {
  const [user, override, spend] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } }),
    tx.sponsorshipUserBudget.findUnique({ where: { userId } }),
    tx.sponsorshipSpend.findUnique({ where: { userId_day: { userId, day: utcDay(at) } } }),
  ]);
  const limit = override?.dailyGas ?? (await tx.sponsorshipBudget.findUnique({ where: { role: user.role } }))?.dailyGas ?? 0n;
  const spent = spend?.gasUsed ?? 0n;
  return { limit, spent, remaining: limit > spent ? limit - spent : 0n, source: override ? "user" : "role" };
}

export interface SponsoredOperationRecord {
  userOpHash: string;
  userId: string;
  gasUsed: bigint;
  txHash: string;
  at: Date;
}

/**
 * Counts one sponsored operation in its user's spending of its day, once: the outbox (from the receipt) and the
 * sponsorship indexer (from the paymaster's events) may both report it; only the first report counts.
 * Returns whether this call counted it.
 */
export async function recordSponsoredOperation(tx: Tx, op: SponsoredOperationRecord): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "SponsoredOperation" ("userOpHash", "userId", "gasUsed", "txHash", "at")
    VALUES (${op.userOpHash}, ${op.userId}::uuid, ${op.gasUsed}, ${op.txHash}, ${op.at.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    ON CONFLICT ("userOpHash") DO NOTHING`;
  if (inserted === 0) return false;
  await tx.$executeRaw`
    INSERT INTO "SponsorshipSpend" ("userId", "day", "gasUsed", "ops") VALUES (${op.userId}::uuid, ${utcDay(op.at).toISOString().slice(0, 10)}::date, ${op.gasUsed}, 1)
    ON CONFLICT ("userId", "day") DO UPDATE SET "gasUsed" = "SponsorshipSpend"."gasUsed" + EXCLUDED."gasUsed", "ops" = "SponsorshipSpend"."ops" + 1`;
  return true;
}
