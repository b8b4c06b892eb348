/**
 * Turns a change to prisma/schema/*.prisma into a new SQL migration, offline:
 *   npm run db:diff -- <name>
 *   npm run db:diff -- <name> --draft prisma/schema/<domain>.prisma.draft
 * With --draft, the draft's content becomes prisma/schema/<domain>.prisma first, under the same lock, so people
 * changing different domains at once never put each other's half-made models into their migration.
 * Prisma 7's migrate needs a native engine that cannot be had offline; Prisma 6's WASM engine (in
 * scripts/prisma-diff, installed on first use) computes the same SQL. It diffs the schema against the snapshot
 * taken at the previous migration and needs a PostgreSQL to talk to (DATABASE_URL, or the embedded one of `npm start`).
 * Review the SQL, add what Prisma cannot express (CHECK, exclusion constraints, triggers), then commit it.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, openSync, closeSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { MIGRATIONS_DIR } from "./db/migrate.ts";
import { startEmbeddedPostgres } from "./services/postgres.ts";
import { isPortOpen, sleep } from "./services/process.ts";

const args = process.argv.slice(2);
const draftAt = args.indexOf("--draft");
const draft = draftAt >= 0 ? args[draftAt + 1] : undefined;
const name = (args.find((a, i) => !a.startsWith("--") && (draftAt < 0 || i !== draftAt + 1)) ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name || (draftAt >= 0 && !draft?.endsWith(".prisma.draft"))) {
  console.error("usage: npm run db:diff -- <migration_name> [--draft prisma/schema/<domain>.prisma.draft]");
  process.exit(2);
}
const root = join(import.meta.dirname, "..");
const tool = join(root, "scripts", "prisma-diff");
const snapshotPath = join(MIGRATIONS_DIR, "schema.snapshot.prisma");

// One schema change at a time on this machine.
const lockPath = join(tmpdir(), "carechain-db-diff.lock");
for (let waited = 0; ; waited += 200) {
  try {
    closeSync(openSync(lockPath, "wx"));
    break;
  } catch {
    if (waited > 120_000) throw new Error(`${lockPath} is held for over 2 minutes; remove it if no db:diff is running`);
    await sleep(200);
  }
}
process.on("exit", () => rmSync(lockPath, { force: true }));

// The engine wants a PostgreSQL to talk to: DATABASE_URL, npm start's, or a temporary embedded one.
let databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres";
let stopTemporary = async () => {};
if (!process.env.DATABASE_URL && !(await isPortOpen(54329))) {
  const temporary = await startEmbeddedPostgres({ dataDir: join(root, ".data", "diff"), port: 54359, database: "postgres", log: () => {} });
  databaseUrl = temporary.url;
  stopTemporary = temporary.stop;
}
if (draft) copyFileSync(draft, join(root, "prisma", "schema", basename(draft, ".draft")));

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
await stopTemporary();
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
const generate = spawnSync("node", [join(root, "scripts", "prisma-generate.mjs")], { cwd: root, stdio: "inherit" });
process.exit(generate.status ?? 1);
