import "server-only";
import { zeroAddress, type Address, type Hex } from "viem";
import { accessRegistryAbi, prescriptionRegistryAbi } from "@/lib/chain/abi";
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

/** Reads the anchor of a prescription hash; null when it was never anchored. Injected in tests. */
export type RegistryReader = (rxHash: Hex) => Promise<RxAnchor | null>;

export const readPrescriptionRegistry: RegistryReader = async (rxHash) => {
  try {
    const { publicClient } = chainClients();
    const { contracts } = chainDeployments();
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
