import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createPublicClient, createWalletClient, http } from "viem";
import { entryPoint07Address } from "viem/account-abstraction";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { ensureAdminSafe, execAdminCalls } from "@/lib/chain/admin-safe.ts";
import type { SafeCall } from "@/lib/chain/safe-calls.ts";
import { chainDeploymentSchema, parseDeploymentsFile, type ChainDeployment, type DeploymentsFile } from "@/lib/chain/deployments.ts";
import { ensureAnchorerRole, ensureAppContracts, ensureContractsBuilt, ensurePaymasterDeposit } from "./chain/app-contracts.ts";
import { ensureCanonicalDeployments, safeDeploymentOf } from "./chain/canonical.ts";
import { DEV_KEYS } from "./chain/dev-keys.ts";
import { startAlto, startAnvil, stopStale, type OwnedProcess } from "./chain/processes.ts";

export { DEV_KEYS } from "./chain/dev-keys.ts";
export type Deployments = ChainDeployment;

/** Signatures the local admin Safe needs (of DEV_KEYS.adminOwners). */
export const ADMIN_THRESHOLD = 2;

/**
 * The local chain stack for development and tests: anvil (state kept under dataDir), the canonical ERC-4337 and Safe
 * deployments, a 2-of-3 admin Safe, the app's contracts owned by it, a funded HealthPaymaster and the alto bundler.
 * Idempotent: a second start on the same dataDir loads the saved chain and deploys nothing.
 *
 * Local addresses go to `${dataDir}/deployments.json` (pass it to the app as DEPLOYMENTS_FILE): they belong to that
 * chain's state file, so they are never committed; contracts/deployments.json is reserved for production chains.
 */

export interface ChainStack {
  rpcUrl: string;
  bundlerUrl: string;
  deployments: Deployments;
  /** Where the deployments were written (the app's DEPLOYMENTS_FILE). */
  deploymentsFile: string;
  /** Milliseconds from the call to ready, and whether anything had to be deployed (a cold start). */
  readyMs: number;
  cold: boolean;
  stop(): Promise<void>;
}

export async function startChain(opts: {
  dataDir: string;
  rpcPort: number;
  bundlerPort: number;
  log: (msg: string) => void;
}): Promise<ChainStack> {
  const started = performance.now();
  const { dataDir, log } = opts;
  mkdirSync(dataDir, { recursive: true });
  const anvilPidFile = join(dataDir, "anvil.pid");
  const altoPidFile = join(dataDir, "alto.pid");
  await stopStale(altoPidFile, "alto", log);
  await stopStale(anvilPidFile, "anvil", log);
  ensureContractsBuilt(log);

  const stateFile = join(dataDir, "anvil-state.json");
  const anvil = await startAnvil({
    port: opts.rpcPort,
    stateFile,
    pidFile: anvilPidFile,
    chainId: foundry.id,
    stateIntervalSeconds: 5,
  });
  const anvilReadyMs = Math.round(performance.now() - started);
  let altoStarting: Promise<OwnedProcess> | undefined;
  const stop = async () => {
    // The bundler first (once its start has settled), so it does not submit to a chain that is going away;
    // anvil dumps its state on SIGTERM.
    const alto = await altoStarting?.catch(() => undefined);
    await alto?.stop();
    await anvil.stop();
  };

  try {
    const rpcUrl = `http://127.0.0.1:${opts.rpcPort}`;
    const transport = http(rpcUrl);
    const client = createPublicClient({ chain: foundry, transport, pollingInterval: 20 });
    const deployer = privateKeyToAccount(DEV_KEYS.deployer);
    const wallet = createWalletClient({ chain: foundry, transport, account: deployer });

    // alto needs only the EntryPoint. Its ~2 s boot (mostly loading its modules) overlaps the deployment checks;
    // it uses its own accounts, so no nonce clashes with the deployer.
    const launchAlto = () =>
      startAlto({
        port: opts.bundlerPort,
        rpcUrl,
        entryPoint: entryPoint07Address,
        executorKey: DEV_KEYS.bundlerExecutor,
        utilityKey: DEV_KEYS.bundlerUtility,
        pidFile: altoPidFile,
      });
    const entryPointCode = await client.getCode({ address: entryPoint07Address });
    if (entryPointCode && entryPointCode !== "0x") altoStarting = launchAlto();
    const canonical = await ensureCanonicalDeployments(client, wallet, log);
    altoStarting ??= launchAlto();
    const safe = safeDeploymentOf(canonical.addresses);
    // The app contracts are owned by a 2-of-3 Safe, as in production; the deployer only relays its transactions.
    const adminSafe = await ensureAdminSafe(client, wallet, { safe }, {
      owners: DEV_KEYS.adminOwners.map((k) => privateKeyToAccount(k).address),
      threshold: ADMIN_THRESHOLD,
    });
    if (adminSafe.deployed) log(`chain: deployed the ${ADMIN_THRESHOLD}-of-3 admin Safe ${adminSafe.address}`);
    const admin = adminSafe.address;
    const asAdmin = (calls: SafeCall[]) =>
      execAdminCalls({
        client,
        relayer: wallet,
        safe: admin,
        deployment: { chainId: foundry.id, safe },
        ownerKeys: DEV_KEYS.adminOwners.slice(0, ADMIN_THRESHOLD),
        calls,
      });

    const deploymentsFile = join(dataDir, "deployments.json");
    const file = readDeploymentsFile(deploymentsFile, log);
    const previous = file[String(foundry.id)];
    const startBlock = previous?.startBlock ?? Number(await client.getBlockNumber());
    const app = await ensureAppContracts(
      client,
      wallet,
      {
        entryPoint: canonical.addresses.entryPoint,
        admin,
        paymasterSigner: privateKeyToAccount(DEV_KEYS.paymasterSigner).address,
      },
      previous,
      log,
    );
    const deposit = await ensurePaymasterDeposit(client, wallet, canonical.addresses.entryPoint, app.contracts.HealthPaymaster, log);
    await ensureAnchorerRole(client, asAdmin, app.contracts.AccessRegistry, privateKeyToAccount(DEV_KEYS.operator).address, log);

    const deployments = chainDeploymentSchema.parse({
      chainId: foundry.id,
      entryPoint: canonical.addresses.entryPoint,
      safe,
      contracts: app.contracts,
      startBlock,
      admin,
      paymasterSigner: privateKeyToAccount(DEV_KEYS.paymasterSigner).address,
      fingerprints: app.fingerprints,
    });
    writeJsonAtomically(deploymentsFile, { ...file, [String(foundry.id)]: deployments });

    const contractsReadyMs = Math.round(performance.now() - started);
    await altoStarting;

    const cold = canonical.deployed > 0 || adminSafe.deployed || app.deployedNames.length > 0;
    const readyMs = Math.round(performance.now() - started);
    log(
      `chain: ready in ${readyMs} ms (anvil ${anvilReadyMs}, contracts ${contractsReadyMs}, alto ${readyMs}; ` +
        `${cold ? "deployed" : "reused state"}), rpc ${rpcUrl}, bundler http://127.0.0.1:${opts.bundlerPort}, ` +
        `paymaster deposit ${deposit / 10n ** 18n} ETH`,
    );
    return { rpcUrl, bundlerUrl: `http://127.0.0.1:${opts.bundlerPort}`, deployments, deploymentsFile, readyMs, cold, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The existing file, or empty when there is none; an unreadable file is set aside rather than trusted. */
function readDeploymentsFile(path: string, log: (msg: string) => void): DeploymentsFile {
  if (!existsSync(path)) return {};
  try {
    return parseDeploymentsFile(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    log(`chain: ignoring ${path}: ${(error as Error).message}`);
    return {};
  }
}

/** Write-then-rename, so a reader (the app) never sees half a file. */
function writeJsonAtomically(path: string, value: unknown): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}
