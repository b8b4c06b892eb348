import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { runJobs } from "./run-jobs";

const quiet = createLogger();

describe("runJobs", () => {
  it("runs each job repeatedly until stopped, keeps going after a failing run, and waits for the current run", async () => {
    const controller = new AbortController();
    const runs = { a: 0, b: 0 };
    let finishedLastRun = false;
    const done = runJobs(
      [
        { name: "a", intervalMs: 5, run: async () => void runs.a++ },
        {
          name: "b",
          intervalMs: 5,
          run: async (signal) => {
            runs.b++;
            if (runs.b === 1) throw new Error("transient");
            if (runs.b === 3) {
              controller.abort();
              await new Promise((r) => setTimeout(r, 30));
              finishedLastRun = signal.aborted;
            }
          },
        },
      ],
      { signal: controller.signal, log: quiet },
    );
    await done;
    expect(runs.b).toBe(3);
    expect(runs.a).toBeGreaterThanOrEqual(2);
    expect(finishedLastRun).toBe(true);
  });

  it("refuses two jobs with one name", async () => {
    const job = { name: "x", intervalMs: 1, run: async () => {} };
    await expect(runJobs([job, job], { signal: new AbortController().signal, log: quiet })).rejects.toThrow(/unique/);
  });
});
