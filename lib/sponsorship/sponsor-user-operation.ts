import "server-only";
import { handlePaymasterRpc, type JsonRpcResponse } from "@/lib/chain/paymaster-rpc";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { chainDeployments } from "@/lib/wallets/runtime";
import { localSponsorshipSigner } from "./paymaster";

/**
 * ERC-7677 over HTTP (POST /api/paymaster): pm_getPaymasterStubData / pm_getPaymasterData for the signed-in user.
 * The policy's context comes from the session, never from the request, so a user can only have their own Safe's
 * operations sponsored, within their budget.
 */
export async function sponsorUserOperation(actor: Actor | null, body: unknown): Promise<JsonRpcResponse> {
  authorize(actor, "wallet:sponsor-own");
  if (env().PAYMASTER_MODE === "external") throw new AppError("UNAVAILABLE", "Sponsorship is provided by an external paymaster service.");
  let deployments;
  try {
    deployments = chainDeployments();
  } catch {
    throw new AppError("UNAVAILABLE", "Gas sponsorship is not available: the chain's contracts are not known.");
  }
  return handlePaymasterRpc(localSponsorshipSigner(deployments), body, { userId: actor.userId });
}
