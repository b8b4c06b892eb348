import "server-only";
import { hostname } from "node:os";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { appPaymaster } from "@/lib/sponsorship/paymaster";
import { chainClients, chainDeployments } from "@/lib/wallets/runtime";
import type { WorkerJob } from "@/lib/worker/job";
import { deliverDueOps } from "./deliver";

const workerId = `${hostname()}:${process.pid}`;

/** The worker's outbox job: delivers due on-chain operations (see deliver.ts). */
export const outboxJob: WorkerJob = {
  name: "outbox",
  intervalMs: 250,
  async run() {
    const deployments = chainDeployments();
    const { publicClient, bundlerClient } = chainClients();
    // Drain what is due, a batch at a time, before pausing.
    for (;;) {
      const counts = await deliverDueOps(
        { db: db(), publicClient, bundlerClient, deployments, paymaster: appPaymaster(deployments), workerId, log: log.child({ job: "outbox" }) },
        10,
      );
      if (Object.values(counts).every((n) => n === 0) || counts.retrying + counts.deferred > 0) return;
    }
  },
};
