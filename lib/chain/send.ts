import { decodeErrorResult, type Address, type Hex } from "viem";
import type { BundlerClient, SmartAccount } from "viem/account-abstraction";
import type { SponsorshipSigner } from "./paymaster.ts";

/** Sending sponsored calls from a smart account and waiting for their outcome. */

export interface Call {
  to: Address;
  data: Hex;
  value?: bigint;
}

/** Sends calls (batched into one user operation when several) paid by the paymaster; resolves to the op hash. */
export async function sendSponsoredCalls(
  bundler: BundlerClient,
  account: SmartAccount,
  calls: readonly Call[],
  paymaster: Pick<SponsorshipSigner, "getPaymasterStubData" | "getPaymasterData">,
  paymasterContext?: unknown,
): Promise<Hex> {
  return bundler.sendUserOperation({ account, calls: [...calls], paymaster, paymasterContext });
}

export interface OperationOutcome {
  success: boolean;
  txHash: Hex;
  /** Gas of the whole user operation as the EntryPoint accounts it (what the paymaster pays for). */
  gasUsed: bigint;
  /** Why the calls reverted, when they did (decoded Error(string) when possible, else the raw revert data). */
  reason?: string;
}

export async function waitForReceipt(bundler: BundlerClient, hash: Hex, opts: { timeoutMs?: number } = {}): Promise<OperationOutcome> {
  const receipt = await bundler.waitForUserOperationReceipt({ hash, timeout: opts.timeoutMs ?? 30_000 });
  const outcome: OperationOutcome = { success: receipt.success, txHash: receipt.receipt.transactionHash, gasUsed: receipt.actualGasUsed };
  if (!receipt.success) outcome.reason = describeRevert(receipt.reason);
  return outcome;
}

function describeRevert(reason: string | undefined): string {
  if (!reason) return "reverted";
  if (!/^0x[0-9a-fA-F]*$/.test(reason)) return reason;
  try {
    const decoded = decodeErrorResult({ data: reason as Hex });
    return `${decoded.errorName}(${decoded.args?.join(", ") ?? ""})`;
  } catch {
    return reason;
  }
}
