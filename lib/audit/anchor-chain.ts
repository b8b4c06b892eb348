import "server-only";
import { createWalletClient, http, type Account, type Address, type Chain, type PublicClient, type Transport, type WalletClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { chainClients, chainDeployments } from "@/lib/wallets/runtime";

/**
 * The operator's view of the chain: a public client, the deployments of the configured chain, and the operator
 * account (OPERATOR_KEY) that anchors audit roots and relays admin Safe transactions with plain transactions.
 * Built from the environment; tests build their own with `operatorChainFrom`.
 */
export interface OperatorChain {
  publicClient: PublicClient;
  deployments: ChainDeployment;
  operator: WalletClient<Transport, Chain, Account> | null;
}

export function operatorChainFrom(opts: { publicClient: PublicClient; deployments: ChainDeployment; operatorKey?: `0x${string}`; rpcUrl: string }): OperatorChain {
  const chain = opts.publicClient.chain;
  if (!chain) throw new Error("operatorChainFrom: the public client needs a chain");
  const operator = opts.operatorKey
    ? createWalletClient({ chain, transport: http(opts.rpcUrl), account: privateKeyToAccount(opts.operatorKey) })
    : null;
  return { publicClient: opts.publicClient, deployments: opts.deployments, operator };
}

let operator: OperatorChain["operator"] | undefined;

/** From the environment; the deployments file is re-read when it changes (lib/wallets/runtime.ts). */
export function operatorChain(): OperatorChain {
  let deployments: ChainDeployment;
  try {
    deployments = chainDeployments();
  } catch {
    throw new AppError("UNAVAILABLE", "The blockchain is not available right now.");
  }
  const { publicClient } = chainClients();
  const config = env();
  operator ??= operatorChainFrom({ publicClient, deployments, operatorKey: config.OPERATOR_KEY as `0x${string}` | undefined, rpcUrl: config.CHAIN_RPC_URL }).operator;
  return { publicClient, deployments, operator };
}

export function requireOperator(chain: OperatorChain): WalletClient<Transport, Chain, Account> {
  if (!chain.operator) throw new AppError("UNAVAILABLE", "No operator account is configured (OPERATOR_KEY).");
  return chain.operator;
}

export function auditAnchorOf(chain: OperatorChain): Address {
  const address = chain.deployments.contracts.AuditAnchor;
  if (!address) throw new AppError("UNAVAILABLE", "AuditAnchor is not deployed on this chain.");
  return address;
}
