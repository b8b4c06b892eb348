import { decodeErrorResult, type Abi, type Address, type Hex, type PublicClient } from "viem";
import { entryPoint07Abi } from "viem/account-abstraction";
import * as abis from "@/lib/chain/abi";

/** How one user operation ended on chain, read from the EntryPoint's own events. */
export interface Execution {
  userOpHash: Hex;
  success: boolean;
  txHash: Hex;
  blockNumber: bigint;
  gasUsed: bigint;
  reason?: string;
}

/**
 * Whether the operation with this sender and nonce has executed, and how: the EntryPoint's nonce for the key moved
 * past 0 only if it did (successful or reverted), and its UserOperationEvent says the rest. Undefined when it has not
 * executed (it may still be in a bundler's mempool). Reads the chain, not the bundler, so it works after a bundler
 * restart lost its memory.
 */
export async function findExecution(
  client: PublicClient,
  entryPoint: Address,
  op: { sender: Address; nonce: bigint; fromBlock?: bigint | null },
): Promise<Execution | undefined> {
  const key = op.nonce >> 64n;
  const next = await client.readContract({ address: entryPoint, abi: entryPoint07Abi, functionName: "getNonce", args: [op.sender, key] });
  if (next === op.nonce) return undefined;
  const events = await client.getContractEvents({
    address: entryPoint,
    abi: entryPoint07Abi,
    eventName: "UserOperationEvent",
    args: { sender: op.sender },
    fromBlock: op.fromBlock ?? 0n,
    strict: true,
  });
  const event = events.find((e) => e.args.nonce === op.nonce);
  if (!event) throw new Error(`nonce ${op.nonce} of ${op.sender} was used, but its UserOperationEvent was not found after block ${op.fromBlock ?? 0n}`);
  const execution: Execution = {
    userOpHash: event.args.userOpHash,
    success: event.args.success,
    txHash: event.transactionHash,
    blockNumber: event.blockNumber,
    gasUsed: event.args.actualGasUsed,
  };
  if (!execution.success) {
    const [revert] = await client.getContractEvents({
      address: entryPoint,
      abi: entryPoint07Abi,
      eventName: "UserOperationRevertReason",
      args: { userOpHash: execution.userOpHash },
      fromBlock: event.blockNumber,
      toBlock: event.blockNumber,
      strict: true,
    });
    execution.reason = describeRevert(revert?.args.revertReason);
  }
  return execution;
}

const appErrors: Abi = Object.values(abis).flatMap((abi) => (abi as Abi).filter((item) => item.type === "error"));

/** A revert as a readable reason: the app's custom errors and Error(string) decoded, anything else as raw data. */
export function describeRevert(data: Hex | undefined): string {
  if (!data || data === "0x") return "reverted without a reason";
  try {
    const decoded = decodeErrorResult({ abi: appErrors, data });
    return `${decoded.errorName}(${decoded.args?.join(", ") ?? ""})`;
  } catch {
    return `reverted: ${data.slice(0, 74)}`;
  }
}
