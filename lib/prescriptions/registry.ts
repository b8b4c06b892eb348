import "server-only";
import { encodeFunctionData, type Address, type Hex } from "viem";
import { prescriptionRegistryAbi } from "@/lib/chain/abi";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { AppError } from "@/lib/errors";
import { chainDeployments } from "@/lib/wallets/runtime";

/** The PrescriptionRegistry of the configured chain (configuration only; nothing here talks to the chain). */
export function prescriptionRegistryOf(given?: Pick<ChainDeployment, "contracts">): Address {
  try {
    return (given ?? chainDeployments()).contracts.PrescriptionRegistry;
  } catch {
    throw new AppError("UNAVAILABLE", "Prescriptions cannot be signed right now: the blockchain is not configured.");
  }
}

export const issueCall = (registry: Address, rxHash: Hex, expiresAt: Date, fillsAllowed: number) => ({
  to: registry,
  data: encodeFunctionData({ abi: prescriptionRegistryAbi, functionName: "issue", args: [rxHash, BigInt(Math.floor(expiresAt.getTime() / 1000)), fillsAllowed] }),
});
