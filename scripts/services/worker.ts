import { spawn } from "node:child_process";
import { join } from "node:path";
import { stopPid, sleep } from "./process.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * How to run the worker: Node with the react-server condition (so the data layer's `server-only` marker imports
 * cleanly outside Next.js) and tsx for TypeScript.
 */
export const WORKER_COMMAND = [process.execPath, "--conditions=react-server", "--import", "tsx", join(ROOT, "scripts", "worker.ts")] as const;

export interface RunningWorker {
  pid: number;
  stop(): Promise<void>;
}

/** Starts the worker process; resolves once it says it is ready. */
export async function startWorker(opts: { env: NodeJS.ProcessEnv; onOutput: (line: string) => void }): Promise<RunningWorker> {
  const [node, ...args] = WORKER_COMMAND;
  // The IPC channel carries only the worker's "ready", whatever its LOG_LEVEL prints.
  const child = spawn(node, args, { cwd: ROOT, env: opts.env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let started = false;
  child.once("message", () => {
    started = true;
    child.disconnect();
  });
  const forward = (chunk: Buffer) => chunk.toString("utf8").split("\n").filter(Boolean).forEach(opts.onOutput);
  child.stdout!.on("data", forward);
  child.stderr!.on("data", forward);
  const deadline = Date.now() + 30_000;
  while (!started) {
    if (child.exitCode !== null) throw new Error(`the worker exited with code ${child.exitCode} during start-up`);
    if (Date.now() > deadline) {
      await stopPid(child.pid!);
      throw new Error("the worker did not start within 30 s");
    }
    await sleep(50);
  }
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
  return {
    pid: child.pid!,
    async stop() {
      // SIGTERM lets a delivery in progress record its outcome; its lease would otherwise hold the op for a minute.
      await stopPid(child.pid!, 20_000);
      await exited;
    },
  };
}
