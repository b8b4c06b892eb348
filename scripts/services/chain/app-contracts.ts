import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  encodeDeployData,
  encodeFunctionData,
  keccak256,
  parseEther,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";
import type { AppContractName } from "@/lib/chain/deployments.ts";
import { APP_CONTRACTS } from "@/lib/chain/deployments.ts";
import type { SafeCall } from "@/lib/chain/safe-calls.ts";

/**
 * Deploys the app's own contracts from forge's build output (contracts/out). Plain CREATE from the deployer, so
 * constructors may use msg.sender freely; a contract is reused when code is still at its recorded address and its
 * creation code + arguments are unchanged (fingerprint), and redeployed otherwise (a rebuilt contract in development).
 */

const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const CONTRACTS_OUT = join(REPO_ROOT, "contracts", "out");

/** What a constructor may need: known roles and the contracts deployed before it. */
export interface DeployContext {
  entryPoint: Address;
  admin: Address;
  paymasterSigner: Address;
  deployed: Partial<Record<AppContractName, Address>>;
}

/** Constructor arguments per contract, in deployment order (dependencies first). */
const CONSTRUCTOR_ARGS: Record<AppContractName, (ctx: DeployContext) => readonly unknown[]> = {
  HealthPaymaster: (c) => [c.entryPoint, c.paymasterSigner, c.admin],
  AccessRegistry: (c) => [c.admin],
  ConsentRegistry: (c) => [c.deployed.AccessRegistry],
  CareToken: (c) => [c.admin],
  AuditAnchor: (c) => [c.deployed.AccessRegistry],
  PrescriptionRegistry: (c) => [c.deployed.AccessRegistry],
};

interface ForgeArtifact {
  abi: Abi;
  /** Absent for interfaces and abstract contracts (and mid-build). */
  bytecode?: { object: Hex };
}

function artifactPath(name: string): string {
  return join(CONTRACTS_OUT, `${name}.sol`, `${name}.json`);
}

export function readForgeArtifact(name: string): ForgeArtifact | undefined {
  const path = artifactPath(name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as ForgeArtifact) : undefined;
}

/** Builds the contracts when any deployable build output is missing (a fresh clone, or after `forge clean`). */
export function ensureContractsBuilt(log: (msg: string) => void): void {
  const missing = APP_CONTRACTS.filter((name) => !deployableBytecode(readForgeArtifact(name)));
  if (missing.length === 0) return;
  log(`chain: no build output for ${missing.join(", ")}, running forge build`);
  execFileSync(process.execPath, [join(REPO_ROOT, "scripts", "forge.mjs"), "build"], { cwd: REPO_ROOT, stdio: "inherit" });
}

function deployableBytecode(artifact: ForgeArtifact | undefined): Hex | undefined {
  const bytecode = artifact?.bytecode?.object;
  return bytecode && bytecode !== "0x" ? bytecode : undefined;
}

export interface AppDeployment {
  contracts: Record<AppContractName, Address>;
  fingerprints: Record<string, Hex>;
  deployedNames: AppContractName[];
}

export async function ensureAppContracts(
  client: PublicClient,
  wallet: WalletClient,
  ctx: Omit<DeployContext, "deployed">,
  previous: { contracts: Partial<Record<AppContractName, Address>>; fingerprints: Record<string, string> } | undefined,
  log: (msg: string) => void,
): Promise<AppDeployment> {
  const account = wallet.account;
  if (!account) throw new Error("ensureAppContracts: the wallet client needs an account");
  const contracts: Partial<Record<AppContractName, Address>> = {};
  const fingerprints: Record<string, Hex> = {};
  const deployedNames: AppContractName[] = [];

  for (const name of APP_CONTRACTS) {
    const artifact = readForgeArtifact(name);
    const bytecode = deployableBytecode(artifact);
    if (!artifact || !bytecode) throw new Error(`chain: contracts/out has no deployable ${name} (run node scripts/forge.mjs build)`);
    const data = encodeDeployData({ abi: artifact.abi, bytecode, args: CONSTRUCTOR_ARGS[name]({ ...ctx, deployed: contracts }) });
    const fingerprint = keccak256(data);
    const known = previous?.contracts[name];
    const code = known ? await client.getCode({ address: known }) : undefined;
    fingerprints[name] = fingerprint;
    if (known && code && code !== "0x" && previous?.fingerprints[name] === fingerprint) {
      contracts[name] = known;
      continue;
    }
    // Dependencies are passed to later constructors, so these are deployed one after another.
    const hash = await wallet.sendTransaction({ account, chain: null, data });
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success" || !receipt.contractAddress) {
      throw new Error(`deployment of ${name} failed (tx ${hash})`);
    }
    contracts[name] = receipt.contractAddress;
    deployedNames.push(name);
  }
  if (deployedNames.length) log(`chain: deployed ${deployedNames.join(", ")}`);
  return { contracts: contracts as Record<AppContractName, Address>, fingerprints, deployedNames };
}

const accessRegistryAbi = [
  { type: "function", name: "ANCHORER_ROLE", stateMutability: "view", inputs: [], outputs: [{ type: "bytes32" }] },
  { type: "function", name: "hasRole", stateMutability: "view", inputs: [{ name: "role", type: "bytes32" }, { name: "account", type: "address" }], outputs: [{ type: "bool" }] },
  { type: "function", name: "grantRole", stateMutability: "nonpayable", inputs: [{ name: "role", type: "bytes32" }, { name: "account", type: "address" }], outputs: [] },
] as const;

/** The operator anchors audit roots, which AuditAnchor allows only to ANCHORER_ROLE holders (granted by the admin). */
export async function ensureAnchorerRole(
  client: PublicClient,
  asAdmin: (calls: SafeCall[]) => Promise<unknown>,
  accessRegistry: Address,
  operator: Address,
  log: (msg: string) => void,
): Promise<void> {
  const role = await client.readContract({ address: accessRegistry, abi: accessRegistryAbi, functionName: "ANCHORER_ROLE" });
  if (await client.readContract({ address: accessRegistry, abi: accessRegistryAbi, functionName: "hasRole", args: [role, operator] })) return;
  const data = encodeFunctionData({ abi: accessRegistryAbi, functionName: "grantRole", args: [role, operator] });
  await asAdmin([{ to: accessRegistry, value: 0n, data }]);
  log(`chain: the admin Safe granted ANCHORER_ROLE to the operator ${operator}`);
}

/** Enough for thousands of sponsored operations on a local chain; topped up when it falls below half. */
export const PAYMASTER_DEPOSIT = parseEther("100");

const depositAbi = [
  { type: "function", name: "balanceOf", stateMutability: "view", inputs: [{ name: "account", type: "address" }], outputs: [{ type: "uint256" }] },
  { type: "function", name: "depositTo", stateMutability: "payable", inputs: [{ name: "account", type: "address" }], outputs: [] },
] as const;

/** Keeps the paymaster's EntryPoint deposit, which pays for every sponsored operation, above half of PAYMASTER_DEPOSIT. */
export async function ensurePaymasterDeposit(
  client: PublicClient,
  wallet: WalletClient,
  entryPoint: Address,
  paymaster: Address,
  log: (msg: string) => void,
): Promise<bigint> {
  const account = wallet.account;
  if (!account) throw new Error("ensurePaymasterDeposit: the wallet client needs an account");
  const balance = await client.readContract({ address: entryPoint, abi: depositAbi, functionName: "balanceOf", args: [paymaster] });
  if (balance >= PAYMASTER_DEPOSIT / 2n) return balance;
  const value = PAYMASTER_DEPOSIT - balance;
  const hash = await wallet.writeContract({ account, chain: null, address: entryPoint, abi: depositAbi, functionName: "depositTo", args: [paymaster], value });
  await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  log(`chain: deposited ${value / 10n ** 18n} ETH for HealthPaymaster on the EntryPoint`);
  return PAYMASTER_DEPOSIT;
}
