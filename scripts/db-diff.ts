/**
 * Turns a change to prisma/schema/*.prisma into a new SQL migration, offline:
 *   npm run db:diff -- <name>
 * Prisma 7's migrate needs a native engine that cannot be had offline; Prisma 6's WASM engine (in
 * scripts/prisma-diff, installed on first use) computes the same SQL. It diffs the schema against the snapshot
 * taken at the previous migration and needs a PostgreSQL to talk to (DATABASE_URL, or the embedded one of `npm start`).
 * Review the SQL, add what Prisma cannot express (CHECK, exclusion constraints, triggers), then commit it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS_DIR } from "./db/migrate.ts";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}
const root = join(import.meta.dirname, "..");
const tool = join(root, "scripts", "prisma-diff");
const snapshotPath = join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres";

if (!existsSync(join(tool, "node_modules", ".bin", "prisma"))) {
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: tool, stdio: "inherit" });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

/** One datamodel from the schema folder, with the datasource Prisma 6 wants and no generator. */
function combinedSchema(): string {
  const dir = join(root, "prisma", "schema");
  const body = readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n")
    .replace(/(generator|datasource)\s+\w+\s*\{[^}]*\}/g, "");
  return `datasource db {\n  provider = "postgresql"\n  url      = "${databaseUrl}"\n}\n${body}`;
}

const work = mkdtempSync(join(tmpdir(), "db-diff-"));
const to = join(work, "to.prisma");
const schema = combinedSchema();
writeFileSync(to, schema);
const from = existsSync(snapshotPath) ? ["--from-schema-datamodel", snapshotPath] : ["--from-empty"];
const diff = spawnSync(join(tool, "node_modules", ".bin", "prisma"), ["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], {
  cwd: tool,
  encoding: "utf8",
  env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
if (diff.status !== 0) {
  console.error(diff.stderr);
  process.exit(diff.status ?? 1);
}
if (/^\s*(-- This is an empty migration\.)?\s*$/.test(diff.stdout)) {
  console.log("The schema has not changed since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, "migration.sql"), diff.stdout);
writeFileSync(snapshotPath, schema.replace(/url\s*=\s*"[^"]*"/, 'url      = "postgresql://snapshot"'));
console.log(`Wrote ${join(folder, "migration.sql")}`);
