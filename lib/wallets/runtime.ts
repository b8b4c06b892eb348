import "server-only";
import { statSync } from "node:fs";
import { createChainClients, chainConfigFromEnv, type ChainClients } from "@/lib/chain/clients";
import { readDeployments, type ChainDeployment } from "@/lib/chain/deployments";
import { env } from "@/lib/env";

/**
 * This process's view of the chain, from the environment: clients for the RPC node and the bundler, and the
 * deployments file (re-read when it changes, e.g. after `npm start` redeployed a rebuilt contract).
 */

let clients: ChainClients | undefined;
let deployments: { mtimeMs: number; value: ChainDeployment } | undefined;

export function chainClients(): ChainClients {
  clients ??= createChainClients(chainConfigFromEnv(env()));
  return clients;
}

export function chainDeployments(): ChainDeployment {
  const { DEPLOYMENTS_FILE, CHAIN_ID } = env();
  const mtimeMs = statSync(DEPLOYMENTS_FILE).mtimeMs;
  if (deployments?.mtimeMs !== mtimeMs) deployments = { mtimeMs, value: readDeployments(DEPLOYMENTS_FILE, CHAIN_ID) };
  return deployments.value;
}
