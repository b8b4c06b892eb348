import "server-only";
import { log } from "@/lib/log";
import type { WorkerJob } from "@/lib/worker/job";
import { anchorNewAuditEvents, MAX_BATCH_SIZE } from "./anchor";
import { operatorChain } from "./anchor-chain";

/**
 * The worker's anchoring job: every few seconds, anchors what was recorded since the last batch, in batches of up
 * to MAX_BATCH_SIZE events (a backlog is worked off batch after batch in one run).
 */
export const auditAnchorJob: WorkerJob = {
  name: "audit-anchor",
  intervalMs: 5_000,
  async run(signal) {
    const chain = operatorChain();
    while (!signal.aborted) {
      const batch = await anchorNewAuditEvents(chain);
      if (!batch) return;
      log.info("audit batch anchored", {
        batch: String(batch.batch),
        events: batch.eventCount,
        firstSeq: String(batch.firstSeq),
        lastSeq: String(batch.lastSeq),
        gasUsed: String(batch.gasUsed),
        tx: batch.txHash,
      });
      if (batch.eventCount < MAX_BATCH_SIZE) return;
    }
  },
};
