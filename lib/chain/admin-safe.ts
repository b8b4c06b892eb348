import Safe, { EthSafeSignature, type ContractNetworksConfig, type Eip1193Provider } from "@safe-global/protocol-kit";
import {
  BaseError,
  concat,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  getContractAddress,
  hexToBigInt,
  isAddressEqual,
  keccak256,
  parseAbi,
  zeroAddress,
  type Account,
  type Address,
  type Hex,
  type PublicClient,
  type RpcTransactionRequest,
  type WalletClient,
} from "viem";
import type { ChainDeployment } from "./deployments.ts";
import type { SafeCall } from "./safe-calls.ts";

/**
 * The admin Safe: a multi-owner Safe (2-of-3) that owns the app contracts. Admin actions are Safe transactions
 * signed by `threshold` owners (EIP-712 SafeTx) and relayed by any account that pays the gas, so no single key can
 * mint tokens, verify clinicians or change the paymaster signer.
 *
 * Safe transactions are built, hashed, signed and executed with @safe-global/protocol-kit; it talks only to the
 * given client's RPC (our own chain) and never to a Safe Transaction Service. The deployment itself
 * (`ensureAdminSafe`) stays a plain proxy-factory call: its address must stay what existing chain state holds.
 */

export const safeAbi = parseAbi([
  "function setup(address[] owners, uint256 threshold, address to, bytes data, address fallbackHandler, address paymentToken, uint256 payment, address paymentReceiver)",
  "function nonce() view returns (uint256)",
  "function getThreshold() view returns (uint256)",
  "function getOwners() view returns (address[])",
]);
export const safeProxyFactoryAbi = parseAbi([
  "function createProxyWithNonce(address singleton, bytes initializer, uint256 saltNonce) returns (address)",
  "function proxyCreationCode() pure returns (bytes)",
]);

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


/** Where a Safe transaction runs: the Safe, its chain's client and the chain's Safe contracts (multiSend etc.). */
export interface SafeTarget {
  client: PublicClient;
  safe: Address;
  deployment: Pick<ChainDeployment, "chainId" | "safe">;
}

/** A Safe transaction as the owners sign it (EIP-712 SafeTx). No gas refund: only the call and the nonce vary. */
export interface SafeTx {
  to: Address;
  value: bigint;
  data: Hex;
  operation: 0 | 1;
  safeTxGas: bigint;
  baseGas: bigint;
  gasPrice: bigint;
  gasToken: Address;
  refundReceiver: Address;
  nonce: bigint;
}

/** One owner's signature of a SafeTx, as stored until enough owners have signed. */
export interface SafeTxSignature {
  owner: Address;
  signature: Hex;
}

/** protocol-kit knows the canonical Safe addresses of public chains only; ours come from the deployments file. */
export function safeContractNetworks(deployment: Pick<ChainDeployment, "chainId" | "safe">): ContractNetworksConfig {
  return {
    [String(deployment.chainId)]: {
      safeSingletonAddress: deployment.safe.singleton,
      safeProxyFactoryAddress: deployment.safe.proxyFactory,
      multiSendAddress: deployment.safe.multiSend,
      multiSendCallOnlyAddress: deployment.safe.multiSendCallOnly,
      fallbackHandlerAddress: deployment.safe.fallbackHandler,
    },
  };
}

/** The client as an EIP-1193 provider: protocol-kit's requests go to its RPC URL and nowhere else. */
const rpcOf = (client: PublicClient): Eip1193Provider => ({
  request: (args) => client.request(args as Parameters<PublicClient["request"]>[0]),
});

/** A protocol-kit instance for the Safe; `signer` is an owner key (to sign) or the relayer's address (to execute). */
function connect(target: SafeTarget, opts: { provider?: Eip1193Provider; signer?: string } = {}): Promise<Safe> {
  return Safe.init({
    provider: opts.provider ?? rpcOf(target.client),
    signer: opts.signer,
    safeAddress: target.safe,
    contractNetworks: safeContractNetworks(target.deployment),
  });
}

/** One call as is; several batched in a DELEGATECALL to MultiSendCallOnly (which can make plain calls only). */
function createSafeTransaction(kit: Safe, calls: readonly SafeCall[], nonce: bigint) {
  if (calls.length === 0) throw new AdminSafeError("a Safe transaction needs at least one call");
  return kit.createTransaction({
    transactions: calls.map((c) => ({ to: c.to, value: c.value.toString(), data: c.data })),
    onlyCalls: true,
    // safeTxGas 0 (and no refund) makes the Safe revert the whole transaction when a call fails.
    options: { nonce: Number(nonce), safeTxGas: "0", baseGas: "0", gasPrice: "0" },
  });
}

function toSafeTx(data: Awaited<ReturnType<typeof createSafeTransaction>>["data"]): SafeTx {
  return {
    to: data.to as Address,
    value: BigInt(data.value),
    data: data.data as Hex,
    operation: data.operation === 1 ? 1 : 0,
    safeTxGas: BigInt(data.safeTxGas),
    baseGas: BigInt(data.baseGas),
    gasPrice: BigInt(data.gasPrice),
    gasToken: data.gasToken as Address,
    refundReceiver: data.refundReceiver as Address,
    nonce: BigInt(data.nonce),
  };
}

/** The SafeTx the owners sign for these calls at this nonce, and its hash (what each signature covers). */
export async function buildSafeTx(target: SafeTarget, calls: readonly SafeCall[], nonce: bigint): Promise<{ tx: SafeTx; hash: Hex }> {
  const kit = await connect(target);
  const tx = await createSafeTransaction(kit, calls, nonce);
  return { tx: toSafeTx(tx.data), hash: (await kit.getTransactionHash(tx)) as Hex };
}

/** One owner's EIP-712 signature of the SafeTx for these calls at this nonce; refused when the key owns no share. */
export async function signSafeTx(target: SafeTarget, ownerKey: Hex, calls: readonly SafeCall[], nonce: bigint): Promise<SafeTxSignature> {
  const kit = await connect(target, { signer: ownerKey });
  const tx = await createSafeTransaction(kit, calls, nonce);
  const signed = await kit.signTransaction(tx).catch((error: unknown) => {
    throw new AdminSafeError(`the admin Safe will not take this signature: ${(error as Error).message}`, { cause: error });
  });
  const [signature] = [...signed.signatures.values()];
  if (!signature) throw new AdminSafeError("protocol-kit returned no signature");
  return { owner: signature.signer as Address, signature: signature.data as Hex };
}

/** The Safe's next nonce, its threshold and its owners. */
export async function readSafeState(target: SafeTarget): Promise<{ nonce: bigint; threshold: number; owners: readonly Address[] }> {
  const kit = await connect(target);
  const [nonce, threshold, owners] = await Promise.all([kit.getNonce(), kit.getThreshold(), kit.getOwners()]);
  return { nonce: BigInt(nonce), threshold, owners: owners as Address[] };
}

/**
 * The relayer as a wallet for protocol-kit (an EIP-1193 provider, like a browser wallet): its key stays in the viem
 * account and signs the execTransaction it is asked to send; every other request goes to the target's RPC.
 */
function relayerProvider(client: PublicClient, relayer: WalletClient, account: Account): Eip1193Provider {
  return {
    async request({ method, params }) {
      if (method === "eth_accounts" || method === "eth_requestAccounts") return [account.address];
      if (method === "eth_sendTransaction" || method === "wallet_sendTransaction") {
        const [tx] = params as [RpcTransactionRequest];
        if (tx.from && !isAddressEqual(tx.from, account.address)) throw new AdminSafeError(`the relayer cannot send from ${tx.from}`);
        return relayer.sendTransaction({
          account,
          chain: null,
          to: tx.to ?? undefined,
          data: tx.data,
          value: tx.value === undefined ? undefined : hexToBigInt(tx.value),
          gas: tx.gas === undefined ? undefined : hexToBigInt(tx.gas),
        });
      }
      return rpcOf(client).request({ method, params });
    },
  };
}

/** Why the Safe refused, in words: its own error codes (GS0xx) mean little to the administrator reading them. */
const SAFE_ERRORS: Record<string, string> = {
  GS013: "a call in it failed",
  GS020: "it has fewer signatures than the threshold",
  GS025: "a signature does not match the transaction",
  GS026: "a signature is not from a current owner, or not for this transaction and nonce",
};

function refusal(error: unknown): string {
  const detail = error instanceof BaseError ? error.details || error.shortMessage : String(error);
  const code = /GS0\d\d/.exec(error instanceof BaseError ? `${error.message}` : detail)?.[0];
  return code && SAFE_ERRORS[code] ? `${SAFE_ERRORS[code]} (${code})` : detail.split("\n")[0]!;
}

/**
 * Relays the SafeTx for these calls at this nonce with the collected owner signatures (any order), paid by the
 * relayer. Simulated first, so too few or wrong signatures, a stale nonce or a reverting call is an AdminSafeError
 * and nothing is mined (the Safe's nonce is not used up).
 */
export async function execSafeTx(
  target: SafeTarget & { relayer: WalletClient; calls: readonly SafeCall[]; nonce: bigint; signatures: readonly { owner: string; signature: string }[] },
): Promise<Hex> {
  const { client, relayer } = target;
  const account = relayer.account;
  if (!account) throw new AdminSafeError("the relayer needs an account");
  const kit = await connect(target, { provider: relayerProvider(client, relayer, account), signer: account.address });
  const tx = await createSafeTransaction(kit, target.calls, target.nonce);
  for (const s of target.signatures) tx.addSignature(new EthSafeSignature(s.owner, s.signature));
  await client.call({ account: account.address, to: target.safe, data: (await kit.getEncodedTransaction(tx)) as Hex }).catch((error: unknown) => {
    throw new AdminSafeError(`the admin Safe refused the transaction: ${refusal(error)}`, { cause: error });
  });
  const { hash } = await kit.executeTransaction(tx);
  const receipt = await client.waitForTransactionReceipt({ hash: hash as Hex, pollingInterval: 20 });
  if (receipt.status !== "success") throw new AdminSafeError(`the admin Safe transaction reverted (tx ${hash})`);
  return hash as Hex;
}

/**
 * Executes calls as the Safe at its current nonce, signed here by each of the given owner keys (local chain set-up,
 * scripts): the same path as proposals, whose signatures are collected from two administrators instead.
 */
export async function execAdminCalls(
  target: SafeTarget & { relayer: WalletClient; ownerKeys: readonly Hex[]; calls: readonly SafeCall[] },
): Promise<Hex> {
  const { nonce } = await readSafeState(target);
  const signatures = await Promise.all(target.ownerKeys.map((key) => signSafeTx(target, key, target.calls, nonce)));
  return execSafeTx({ ...target, nonce, signatures });
}
