import "server-only";
import { encodeFunctionData, type Address } from "viem";
import { consentRegistryAbi } from "@/lib/chain/abi";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { AppError } from "@/lib/errors";
import { chainDeployments } from "@/lib/wallets/runtime";
import { scopeHash, type Scope } from "./scopes";

/** The ConsentRegistry of the configured chain (its address is configuration; nothing here talks to the chain). */
export function consentRegistryOf(given?: Pick<ChainDeployment, "contracts">): Address {
  try {
    return (given ?? chainDeployments()).contracts.ConsentRegistry;
  } catch {
    throw new AppError("UNAVAILABLE", "Consent cannot be recorded right now: the blockchain is not configured.");
  }
}

export const grantCall = (registry: Address, grantee: Address, scope: Scope, expiresAt: Date) => ({
  to: registry,
  data: encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [grantee, scopeHash(scope), BigInt(Math.floor(expiresAt.getTime() / 1000))] }),
});

export const revokeCall = (registry: Address, grantee: Address, scope: Scope) => ({
  to: registry,
  data: encodeFunctionData({ abi: consentRegistryAbi, functionName: "revoke", args: [grantee, scopeHash(scope)] }),
});
