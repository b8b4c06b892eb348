import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import pg from "pg";

/**
 * Runs before each integration test file: a database of the file's own, cloned from the migrated template of this
 * run (fast: a file copy inside PostgreSQL), and dropped when the file is done.
 */
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const template = process.env.TEST_TEMPLATE_DATABASE!;
const name = `${template}_${randomBytes(4).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
// A Prisma client cached by an earlier file in this worker points at that file's database.
(globalThis as { db?: unknown }).db = undefined;

afterAll(async () => {
  await (globalThis as { db?: { $disconnect(): Promise<void> } }).db?.$disconnect();
  (globalThis as { db?: unknown }).db = undefined;
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});
