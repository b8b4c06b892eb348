import { BaseError, decodeErrorResult, type Abi, type Address, type Hex } from "viem";
import type { BundlerClient, PaymasterActions, SmartAccount } from "viem/account-abstraction";
import * as abis from "./abi/index.ts";
import { SponsorshipRefusedError } from "./paymaster.ts";

/** Sending sponsored calls from a smart account and waiting for their outcome. */

export interface Call {
  to: Address;
  data: Hex;
  value?: bigint;
}

/** The bundler would not take the operation, typically because a call reverts in simulation (nothing was sent). */
export class UserOperationRejectedError extends Error {
  override name = "UserOperationRejectedError";
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(`user operation rejected: ${reason}`, options);
  }
}

/** Who pays: this app's SponsorshipSigner (local mode) or an ERC-7677 service's createPaymasterClient (external). */
export type Paymaster = Pick<PaymasterActions, "getPaymasterStubData" | "getPaymasterData">;

/**
 * Sends calls (batched into one user operation when several) paid by the paymaster; resolves to the op hash.
 * Rejects with SponsorshipRefusedError (policy said no) or UserOperationRejectedError (with the decoded revert).
 */
export async function sendSponsoredCalls(
  bundler: BundlerClient,
  account: SmartAccount,
  calls: readonly Call[],
  paymaster: Paymaster,
  paymasterContext?: unknown,
): Promise<Hex> {
  try {
    return await bundler.sendUserOperation({ account, calls: [...calls], paymaster, paymasterContext });
  } catch (error) {
    const refused = error instanceof BaseError ? error.walk((e) => e instanceof SponsorshipRefusedError) : undefined;
    if (refused instanceof SponsorshipRefusedError || error instanceof SponsorshipRefusedError) throw refused ?? error;
    const message = error instanceof BaseError ? error.details || error.shortMessage : String(error);
    throw new UserOperationRejectedError(describeRevert(message.match(/0x[0-9a-fA-F]{8,}/)?.[0] ?? message), { cause: error });
  }
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

/** Every custom error of the app's contracts, so a revert reads as e.g. "ExpiryNotInFuture()" instead of a selector. */
const appErrors: Abi = Object.values(abis).flatMap((abi) => (abi as Abi).filter((item) => item.type === "error"));

function describeRevert(reason: string | undefined): string {
  if (!reason) return "reverted";
  if (!/^0x[0-9a-fA-F]*$/.test(reason)) return reason;
  try {
    const decoded = decodeErrorResult({ abi: appErrors, data: reason as Hex });
    return `${decoded.errorName}(${decoded.args?.join(", ") ?? ""})`;
  } catch {
    return reason;
  }
}
