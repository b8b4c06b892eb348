import "server-only";
import { isAddressEqual, type Address } from "viem";
import { defaultCallPolicy, type SponsorshipPolicy } from "@/lib/chain/paymaster";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { db } from "@/lib/db";
import { budgetStatus } from "./budget";

/** Who asks for sponsorship: the signed-in user (HTTP) or the user whose outbox operation the worker sends. */
export interface SponsorshipContext {
  userId: string;
}

export const BUDGET_USED_UP = "daily gas budget used up";

/**
 * The app's sponsorship policy: the sender is the user's own wallet and the user is active, every call targets the
 * app's contracts and allowed functions (defaultCallPolicy), and the user's daily gas budget is not used up.
 * Each refusal says why.
 */
export function appSponsorshipPolicy(deployments: ChainDeployment): SponsorshipPolicy<SponsorshipContext | undefined> {
  const calls = defaultCallPolicy(deployments);
  return async (userOp, context, phase) => {
    if (!context?.userId) return { allowed: false, reason: "sponsorship is for signed-in users only" };
    const [user, wallet] = await Promise.all([
      db().user.findUnique({ where: { id: context.userId }, select: { status: true } }),
      db().wallet.findUnique({ where: { userId: context.userId }, select: { address: true } }),
    ]);
    if (!user || user.status !== "ACTIVE") return { allowed: false, reason: "the account is not active" };
    if (!wallet || !isAddressEqual(wallet.address as Address, userOp.sender)) {
      return { allowed: false, reason: `the sender ${userOp.sender} is not this user's wallet` };
    }
    const decision = await calls(userOp, context, phase);
    if (!decision.allowed) return decision;
    const budget = await budgetStatus(db(), context.userId);
    if (budget.remaining === 0n) {
      return { allowed: false, reason: `${BUDGET_USED_UP} (${budget.spent} of ${budget.limit} gas today)` };
    }
    return { allowed: true };
  };
}
