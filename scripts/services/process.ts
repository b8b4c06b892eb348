import { createConnection } from "node:net";
import { readFileSync, existsSync } from "node:fs";

/** Resolves once something accepts TCP connections on 127.0.0.1:port, or rejects after timeoutMs. */
export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(port)) return;
    await sleep(100);
  }
  throw new Error(`nothing is listening on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends SIGTERM to a process we started and waits for it to go, escalating to SIGKILL after graceMs. */
export async function stopPid(pid: number, graceMs = 10_000, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

/** Reads a pid file we wrote earlier; undefined when absent or stale. */
export function readPidFile(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  const pid = Number.parseInt(readFileSync(path, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}
