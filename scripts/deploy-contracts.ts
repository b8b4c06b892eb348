/**
 * Production deployment of the app contracts to the chain at CHAIN_RPC_URL (an L2 testnet such as Base Sepolia):
 *
 *   CHAIN_RPC_URL=https://sepolia.base.org CHAIN_ID=84532 DEPLOYER_KEY=0x… ADMIN_SAFE_ADDRESS=0x… \
 *   PAYMASTER_SIGNER_ADDRESS=0x… OPERATOR_KEY=0x… npx tsx scripts/deploy-contracts.ts [--deposit-eth 0.05]
 *
 * - checks the chain id, that ADMIN_SAFE_ADDRESS is a Safe (its owners and threshold are printed) and that the
 *   canonical EntryPoint v0.7 and Safe 1.4.1 + Safe4337Module contracts are there (deploying any that are missing
 *   through their deterministic factories, at the same addresses as everywhere);
 * - deploys AccessRegistry, ConsentRegistry, CareToken, AuditAnchor, PrescriptionRegistry and HealthPaymaster from
 *   DEPLOYER_KEY with the admin Safe as their owner/admin from the constructor on: the deployer keeps no power;
 * - writes their addresses to DEPLOYMENTS_FILE (contracts/deployments.json) under the chain id; run again, it reuses
 *   what is deployed and unchanged (same fingerprint) and deploys only what changed;
 * - with --deposit-eth, funds HealthPaymaster's EntryPoint deposit from the deployer (anyone may deposit).
 * What only the admin Safe may do is left to the administrators, in the portal's Contracts page: allow the operator
 * (OPERATOR_KEY's address, printed) to anchor the audit trail, and verify clinicians.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createPublicClient, createWalletClient, formatEther, http, parseEther, type Address, type Hex, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { safeAbi } from "../lib/chain/admin-safe.ts";
import { createChainClients } from "../lib/chain/clients.ts";
import { chainDeploymentSchema, parseDeploymentsFile, type ChainDeployment } from "../lib/chain/deployments.ts";
import { envSchema } from "../lib/env.ts";
import { ensureAppContracts, ensureContractsBuilt } from "./services/chain/app-contracts.ts";
import { ensureCanonicalDeployments, safeDeploymentOf } from "./services/chain/canonical.ts";

export interface DeployOptions {
  rpcUrl: string;
  chainId: number;
  deployerKey: Hex;
  adminSafe: Address;
  paymasterSigner: Address;
  operator?: Address;
  deploymentsFile: string;
  depositWei?: bigint;
  log?: (msg: string) => void;
}

const depositAbi = [
  { type: "function", name: "depositTo", stateMutability: "payable", inputs: [{ name: "account", type: "address" }], outputs: [] },
  { type: "function", name: "balanceOf", stateMutability: "view", inputs: [{ name: "account", type: "address" }], outputs: [{ type: "uint256" }] },
] as const;

async function describeSafe(client: PublicClient, safe: Address): Promise<{ threshold: bigint; owners: readonly Address[] }> {
  const code = await client.getCode({ address: safe });
  if (!code || code === "0x") throw new Error(`ADMIN_SAFE_ADDRESS ${safe} has no code on this chain: deploy the admin Safe first`);
  try {
    const [threshold, owners] = await Promise.all([
      client.readContract({ address: safe, abi: safeAbi, functionName: "getThreshold" }),
      client.readContract({ address: safe, abi: safeAbi, functionName: "getOwners" }),
    ]);
    return { threshold, owners };
  } catch {
    throw new Error(`ADMIN_SAFE_ADDRESS ${safe} is not a Safe (getThreshold/getOwners failed)`);
  }
}

export async function deployContracts(opts: DeployOptions): Promise<ChainDeployment> {
  const log = opts.log ?? console.log;
  const transport = http(opts.rpcUrl);
  const client = createPublicClient({ transport, pollingInterval: 1_000 }) as PublicClient;
  const chainId = await client.getChainId();
  if (chainId !== opts.chainId) throw new Error(`CHAIN_ID is ${opts.chainId} but ${opts.rpcUrl} is chain ${chainId}`);
  const deployer = privateKeyToAccount(opts.deployerKey);
  const wallet = createWalletClient({ transport, account: deployer, chain: createChainClients({ rpcUrl: opts.rpcUrl, bundlerUrl: opts.rpcUrl, chainId }).chain });
  log(`chain ${chainId}; deployer ${deployer.address} with ${formatEther(await client.getBalance({ address: deployer.address }))} ETH`);

  const safe = await describeSafe(client, opts.adminSafe);
  log(`admin Safe ${opts.adminSafe}: ${safe.threshold} of ${safe.owners.length} owners (${safe.owners.join(", ")})`);
  if (safe.threshold < 2n) log("warning: the admin Safe needs only one signature; use 2 or more owners in production");

  ensureContractsBuilt(log);
  const canonical = await ensureCanonicalDeployments(client, wallet, log);
  if (canonical.deployed) log(`deployed ${canonical.deployed} missing canonical contract(s)`);

  const file = existsSync(opts.deploymentsFile) ? parseDeploymentsFile(JSON.parse(readFileSync(opts.deploymentsFile, "utf8"))) : {};
  const previous = file[String(chainId)];
  const startBlock = previous?.startBlock ?? Number(await client.getBlockNumber());
  const app = await ensureAppContracts(
    client,
    wallet,
    { entryPoint: canonical.addresses.entryPoint, admin: opts.adminSafe, paymasterSigner: opts.paymasterSigner },
    previous?.admin === opts.adminSafe ? previous : undefined,
    log,
  );
  const deployment = chainDeploymentSchema.parse({
    chainId,
    entryPoint: canonical.addresses.entryPoint,
    safe: safeDeploymentOf(canonical.addresses),
    contracts: app.contracts,
    startBlock,
    admin: opts.adminSafe,
    paymasterSigner: opts.paymasterSigner,
    fingerprints: app.fingerprints,
  });
  const tmp = `${opts.deploymentsFile}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ ...file, [String(chainId)]: deployment }, null, 2)}\n`);
  renameSync(tmp, opts.deploymentsFile);
  log(`wrote chain ${chainId} to ${opts.deploymentsFile}: ${app.deployedNames.length ? `deployed ${app.deployedNames.join(", ")}` : "nothing new to deploy"}`);

  if (opts.depositWei) {
    const hash = await wallet.writeContract({ address: canonical.addresses.entryPoint, abi: depositAbi, functionName: "depositTo", args: [deployment.contracts.HealthPaymaster], value: opts.depositWei });
    await client.waitForTransactionReceipt({ hash });
    const balance = await client.readContract({ address: canonical.addresses.entryPoint, abi: depositAbi, functionName: "balanceOf", args: [deployment.contracts.HealthPaymaster] });
    log(`HealthPaymaster's EntryPoint deposit is now ${formatEther(balance)} ETH`);
  }
  log("next, in the portal's Contracts page (two administrators):");
  log(`  "Allow an account to anchor the audit trail": ${opts.operator ?? "the address of OPERATOR_KEY"}`);
  log('  "Verify a doctor\'s wallet as a clinician" for each clinician');
  return deployment;
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? "")}`) {
  const env = envSchema
    .pick({ CHAIN_RPC_URL: true, CHAIN_ID: true, DEPLOYMENTS_FILE: true, ADMIN_SAFE_ADDRESS: true, DEPLOYER_KEY: true, PAYMASTER_SIGNER_KEY: true, PAYMASTER_SIGNER_ADDRESS: true, OPERATOR_KEY: true })
    .parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)));
  const missing = (["DEPLOYER_KEY", "ADMIN_SAFE_ADDRESS"] as const).filter((k) => !env[k]);
  const signer = env.PAYMASTER_SIGNER_ADDRESS ?? (env.PAYMASTER_SIGNER_KEY && privateKeyToAccount(env.PAYMASTER_SIGNER_KEY as Hex).address);
  if (!signer) missing.push("PAYMASTER_SIGNER_ADDRESS" as never);
  if (missing.length) {
    console.error(`missing: ${missing.join(", ")} (see the header of scripts/deploy-contracts.ts and README "Deploying to a real network")`);
    process.exit(2);
  }
  const depositAt = process.argv.indexOf("--deposit-eth");
  await deployContracts({
    rpcUrl: env.CHAIN_RPC_URL,
    chainId: env.CHAIN_ID,
    deployerKey: env.DEPLOYER_KEY as Hex,
    adminSafe: env.ADMIN_SAFE_ADDRESS as Address,
    paymasterSigner: signer as Address,
    operator: env.OPERATOR_KEY ? privateKeyToAccount(env.OPERATOR_KEY as Hex).address : undefined,
    deploymentsFile: resolve(env.DEPLOYMENTS_FILE),
    depositWei: depositAt > 0 ? parseEther(process.argv[depositAt + 1] ?? "0") : undefined,
  });
}
