import {
  concat,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  getContractAddress,
  keccak256,
  parseAbi,
  zeroAddress,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { ChainDeployment } from "./deployments.ts";
import { encodeMultiSendCallOnly, type SafeCall } from "./safe-calls.ts";

/**
 * The admin Safe: a multi-owner Safe (2-of-3) that owns the app contracts. Admin actions are Safe transactions
 * signed by `threshold` owners (EIP-712 SafeTx) and relayed by any account that pays the gas, so no single key can
 * mint tokens, verify clinicians or change the paymaster signer.
 */

export const safeAbi = parseAbi([
  "function setup(address[] owners, uint256 threshold, address to, bytes data, address fallbackHandler, address paymentToken, uint256 payment, address paymentReceiver)",
  "function nonce() view returns (uint256)",
  "function getThreshold() view returns (uint256)",
  "function getOwners() view returns (address[])",
  "function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)",
]);
export const safeProxyFactoryAbi = parseAbi([
  "function createProxyWithNonce(address singleton, bytes initializer, uint256 saltNonce) returns (address)",
  "function proxyCreationCode() pure returns (bytes)",
]);

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

export class AdminSafeError extends Error {
  override name = "AdminSafeError";
}

/** The Safe's setup call: owners, threshold and the compatibility fallback handler, no payment. */
export function adminSafeInitializer(deployment: Pick<ChainDeployment, "safe">, owners: readonly Address[], threshold: number): Hex {
  return encodeFunctionData({
    abi: safeAbi,
    functionName: "setup",
    args: [[...owners], BigInt(threshold), zeroAddress, "0x", deployment.safe.fallbackHandler, zeroAddress, 0n, zeroAddress],
  });
}

/** The Safe's deterministic address: CREATE2 by the proxy factory, salted with the initializer and saltNonce. */
export async function predictAdminSafeAddress(
  client: PublicClient,
  deployment: Pick<ChainDeployment, "safe">,
  initializer: Hex,
  saltNonce: bigint,
): Promise<Address> {
  const creationCode = await client.readContract({ address: deployment.safe.proxyFactory, abi: safeProxyFactoryAbi, functionName: "proxyCreationCode" });
  return getContractAddress({
    opcode: "CREATE2",
    from: deployment.safe.proxyFactory,
    salt: keccak256(encodePacked(["bytes32", "uint256"], [keccak256(initializer), saltNonce])),
    bytecode: concat([creationCode, encodeAbiParameters([{ type: "address" }], [deployment.safe.singleton])]),
  });
}

/** Deploys the admin Safe when absent; its address depends only on owners, threshold and saltNonce. */
export async function ensureAdminSafe(
  client: PublicClient,
  relayer: WalletClient,
  deployment: Pick<ChainDeployment, "safe">,
  opts: { owners: readonly Address[]; threshold: number; saltNonce?: bigint },
): Promise<{ address: Address; deployed: boolean }> {
  const account = relayer.account;
  if (!account) throw new AdminSafeError("ensureAdminSafe: the relayer needs an account");
  const initializer = adminSafeInitializer(deployment, opts.owners, opts.threshold);
  const saltNonce = opts.saltNonce ?? 0n;
  const address = await predictAdminSafeAddress(client, deployment, initializer, saltNonce);
  const code = await client.getCode({ address });
  if (code && code !== "0x") return { address, deployed: false };
  const hash = await relayer.writeContract({
    account,
    chain: null,
    address: deployment.safe.proxyFactory,
    abi: safeProxyFactoryAbi,
    functionName: "createProxyWithNonce",
    args: [deployment.safe.singleton, initializer, saltNonce],
  });
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  const deployedCode = await client.getCode({ address });
  if (receipt.status !== "success" || !deployedCode || deployedCode === "0x") {
    throw new AdminSafeError(`admin Safe deployment failed (tx ${hash})`);
  }
  return { address, deployed: true };
}

/**
 * Executes calls as the Safe (several are batched through MultiSendCallOnly) with the owners' signatures.
 * Throws when the signatures do not meet the threshold or a call reverts (the Safe reverts the whole transaction).
 */
export async function execAdminCalls(opts: {
  client: PublicClient;
  relayer: WalletClient;
  safe: Address;
  multiSendCallOnly: Address;
  ownerKeys: readonly Hex[];
  calls: readonly SafeCall[];
}): Promise<Hex> {
  const { client, relayer, safe } = opts;
  const account = relayer.account;
  if (!account) throw new AdminSafeError("execAdminCalls: the relayer needs an account");
  if (opts.calls.length === 0) throw new AdminSafeError("execAdminCalls: no calls");
  const single = opts.calls.length === 1 ? opts.calls[0]! : undefined;
  const tx = {
    to: single ? single.to : opts.multiSendCallOnly,
    value: single ? single.value : 0n,
    data: single ? single.data : encodeMultiSendCallOnly(opts.calls),
    operation: single ? 0 : 1,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce: await client.readContract({ address: safe, abi: safeAbi, functionName: "nonce" }),
  };
  const chainId = await client.getChainId();
  const signers = opts.ownerKeys.map((k) => privateKeyToAccount(k));
  // The Safe requires signatures ordered by owner address, ascending.
  signers.sort((x, y) => (BigInt(x.address) < BigInt(y.address) ? -1 : 1));
  const signatures = concat(
    await Promise.all(
      signers.map((s) =>
        s.signTypedData({ domain: { chainId, verifyingContract: safe }, types: SAFE_TX_TYPES, primaryType: "SafeTx", message: tx }),
      ),
    ),
  );
  const args = [tx.to, tx.value, tx.data, tx.operation, 0n, 0n, 0n, zeroAddress, zeroAddress, signatures] as const;
  // Simulate first so a missing signature or a reverting call surfaces as an error, not as a mined failure.
  await client.simulateContract({ account, address: safe, abi: safeAbi, functionName: "execTransaction", args }).catch((error: unknown) => {
    throw new AdminSafeError(`admin Safe transaction refused: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  });
  const hash = await relayer.writeContract({ account, chain: null, address: safe, abi: safeAbi, functionName: "execTransaction", args });
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== "success") throw new AdminSafeError(`admin Safe transaction reverted (tx ${hash})`);
  return hash;
}
