import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  concat,
  encodeDeployData,
  getContractAddress,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
  zeroHash,
} from "viem";
import { entryPoint07Address } from "viem/account-abstraction";

/**
 * Reproduces the canonical ERC-4337 and Safe deployments on a local chain, byte for byte, from the npm build files,
 * so that permissionless and viem find everything at the addresses they already know (no custom address tables).
 */

const require = createRequire(import.meta.url);

/** Arachnid's deterministic deployer: anvil has it at genesis. Calldata = salt ‖ initCode, deploys with CREATE2. */
export const DETERMINISTIC_DEPLOYER: Address = "0x4e59b44847b379578588920ca78fbf26c0b4956c";
const ENTRY_POINT_SALT: Hex = "0x90d8084deab30c2a37c45e8d47f49f2f7965183cb6990a98943ef94940681de3";

interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

function npmArtifact(path: string): Artifact {
  const json = JSON.parse(readFileSync(require.resolve(path), "utf8")) as Artifact;
  return { abi: json.abi, bytecode: json.bytecode };
}

const SAFE_ARTIFACTS = {
  safeSingleton: "Safe.sol/Safe",
  safeL2Singleton: "SafeL2.sol/SafeL2",
  safeProxyFactory: "proxies/SafeProxyFactory.sol/SafeProxyFactory",
  multiSend: "libraries/MultiSend.sol/MultiSend",
  multiSendCallOnly: "libraries/MultiSendCallOnly.sol/MultiSendCallOnly",
  fallbackHandler: "handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler",
  signMessageLib: "libraries/SignMessageLib.sol/SignMessageLib",
  createCall: "libraries/CreateCall.sol/CreateCall",
  simulateTxAccessor: "accessors/SimulateTxAccessor.sol/SimulateTxAccessor",
} as const;

export type CanonicalAddresses = {
  entryPoint: Address;
  safeSingletonFactory: Address;
  safe4337Module: Address;
  safeModuleSetup: Address;
} & Record<keyof typeof SAFE_ARTIFACTS, Address>;

interface Step {
  name: keyof CanonicalAddresses;
  via: Address;
  salt: Hex;
  initCode: Hex;
}

/** CREATE2 through a factory whose calldata is salt ‖ initCode (both the Arachnid and the Safe singleton factory). */
function create2Step(name: Step["name"], via: Address, salt: Hex, initCode: Hex): Step & { address: Address } {
  return { name, via, salt, initCode, address: getContractAddress({ opcode: "CREATE2", from: via, salt, bytecode: initCode }) };
}

function safeSingletonFactoryDeployment(chainId: number) {
  const path = `@safe-global/safe-singleton-factory/artifacts/${chainId}/deployment.json`;
  return JSON.parse(readFileSync(require.resolve(path), "utf8")) as {
    gasPrice: number;
    gasLimit: number;
    signerAddress: Address;
    transaction: Hex;
    address: Address;
  };
}

function plan(chainId: number) {
  const factory = safeSingletonFactoryDeployment(chainId).address;
  const entryPoint = npmArtifact("@account-abstraction/contracts/artifacts/EntryPoint.json");
  const safe4337 = "@safe-global/safe-4337/build/artifacts/contracts";
  const module = npmArtifact(`${safe4337}/Safe4337Module.sol/Safe4337Module.json`);
  const moduleSetup = npmArtifact(`${safe4337}/SafeModuleSetup.sol/SafeModuleSetup.json`);
  return [
    create2Step("entryPoint", DETERMINISTIC_DEPLOYER, ENTRY_POINT_SALT, entryPoint.bytecode),
    ...Object.entries(SAFE_ARTIFACTS).map(([name, path]) =>
      create2Step(
        name as keyof typeof SAFE_ARTIFACTS,
        factory,
        zeroHash,
        npmArtifact(`@safe-global/safe-contracts/build/artifacts/contracts/${path}.json`).bytecode,
      ),
    ),
    // Safe's own 4337 deployment used the Arachnid deployer, not the Safe factory.
    create2Step(
      "safe4337Module",
      DETERMINISTIC_DEPLOYER,
      zeroHash,
      encodeDeployData({ abi: module.abi, bytecode: module.bytecode, args: [entryPoint07Address] }),
    ),
    create2Step("safeModuleSetup", DETERMINISTIC_DEPLOYER, zeroHash, moduleSetup.bytecode),
  ];
}

async function hasCode(client: PublicClient, address: Address): Promise<boolean> {
  const code = await client.getCode({ address });
  return code !== undefined && code !== "0x";
}

/** The Safe contracts a deployment records (lib/chain/deployments.ts `safe`), from the canonical addresses. */
export function safeDeploymentOf(addresses: CanonicalAddresses) {
  return {
    singleton: addresses.safeSingleton,
    proxyFactory: addresses.safeProxyFactory,
    multiSend: addresses.multiSend,
    multiSendCallOnly: addresses.multiSendCallOnly,
    fallbackHandler: addresses.fallbackHandler,
    safe4337Module: addresses.safe4337Module,
    safeModuleSetup: addresses.safeModuleSetup,
  };
}

/** Deploys whatever of the canonical set is missing; returns every address and how many were deployed. */
export async function ensureCanonicalDeployments(
  client: PublicClient,
  wallet: WalletClient,
  log: (msg: string) => void,
): Promise<{ addresses: CanonicalAddresses; deployed: number }> {
  const chainId = await client.getChainId();
  const factory = safeSingletonFactoryDeployment(chainId);
  const account = wallet.account;
  if (!account) throw new Error("ensureCanonicalDeployments: the wallet client needs an account");

  let deployed = 0;
  if (!(await hasCode(client, factory.address))) {
    // The factory ships as a pre-signed, chain-specific transaction: fund its one-off signer, then replay it.
    const cost = BigInt(factory.gasPrice) * BigInt(factory.gasLimit);
    const fund = await wallet.sendTransaction({ account, chain: null, to: factory.signerAddress, value: cost });
    await client.waitForTransactionReceipt({ hash: fund, pollingInterval: 20 });
    const hash = await client.sendRawTransaction({ serializedTransaction: factory.transaction });
    await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    deployed++;
  }

  const steps = plan(chainId);
  const missing = [];
  for (const step of steps) if (!(await hasCode(client, step.address))) missing.push(step);
  // Sent back to back with explicit nonces, then awaited together: one round trip per block instead of three.
  let nonce = await client.getTransactionCount({ address: account.address, blockTag: "pending" });
  const hashes: Hex[] = [];
  for (const step of missing) {
    hashes.push(
      await wallet.sendTransaction({
        account,
        chain: null,
        to: step.via,
        data: concat([step.salt, step.initCode]),
        gas: 8_000_000n,
        nonce: nonce++,
      }),
    );
  }
  for (const [i, hash] of hashes.entries()) {
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    const step = missing[i]!;
    if (receipt.status !== "success" || !(await hasCode(client, step.address))) {
      throw new Error(`canonical deployment of ${step.name} at ${step.address} failed (tx ${hash})`);
    }
  }
  deployed += missing.length;
  if (missing.length) log(`chain: deployed ${missing.map((s) => s.name).join(", ")}`);

  const addresses = Object.fromEntries(steps.map((s) => [s.name, s.address])) as CanonicalAddresses;
  addresses.safeSingletonFactory = factory.address;
  return { addresses, deployed };
}
