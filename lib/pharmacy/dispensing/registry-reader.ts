import "server-only";
import { zeroAddress, type Address, type Hex, type PublicClient } from "viem";
import { accessRegistryAbi, prescriptionRegistryAbi } from "@/lib/chain/abi";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { AppError } from "@/lib/errors";
import { chainClients, chainDeployments } from "@/lib/wallets/runtime";

/** What PrescriptionRegistry says about a prescription hash, and whether its prescriber is a verified clinician now. */
export interface RxAnchor {
  prescriber: Address;
  expiresAt: Date;
  fillsAllowed: number;
  fillsUsed: number;
  cancelled: boolean;
  prescriberVerified: boolean;
}

/** Reads the anchor of a prescription hash; null when it was never anchored. */
export type RegistryReader = (rxHash: Hex) => Promise<RxAnchor | null>;

/** The chain the registry is read from: a client for its RPC node and where the two registries are deployed. */
export interface RegistryChain {
  publicClient: Pick<PublicClient, "readContract">;
  contracts: Pick<ChainDeployment["contracts"], "PrescriptionRegistry" | "AccessRegistry">;
}

/**
 * A reader of PrescriptionRegistry (and AccessRegistry for the prescriber) on the given chain, or on the one a
 * function returns when it is read (so a chain that is not configured fails the read, not the import). Anything that
 * goes wrong reading it is UNAVAILABLE: nothing is dispensed unverified.
 */
export function prescriptionRegistryReader(chain: RegistryChain | (() => RegistryChain)): RegistryReader {
  return async (rxHash) => {
    try {
      const { publicClient, contracts } = typeof chain === "function" ? chain() : chain;
      const [prescriber, expiresAt, fillsAllowed, fillsUsed, cancelled] = await publicClient.readContract({
        address: contracts.PrescriptionRegistry,
        abi: prescriptionRegistryAbi,
        functionName: "prescriptions",
        args: [rxHash],
      });
      if (prescriber === zeroAddress) return null;
      const prescriberVerified = await publicClient.readContract({
        address: contracts.AccessRegistry,
        abi: accessRegistryAbi,
        functionName: "isVerifiedClinician",
        args: [prescriber],
      });
      return { prescriber, expiresAt: new Date(Number(expiresAt) * 1000), fillsAllowed, fillsUsed, cancelled, prescriberVerified };
    } catch {
      throw new AppError("UNAVAILABLE", "The blockchain cannot be reached to verify this prescription. Try again in a moment.");
    }
  };
}

/** The registry of this process's configured chain (CHAIN_RPC_URL, DEPLOYMENTS_FILE). */
export const readPrescriptionRegistry: RegistryReader = prescriptionRegistryReader(() => ({
  publicClient: chainClients().publicClient,
  contracts: chainDeployments().contracts,
}));
