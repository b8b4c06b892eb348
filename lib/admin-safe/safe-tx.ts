import { concat, hashTypedData, zeroAddress, type Account, type Address, type Chain, type Hex, type PublicClient, type Transport, type WalletClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { AdminSafeError, safeAbi } from "@/lib/chain/admin-safe";

/**
 * Safe transactions signed one owner at a time: each admin signs the EIP-712 SafeTx when they propose or confirm,
 * the signatures are kept, and any account relays execTransaction once enough are collected. A plain call
 * (operation 0), no gas refund, so the hash depends only on the call and the Safe's nonce.
 */

export interface SafeCall {
  to: Address;
  value: bigint;
  data: Hex;
}

const SAFE_TX_TYPES = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

export function safeTxTypedData(opts: { safe: Address; chainId: number; call: SafeCall; nonce: bigint }) {
  return {
    domain: { chainId: opts.chainId, verifyingContract: opts.safe },
    types: SAFE_TX_TYPES,
    primaryType: "SafeTx" as const,
    message: {
      ...opts.call,
      operation: 0,
      safeTxGas: 0n,
      baseGas: 0n,
      gasPrice: 0n,
      gasToken: zeroAddress,
      refundReceiver: zeroAddress,
      nonce: opts.nonce,
    },
  };
}

export const safeTxHash = (opts: Parameters<typeof safeTxTypedData>[0]): Hex => hashTypedData(safeTxTypedData(opts));

export async function signSafeTx(ownerKey: Hex, opts: Parameters<typeof safeTxTypedData>[0]): Promise<{ owner: Address; signature: Hex }> {
  const owner = privateKeyToAccount(ownerKey);
  return { owner: owner.address, signature: await owner.signTypedData(safeTxTypedData(opts)) };
}

/** The Safe wants the signatures ordered by owner address, ascending. */
export function packSignatures(signatures: readonly { owner: string; signature: string }[]): Hex {
  const sorted = [...signatures].sort((a, b) => (BigInt(a.owner) < BigInt(b.owner) ? -1 : 1));
  return concat(sorted.map((s) => s.signature as Hex));
}

export async function readSafeState(client: PublicClient, safe: Address): Promise<{ nonce: bigint; threshold: number; owners: readonly Address[] }> {
  const [nonce, threshold, owners] = await Promise.all([
    client.readContract({ address: safe, abi: safeAbi, functionName: "nonce" }),
    client.readContract({ address: safe, abi: safeAbi, functionName: "getThreshold" }),
    client.readContract({ address: safe, abi: safeAbi, functionName: "getOwners" }),
  ]);
  return { nonce, threshold: Number(threshold), owners };
}

/**
 * Relays execTransaction with the collected signatures. Simulated first, so too few signatures or a reverting call
 * is an AdminSafeError and nothing is mined (the Safe's nonce is not used up).
 */
export async function execSafeTx(opts: {
  client: PublicClient;
  relayer: WalletClient<Transport, Chain, Account>;
  safe: Address;
  call: SafeCall;
  signatures: readonly { owner: string; signature: string }[];
}): Promise<Hex> {
  const { client, relayer, safe, call } = opts;
  const args = [call.to, call.value, call.data, 0, 0n, 0n, 0n, zeroAddress, zeroAddress, packSignatures(opts.signatures)] as const;
  await client.simulateContract({ account: relayer.account, address: safe, abi: safeAbi, functionName: "execTransaction", args }).catch((error: unknown) => {
    throw new AdminSafeError(`the admin Safe refused the transaction: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  });
  const hash = await relayer.writeContract({ address: safe, abi: safeAbi, functionName: "execTransaction", args });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new AdminSafeError(`the admin Safe transaction reverted (tx ${hash})`);
  return hash;
}
