import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { applyMigrations } from "../scripts/db/migrate.ts";
import { startEmbeddedPostgres } from "../scripts/services/postgres.ts";
import { startMailSink } from "../scripts/services/mail-sink.ts";
import { freePort } from "./ports.ts";

/**
 * Integration tier: a real PostgreSQL (embedded, or TEST_DATABASE_URL's server) with a brand-new database for this
 * run with every migration applied, and a real SMTP mail sink. Workers inherit the environment set here.
 * That database is the template each test file clones for itself (test/integration-file-setup.ts), so no file sees
 * another's rows.
 */
export default async function setup() {
  const root = join(import.meta.dirname, "..");
  const name = `it_${Date.now()}_${process.pid}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopPostgres = async () => {};
  if (!adminUrl) {
    // A cluster of this run's own, so runs side by side never stop each other's server.
    mkdirSync(join(root, ".data"), { recursive: true });
    const dataDir = mkdtempSync(join(root, ".data", "test-run-"));
    chmodSync(dataDir, 0o755); // mkdtemp makes it 0700: the postgres user must be able to enter it
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "postgres", log: () => {} });
    adminUrl = server.url;
    stopPostgres = async () => {
      await server.stop();
      rmSync(server.databaseDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  await applyMigrations(databaseUrl.toString());

  const sink = await startMailSink({ smtpPort: await freePort(), webPort: await freePort() });
  mkdirSync(join(root, ".data"), { recursive: true });
  const documentsDir = mkdtempSync(join(root, ".data", "test-documents-"));
  Object.assign(process.env, {
    TEST_ADMIN_DATABASE_URL: adminUrl,
    TEST_TEMPLATE_DATABASE: name,
    DOCUMENTS_DIR: documentsDir,
    DATABASE_URL: databaseUrl.toString(),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    MASTER_KEY: randomBytes(32).toString("base64"),
    SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
    MAIL_SINK_URL: sink.webUrl.replace("localhost", "127.0.0.1"),
    APP_URL: "http://localhost:3999",
    LOG_LEVEL: "warn",
  });

  return async () => {
    await sink.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await stopPostgres();
    rmSync(documentsDir, { recursive: true, force: true });
  };
}
