import "server-only";
import { encodeFunctionData, getAddress, keccak256, parseEther, toBytes } from "viem";
import { accessRegistryAbi, careTokenAbi, healthPaymasterAbi } from "@/lib/chain/abi";
import type { ChainDeployment } from "@/lib/chain/deployments";
import type { SafeCall } from "@/lib/chain/safe-calls";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ensureWallet } from "@/lib/wallets/ensure-wallet";
import type { ProposeChangeInput } from "./schemas";

const CLINICIAN_ROLE = keccak256(toBytes("CLINICIAN"));
const PHARMACY_ROLE = keccak256(toBytes("PHARMACY"));
const FIELD_OF = { DOCTOR: "doctorId", PHARMACIST: "pharmacistId" } as const;
const ANCHORER_ROLE = keccak256(toBytes("ANCHORER"));

async function userWallet(tx: Tx, userId: string, role?: "DOCTOR" | "PHARMACIST") {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true, role: true, status: true } });
  if (!user || user.status !== "ACTIVE" || (role && user.role !== role)) {
    throw new AppError("VALIDATION", "Choose an active person.", { [role ? FIELD_OF[role] : "userId"]: ["Choose an active person."] });
  }
  return { name: user.name ?? user.email, address: (await ensureWallet(tx, userId)).address };
}

/** The call the admin Safe makes for a proposal, and a one-line summary people can check before signing. */
export async function buildProposalCall(tx: Tx, deployments: ChainDeployment, input: ProposeChangeInput): Promise<{ call: SafeCall; summary: string }> {
  const call = (to: `0x${string}`, data: `0x${string}`) => ({ to, value: 0n, data });
  switch (input.kind) {
    case "verify-clinician":
    case "unverify-clinician": {
      const doctor = await userWallet(tx, input.doctorId, "DOCTOR");
      const verify = input.kind === "verify-clinician";
      const data = encodeFunctionData({ abi: accessRegistryAbi, functionName: verify ? "grantRole" : "revokeRole", args: [CLINICIAN_ROLE, doctor.address] });
      return { call: call(deployments.contracts.AccessRegistry, data), summary: `${verify ? "Verify" : "Withdraw verification of"} ${doctor.name} (${doctor.address}) as a clinician` };
    }
    case "verify-pharmacy":
    case "unverify-pharmacy": {
      const pharmacist = await userWallet(tx, input.pharmacistId, "PHARMACIST");
      const verify = input.kind === "verify-pharmacy";
      const data = encodeFunctionData({ abi: accessRegistryAbi, functionName: verify ? "grantRole" : "revokeRole", args: [PHARMACY_ROLE, pharmacist.address] });
      return { call: call(deployments.contracts.AccessRegistry, data), summary: `${verify ? "Verify" : "Withdraw verification of"} ${pharmacist.name} (${pharmacist.address}) as a dispensing pharmacy` };
    }
    case "pause-token":
    case "unpause-token": {
      const fn = input.kind === "pause-token" ? "pause" : "unpause";
      return { call: call(deployments.contracts.CareToken, encodeFunctionData({ abi: careTokenAbi, functionName: fn })), summary: `${fn === "pause" ? "Pause" : "Resume"} CareToken transfers` };
    }
    case "mint-care": {
      const user = await userWallet(tx, input.userId);
      const data = encodeFunctionData({ abi: careTokenAbi, functionName: "mint", args: [user.address, parseEther(input.amount)] });
      return { call: call(deployments.contracts.CareToken, data), summary: `Mint ${input.amount} CARE to ${user.name} (${user.address})` };
    }
    case "set-paymaster-signer": {
      const signer = getAddress(input.signer);
      const data = encodeFunctionData({ abi: healthPaymasterAbi, functionName: "setVerifyingSigner", args: [signer] });
      return { call: call(deployments.contracts.HealthPaymaster, data), summary: `Set the paymaster's sponsorship signer to ${signer}` };
    }
    case "grant-anchorer": {
      const account = getAddress(input.account);
      const data = encodeFunctionData({ abi: accessRegistryAbi, functionName: "grantRole", args: [ANCHORER_ROLE, account] });
      return { call: call(deployments.contracts.AccessRegistry, data), summary: `Allow ${account} to anchor the audit trail` };
    }
  }
}
