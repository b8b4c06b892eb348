import { errorFields, type Logger } from "@/lib/log";
import type { WorkerJob } from "./job";

/** Sleeps, or returns at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

/**
 * Runs every job in its own loop until the signal aborts, then resolves once each job's current run has finished.
 * A failing run is logged once per streak (a bundler that is down does not flood the log) and retried next interval.
 */
export async function runJobs(jobs: readonly WorkerJob[], opts: { signal: AbortSignal; log: Logger }): Promise<void> {
  const names = jobs.map((j) => j.name);
  if (new Set(names).size !== names.length) throw new Error(`job names must be unique: ${names.join(", ")}`);
  await Promise.all(
    jobs.map(async (job) => {
      const log = opts.log.child({ job: job.name });
      log.info("job started", { intervalMs: job.intervalMs });
      let failing = false;
      while (!opts.signal.aborted) {
        try {
          await job.run(opts.signal);
          if (failing) log.info("job recovered");
          failing = false;
        } catch (error) {
          if (!failing && !opts.signal.aborted) log.error("job run failed; retrying at each interval", errorFields(error));
          failing = true;
        }
        await pause(job.intervalMs, opts.signal);
      }
      log.info("job stopped");
    }),
  );
}
