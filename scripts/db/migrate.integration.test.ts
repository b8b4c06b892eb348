import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrate";

const testDatabaseUrl = process.env.DATABASE_URL!;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations on the test database", () => {
  it("applies nothing when the database is up to date", async () => {
    const log: string[] = [];
    expect(await applyMigrations(testDatabaseUrl, (m) => log.push(m))).toEqual([]);
    expect(log).toEqual([]);
  });

  it("records each committed migration with the SHA-256 of its file, as Prisma does", async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      testDatabaseUrl,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = readFileSync(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });
});

describe("applyMigrations on a scratch database", () => {
  const name = `migrate_${Date.now()}_${process.pid}`;
  const adminUrl = new URL(testDatabaseUrl);
  adminUrl.pathname = "/postgres";
  const scratchUrl = new URL(testDatabaseUrl);
  scratchUrl.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), "migrations-"));
  const write = (migration: string, sql: string) => {
    mkdirSync(join(dir, migration), { recursive: true });
    writeFileSync(join(dir, migration, "migration.sql"), sql);
  };

  beforeAll(() => query(adminUrl.toString(), `CREATE DATABASE "${name}"`));
  afterAll(async () => {
    await query(adminUrl.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies pending migrations in order, once, and refuses one edited after it was applied", async () => {
    write("20260101000000_first", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`);
    write("20260201000000_second", `ALTER TABLE "Thing" ADD COLUMN "label" TEXT NOT NULL DEFAULT 'x';`);
    expect(await applyMigrations(scratchUrl.toString(), () => {}, dir)).toEqual(["20260101000000_first", "20260201000000_second"]);
    expect(await applyMigrations(scratchUrl.toString(), () => {}, dir)).toEqual([]);

    write("20260301000000_third", `INSERT INTO "Thing" ("id") VALUES (1);`);
    expect(await applyMigrations(scratchUrl.toString(), () => {}, dir)).toEqual(["20260301000000_third"]);

    write("20260101000000_first", `CREATE TABLE "Thing" ("id" BIGINT PRIMARY KEY);`);
    write("20260401000000_fourth", `INSERT INTO "Thing" ("id") VALUES (2);`);
    await expect(applyMigrations(scratchUrl.toString(), () => {}, dir)).rejects.toThrow(
      "migration 20260101000000_first was edited after it was applied; add a new migration instead",
    );
    // Nothing after the edited migration ran.
    expect(await query(scratchUrl.toString(), `SELECT "id" FROM "Thing" ORDER BY "id"`)).toEqual([{ id: 1 }]);
    const recorded = await query<{ migration_name: string }>(scratchUrl.toString(), `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["20260101000000_first", "20260201000000_second", "20260301000000_third"]);
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    rmSync(join(dir, "20260401000000_fourth"), { recursive: true });
    write("20260101000000_first", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`);
    write("20260501000000_broken", `INSERT INTO "Thing" ("id") VALUES (5); SELECT no_such_function();`);
    await expect(applyMigrations(scratchUrl.toString(), () => {}, dir)).rejects.toThrow(/migration 20260501000000_broken failed: .*no_such_function/);
    expect(await query(scratchUrl.toString(), `SELECT "id" FROM "Thing" ORDER BY "id"`)).toEqual([{ id: 1 }]);
    expect(await query(scratchUrl.toString(), `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20260501000000_broken'`)).toEqual([]);
  });
});
