import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, readMigrations } from "./migrate";

const dirs: string[] = [];
function migrationsDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "migrations-"));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("readMigrations", () => {
  it("returns folders oldest first by their timestamped names, whatever the creation order", () => {
    const dir = migrationsDir({ "20260301000000_c": "SELECT 3;", "20260101000000_a": "SELECT 1;", "20260201000000_b": "SELECT 2;" });
    expect(readMigrations(dir).map((m) => [m.name, m.sql])).toEqual([
      ["20260101000000_a", "SELECT 1;"],
      ["20260201000000_b", "SELECT 2;"],
      ["20260301000000_c", "SELECT 3;"],
    ]);
  });

  it("skips files and folders without a migration.sql", () => {
    const dir = migrationsDir({ "20260101000000_a": "SELECT 1;" });
    writeFileSync(join(dir, "migration_lock.toml"), 'provider = "postgresql"');
    mkdirSync(join(dir, "20260201000000_empty"));
    expect(readMigrations(dir).map((m) => m.name)).toEqual(["20260101000000_a"]);
  });

  it("returns nothing for a missing folder", () => {
    expect(readMigrations(join(tmpdir(), "no-such-migrations-folder"))).toEqual([]);
  });

  it("uses Prisma's checksum: lowercase hex SHA-256 of the file's exact bytes (known vector)", () => {
    const dir = migrationsDir({ "1_abc": "abc", "2_empty": "" });
    const [abc, empty] = readMigrations(dir);
    expect(abc!.checksum).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(empty!.checksum).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("hashes bytes as they are: no line-ending or BOM normalisation", () => {
    const dir = migrationsDir({ "1_lf": "SELECT 1;\n", "2_crlf": "SELECT 1;\r\n", "3_bom": Buffer.from("\uFEFFSELECT 1;\n") });
    const checksums = readMigrations(dir).map((m) => m.checksum);
    expect(new Set(checksums).size).toBe(3);
  });

  it("agrees with sha256sum for the committed migrations", () => {
    const committed = readMigrations();
    expect(committed.map((m) => m.name)).toEqual(readdirSync(MIGRATIONS_DIR).filter((n) => /^\d+_/.test(n)).sort());
    for (const m of committed) {
      const expected = execFileSync("sha256sum", [join(MIGRATIONS_DIR, m.name, "migration.sql")], { encoding: "utf8" }).split(" ")[0];
      expect(m.checksum).toBe(expected);
    }
  });
});
