import { createPublicClient, defineChain, http, type Chain, type PublicClient } from "viem";
import { createBundlerClient, entryPoint07Address, type BundlerClient } from "viem/account-abstraction";
import { foundry } from "viem/chains";
import { createPimlicoClient } from "permissionless/clients/pimlico";
import type { Env } from "@/lib/env.ts";

/**
 * Chain and bundler clients, built from a config object rather than process.env so tests and scripts can point them
 * at their own stack. `chainConfigFromEnv` maps the validated environment onto it for the app.
 */

export interface ChainConfig {
  rpcUrl: string;
  bundlerUrl: string;
  chainId: number;
  /** How often to poll for receipts; viem's default for a local chain is seconds, which dominates latency. */
  pollingIntervalMs?: number;
}

export interface ChainClients {
  chain: Chain;
  publicClient: PublicClient;
  bundlerClient: BundlerClient;
}

export function chainConfigFromEnv(env: Pick<Env, "CHAIN_RPC_URL" | "BUNDLER_URL" | "CHAIN_ID">): ChainConfig {
  return { rpcUrl: env.CHAIN_RPC_URL, bundlerUrl: env.BUNDLER_URL, chainId: env.CHAIN_ID };
}

function chainFor(config: ChainConfig): Chain {
  if (config.chainId === foundry.id) return { ...foundry, rpcUrls: { default: { http: [config.rpcUrl] } } };
  return defineChain({
    id: config.chainId,
    name: `chain ${config.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
}

export function createChainClients(config: ChainConfig): ChainClients {
  const pollingInterval = config.pollingIntervalMs ?? (config.chainId === foundry.id ? 50 : 1_000);
  const chain = chainFor(config);
  const publicClient = createPublicClient({ chain, transport: http(config.rpcUrl), pollingInterval });
  const bundlerTransport = http(config.bundlerUrl);
  // The bundler's own gas price (pimlico_getUserOperationGasPrice): it rejects operations priced below it.
  const pimlico = createPimlicoClient({
    chain,
    transport: bundlerTransport,
    entryPoint: { address: entryPoint07Address, version: "0.7" },
    pollingInterval,
  });
  const bundlerClient = createBundlerClient({
    chain,
    client: publicClient,
    transport: bundlerTransport,
    pollingInterval,
    userOperation: { estimateFeesPerGas: async () => (await pimlico.getUserOperationGasPrice()).fast },
  });
  return { chain, publicClient, bundlerClient };
}
