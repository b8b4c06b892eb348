import "server-only";
import { db } from "@/lib/db";
import { chainClients, chainDeployments } from "@/lib/wallets/runtime";
import type { WorkerJob } from "@/lib/worker/job";
import { indexSponsoredOperations } from "./index-sponsored-operations";

/** The worker's job that counts every operation the paymaster sponsored (see index-sponsored-operations.ts). */
export const sponsorshipIndexerJob: WorkerJob = {
  name: "sponsorship-indexer",
  intervalMs: 2_000,
  async run(signal) {
    const deployments = chainDeployments();
    const { publicClient } = chainClients();
    while (!signal.aborted && !(await indexSponsoredOperations({ db: db(), publicClient, deployments })).caughtUp);
  },
};
