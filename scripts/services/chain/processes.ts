import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isAlive, isPortOpen, sleep, stopPid } from "../process.ts";

/** Spawning and stopping anvil and alto as child processes we own, tracked by pid files in the data folder. */

const require = createRequire(import.meta.url);
const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export function anvilBinary(): string {
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  return join(dirname(require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/package.json`)), "bin", "anvil");
}

function altoCli(): string {
  // alto's package exports do not expose package.json or the CLI, so it is located on disk.
  return join(REPO_ROOT, "node_modules", "@pimlico", "alto", "esm", "cli", "alto.js");
}

export interface OwnedProcess {
  child: ChildProcess;
  /** The last lines of output, for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

/**
 * A process from an earlier start that was not stopped (its parent was killed outright): stop it, but only when the
 * pid still names the same program, so a recycled pid never hits a stranger.
 */
export async function stopStale(pidFile: string, program: string, log: (msg: string) => void): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8"), 10);
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return;
  }
  if (!cmdline.includes(program)) return;
  log(`chain: stopping ${program} left running by an earlier start (pid ${pid})`);
  await stopPid(pid, 10_000);
}

function own(child: ChildProcess, pidFile: string, graceMs: number): OwnedProcess {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  writeFileSync(pidFile, String(child.pid));
  // If our own process exits without calling stop(), do not leave the child behind (SIGTERM still lets anvil dump).
  const onExit = () => child.kill("SIGTERM");
  process.once("exit", onExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    tail: () => lines.join("\n"),
    async stop() {
      process.off("exit", onExit);
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        await stopPid(child.pid, graceMs);
        await exited;
      }
      rmSync(pidFile, { force: true });
    },
  };
}

async function assertPortFree(port: number, what: string): Promise<void> {
  if (await isPortOpen(port)) throw new Error(`${what}: port 127.0.0.1:${port} is already in use`);
}

/** Resolves when check() is true; rejects early when the child exits or after timeoutMs. */
async function waitUntil(p: OwnedProcess, what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) {
      throw new Error(`${what} exited during start-up (${p.child.exitCode ?? p.child.signalCode}):\n${p.tail()}`);
    }
    if (await check()) return;
    await sleep(25);
  }
  await p.stop();
  throw new Error(`${what} not ready after ${timeoutMs} ms:\n${p.tail()}`);
}

async function rpcAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * anvil with automine and its state in stateFile: loaded at start, dumped every stateIntervalSeconds and on exit
 * (SIGTERM), so wallets and contracts survive restarts and crashes lose at most one interval.
 */
export async function startAnvil(opts: {
  port: number;
  stateFile: string;
  pidFile: string;
  chainId: number;
  stateIntervalSeconds: number;
}): Promise<OwnedProcess> {
  await assertPortFree(opts.port, "anvil");
  const args = [
    "--host", "127.0.0.1",
    "--port", String(opts.port),
    "--chain-id", String(opts.chainId),
    "--state", opts.stateFile,
    "--state-interval", String(opts.stateIntervalSeconds),
    // Blocks and transactions are kept in the state file too (the app's indexer may read past events); it grows by a
    // few kB per operation. Per-request logs are not needed.
    "--silent",
  ];
  const child = spawn(anvilBinary(), args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const p = own(child, opts.pidFile, 15_000);
  const url = `http://127.0.0.1:${opts.port}`;
  await waitUntil(p, "anvil", () => rpcAnswers(url), 30_000);
  return p;
}

/** alto, bound to 127.0.0.1 by the preload; ready when it logs "Server listening at". */
export async function startAlto(opts: {
  port: number;
  rpcUrl: string;
  entryPoint: string;
  executorKey: string;
  utilityKey: string;
  pidFile: string;
}): Promise<OwnedProcess> {
  await assertPortFree(opts.port, "alto");
  const args = [
    "-r", join(REPO_ROOT, "scripts", "alto-localhost.cjs"),
    altoCli(),
    "--entrypoints", opts.entryPoint,
    "--rpc-url", opts.rpcUrl,
    "--port", String(opts.port),
    "--executor-private-keys", opts.executorKey,
    "--utility-private-key", opts.utilityKey,
    "--safe-mode", "false",
    "--deploy-simulations-contract", "true",
    "--expiration-check", "false",
    // Polling every 100 ms instead of alto's default 1 s cuts send→receipt latency from ~250 ms to under 100 ms.
    "--block-time", "100",
    "--min-bundle-interval", "10",
    "--max-bundle-interval", "100",
    // "Server listening at" is an info line of the rpc module; the chattier modules are kept to warnings.
    "--public-client-log-level", "warn",
    "--mempool-log-level", "warn",
    "--executor-log-level", "warn",
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const p = own(child, opts.pidFile, 10_000);
  let listening = false;
  const watch = (chunk: Buffer) => {
    if (chunk.toString().includes("Server listening at")) listening = true;
  };
  child.stdout?.on("data", watch);
  child.stderr?.on("data", watch);
  await waitUntil(p, "alto", async () => listening, 60_000);
  child.stdout?.off("data", watch);
  child.stderr?.off("data", watch);
  return p;
}
