import "server-only";
import { log } from "@/lib/log";
import { chainClients, chainDeployments } from "@/lib/wallets/runtime";
import type { WorkerJob } from "@/lib/worker/job";
import { indexConsentEvents } from "./indexer";

/** The worker's consent indexer: follows ConsentRegistry's events into the Consent mirror every two seconds. */
export const consentIndexerJob: WorkerJob = {
  name: "consent-indexer",
  intervalMs: 2_000,
  async run(signal) {
    const deployments = chainDeployments();
    const chain = {
      publicClient: chainClients().publicClient,
      chainId: deployments.chainId,
      registry: deployments.contracts.ConsentRegistry,
      startBlock: BigInt(deployments.startBlock),
    };
    while (!signal.aborted) {
      const result = await indexConsentEvents(chain);
      if (!result) return;
      if (result.applied) log.info("consent events applied", { applied: result.applied, events: result.events, toBlock: String(result.toBlock) });
    }
  },
};
