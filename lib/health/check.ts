import "server-only";
import { db } from "@/lib/db";
import { encodeFunctionData, formatEther } from "viem";
import { entryPoint07Abi } from "viem/account-abstraction";
import { readDeployments } from "@/lib/chain/deployments";
import { env } from "@/lib/env";

export interface DependencyState {
  name: string;
  up: boolean;
  detail: string;
  latencyMs: number;
}

const ENTRY_POINT_V07 = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";

async function timed(name: string, probe: () => Promise<string>): Promise<DependencyState> {
  const started = performance.now();
  try {
    const detail = await probe();
    return { name, up: true, detail, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, up: false, detail: error instanceof Error ? error.message : "unreachable", latencyMs: Math.round(performance.now() - started) };
  }
}

async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(2_000),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error || body.result === undefined) throw new Error(body.error?.message ?? `no result from ${method}`);
  return body.result;
}

/** The state of every dependency, probed in parallel, each within two seconds. */
export async function checkDependencies(): Promise<DependencyState[]> {
  const config = env();
  return Promise.all([
    timed("database", async () => {
      await db().$queryRaw`SELECT 1`;
      return "PostgreSQL answers";
    }),
    timed("chain", async () => {
      const chainId = Number.parseInt(await rpc<string>(config.CHAIN_RPC_URL, "eth_chainId"), 16);
      if (chainId !== config.CHAIN_ID) throw new Error(`chain id ${chainId}, expected ${config.CHAIN_ID}`);
      const block = Number.parseInt(await rpc<string>(config.CHAIN_RPC_URL, "eth_blockNumber"), 16);
      return `chain ${chainId} at block ${block}`;
    }),
    timed("paymaster", async () => {
      const paymaster = readDeployments(config.DEPLOYMENTS_FILE, config.CHAIN_ID).contracts.HealthPaymaster;
      // EntryPoint.balanceOf(paymaster): the deposit that pays for every sponsored operation.
      const data = encodeFunctionData({ abi: entryPoint07Abi, functionName: "balanceOf", args: [paymaster] });
      const deposit = BigInt(await rpc<string>(config.CHAIN_RPC_URL, "eth_call", [{ to: ENTRY_POINT_V07, data }, "latest"]));
      const detail = `deposit ${formatEther(deposit)} ETH (minimum ${formatEther(config.PAYMASTER_MIN_DEPOSIT_WEI)})`;
      if (deposit < config.PAYMASTER_MIN_DEPOSIT_WEI) throw new Error(`${detail}: top it up`);
      return detail;
    }),
    timed("bundler", async () => {
      const entryPoints = await rpc<string[]>(config.BUNDLER_URL, "eth_supportedEntryPoints");
      if (!entryPoints.some((e) => e.toLowerCase() === ENTRY_POINT_V07.toLowerCase())) throw new Error("EntryPoint v0.7 not supported");
      return "EntryPoint v0.7 supported";
    }),
  ]);
}
