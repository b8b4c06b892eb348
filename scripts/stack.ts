import { mkdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { parseEnv } from "../lib/env.ts";
import { applyMigrations } from "./db/migrate.ts";
import { seedDemoClinic } from "./db/seed.ts";
import { DEMO_ADMIN_OWNERS, enrollAdminOwners } from "./db/enroll-admin-owners.ts";
import { verifyDemoStaff } from "./db/verify-demo-staff.ts";
import { startEmbeddedPostgres } from "./services/postgres.ts";
import { startMailSink } from "./services/mail-sink.ts";
import { localSecrets } from "./services/secrets.ts";
import { buildIfStale, startNextApp } from "./services/next-app.ts";
import { startChain, DEV_KEYS } from "./services/chain.ts";
import { startWorker } from "./services/worker.ts";
import { masterKeysFrom } from "../lib/crypto/envelope.ts";

export const ROOT = join(import.meta.dirname, "..");

export interface StackProfile {
  name: string;
  dataDir: string;
  dev: boolean;
  ports: { app: number; postgres: number; smtp: number; mailWeb: number; rpc: number; bundler: number };
}

export const PROFILES = {
  dev: {
    name: "dev",
    dataDir: join(ROOT, ".data", "dev"),
    dev: false,
    ports: { app: 3000, postgres: 54329, smtp: 1025, mailWeb: 1080, rpc: 8545, bundler: 4337 },
  },
  e2e: {
    name: "e2e",
    dataDir: join(ROOT, ".data", "e2e"),
    dev: false,
    ports: { app: 3100, postgres: 54339, smtp: 1125, mailWeb: 1180, rpc: 8645, bundler: 4437 },
  },
} satisfies Record<string, StackProfile>;

export interface RunningStack {
  env: NodeJS.ProcessEnv;
  appUrl: string;
  mailUrl?: string;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Starts every service the portal needs, in order, each ready before the next: PostgreSQL, the mail sink,
 * the chain with its bundler, migrations and the demo seed, then the portal. A service whose variable is set in
 * the environment (DATABASE_URL, SMTP_URL, CHAIN_RPC_URL…) is not started: the configured one is used instead.
 */
export async function startStack(
  profile: StackProfile,
  log: (msg: string) => void,
  appOutput: (line: string) => void,
  signal?: AbortSignal,
): Promise<RunningStack> {
  const stops: (() => Promise<void>)[] = [];
  const timings: Record<string, number> = {};
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`while stopping: ${String(e)}`));
    stops.length = 0;
  };
  // Each step first checks for Ctrl-C during start-up: what already runs is then stopped below.
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    const started = performance.now();
    const result = await run();
    timings[name] = Math.round(performance.now() - started);
    return result;
  };
  mkdirSync(profile.dataDir, { recursive: true });
  const given = process.env;
  const env: NodeJS.ProcessEnv = {
    ...given,
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: given.APP_URL ?? `http://localhost:${profile.ports.app}`,
    DOCUMENTS_DIR: given.DOCUMENTS_DIR ?? join(profile.dataDir, "documents"),
    ...(given.AUTH_SECRET && given.MASTER_KEY ? {} : localSecrets(join(profile.dataDir, "secrets.json"))),
  };
  try {
    // The database, the mail sink and the chain do not need each other: they start side by side.
    let mailUrl: string | undefined;
    const started = await Promise.allSettled([
      given.DATABASE_URL
        ? undefined
        : step("postgres", async () => {
            const database = await startEmbeddedPostgres({ dataDir: profile.dataDir, port: profile.ports.postgres, database: "healthcare", log });
            stops.push(database.stop);
            env.DATABASE_URL = database.url;
          }),
      given.SMTP_URL
        ? undefined
        : step("mail", async () => {
            const sink = await startMailSink({ smtpPort: profile.ports.smtp, webPort: profile.ports.mailWeb });
            stops.push(sink.stop);
            env.SMTP_URL = `smtp://127.0.0.1:${sink.smtpPort}`;
            mailUrl = sink.webUrl;
          }),
      given.CHAIN_RPC_URL
        ? undefined
        : step("chain", async () => {
            const chain = await startChain({ dataDir: join(profile.dataDir, "chain"), rpcPort: profile.ports.rpc, bundlerPort: profile.ports.bundler, log });
            stops.push(chain.stop);
            Object.assign(env, {
              CHAIN_RPC_URL: chain.rpcUrl,
              BUNDLER_URL: chain.bundlerUrl,
              DEPLOYMENTS_FILE: chain.deploymentsFile,
              PAYMASTER_SIGNER_KEY: given.PAYMASTER_SIGNER_KEY ?? DEV_KEYS.paymasterSigner,
              OPERATOR_KEY: given.OPERATOR_KEY ?? DEV_KEYS.operator,
            });
          }),
    ]);
    const failure = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
    const config = parseEnv(env);
    await step("migrate", () => applyMigrations(config.DATABASE_URL, log));
    await step("seed", async () => {
      const client = new pg.Client({ connectionString: config.DATABASE_URL });
      await client.connect();
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "User"').finally(() => client.end());
      if (rows[0]?.n === "0") await seedDemoClinic(config.DATABASE_URL, log, { masterKeys: masterKeysFrom(config) });
      if (!given.CHAIN_RPC_URL) await enrollAdminOwners(config, DEMO_ADMIN_OWNERS, log);
      if (!given.CHAIN_RPC_URL) await verifyDemoStaff(config, log);
    });
    if (!profile.dev) {
      signal?.throwIfAborted();
      const seconds = await buildIfStale(env, log, signal);
      if (seconds) timings.build = Math.round(seconds * 1000);
    }
    const app = await step("app", () =>
      startNextApp({ port: profile.ports.app, dev: profile.dev, env, dataDir: profile.dataDir, onOutput: appOutput }),
    );
    stops.push(app.stop);
    // The worker (outbox and other jobs) starts last, so it is the first to stop.
    const worker = await step("worker", () => startWorker({ env, onOutput: (line) => appOutput(`[worker] ${line}`) }));
    stops.push(worker.stop);
    return { env, appUrl: app.url, mailUrl, timings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
