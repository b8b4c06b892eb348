import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readPidFile, stopPid } from "./process.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const NEXT_BIN = join(ROOT, "node_modules", ".bin", "next");
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json"];
const FINGERPRINT = join(ROOT, ".next", "source-fingerprint");

/** A digest of every source file's path, size and mtime: a build is reused only while it matches. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (path.endsWith("generated")) return;
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return hash.digest("hex");
}

/**
 * Runs `next build` unless the last build came from the same sources. Returns the seconds it took, or 0.
 * Asynchronous, so Ctrl-C during a build is handled (the build is stopped with everything else).
 */
export async function buildIfStale(env: NodeJS.ProcessEnv, log: (msg: string) => void, signal?: AbortSignal): Promise<number> {
  const fingerprint = sourceFingerprint();
  if (existsSync(join(ROOT, ".next", "BUILD_ID")) && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, "utf8") === fingerprint) return 0;
  log("building the portal (next build)…");
  const started = Date.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(NEXT_BIN, ["build"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], signal });
    child.stdout.on("data", (c: Buffer) => output.push(c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => output.push(c.toString("utf8")));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`next build failed:\n${output.join("")}`);
  writeFileSync(FINGERPRINT, fingerprint);
  return (Date.now() - started) / 1000;
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the portal with `next start` (or `next dev`) on 127.0.0.1, and resolves once it answers.
 * The next binary is run directly: `npx next` would leave its server child behind when stopped.
 */
export async function startNextApp(opts: {
  port: number;
  dev: boolean;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  onOutput: (line: string) => void;
}): Promise<RunningApp> {
  // A portal left running by an orchestrator that was killed outright is ours: stop it before taking its port.
  const pidFile = join(opts.dataDir, "portal.pid");
  const stale = readPidFile(pidFile);
  if (stale) await stopPid(stale);
  const args = [opts.dev ? "dev" : "start", "-H", "127.0.0.1", "-p", String(opts.port)];
  const child = spawn(NEXT_BIN, args, { cwd: ROOT, env: opts.env, stdio: ["ignore", "pipe", "pipe"], detached: false });
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  const forward = (chunk: Buffer) => chunk.toString("utf8").split("\n").filter(Boolean).forEach(opts.onOutput);
  child.stdout.on("data", forward);
  child.stderr.on("data", forward);
  const url = `http://localhost:${opts.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited with code ${child.exitCode} during start-up`);
    try {
      const response = await fetch(`http://127.0.0.1:${opts.port}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (response.status === 200 || response.status === 503) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the portal did not answer within 120 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: async () => {
      if (child.pid) await stopPid(child.pid);
      rmSync(pidFile, { force: true });
    },
  };
}
