import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { applyMigrations } from "../scripts/db/migrate.ts";

/**
 * A migrated, empty database of the test file's own, made before its tests and dropped after: for the seeds, which
 * decide what to create from what is already there (the per-file clone already holds the template's rows).
 */
export function useEmptyDatabase(name: string): { databaseUrl: string; readonly prisma: PrismaClient } {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}_${Date.now()}`;
  const database = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let prisma: PrismaClient | undefined;
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await applyMigrations(url.toString());
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });
  return {
    databaseUrl: url.toString(),
    get prisma() {
      if (!prisma) throw new Error("the database is made in beforeAll");
      return prisma;
    },
  };
}
