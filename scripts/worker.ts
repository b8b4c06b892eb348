/**
 * The worker process, started by `npm start` next to the portal: runs each job below on its own interval, logs JSON
 * lines, and on SIGTERM or SIGINT lets the current runs finish, then exits 0.
 * Run it alone with `npm run worker` (it reads the same environment as the portal).
 * To add a job, write a module exporting a WorkerJob (lib/worker/job.ts) and add it to JOBS: one line.
 */
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { outboxJob } from "@/lib/outbox/job";
import { sponsorshipIndexerJob } from "@/lib/sponsorship/indexer-job";
import { auditAnchorJob } from "@/lib/audit/anchor-job";
import { consentIndexerJob } from "@/lib/consent/indexer-job";
import { appointmentReminderJob } from "@/lib/scheduling/reminder-job";
import type { WorkerJob } from "@/lib/worker/job";
import { runJobs } from "@/lib/worker/run-jobs";

const JOBS: WorkerJob[] = [
  outboxJob,
  sponsorshipIndexerJob,
  consentIndexerJob,
  appointmentReminderJob,
  auditAnchorJob,
];

const controller = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("worker stopping", { signal });
    controller.abort();
  });
}
log.info("worker started", { pid: process.pid, jobs: JOBS.map((j) => j.name).join(",") });
process.send?.("ready"); // to npm start, when it started this process
await runJobs(JOBS, { signal: controller.signal, log });
await db().$disconnect();
log.info("worker stopped");
process.exit(0);
