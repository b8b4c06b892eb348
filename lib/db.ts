import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** A client or an interactive transaction: data functions accept either so callers can compose them atomically. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { db?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, CLINIC_TIME_ZONE } = env();
  // clinic_today() and clinic_day() in SQL (expiry, "today", per-day figures) read the clinic's zone from here.
  const options = `-c carechain.clinic_time_zone=${CLINIC_TIME_ZONE}`;
  // A burst (60 people on one slot, a clinic's morning rush) queues for the 20 connections: wait up to 10 s for one
  // rather than Prisma's 2 s, so the loser of a race hears "just taken", not a raw pool timeout.
  const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max: 20, options }), transactionOptions });
}

/** The one Prisma client of this process (kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForDb.db ??= createClient();
  return globalForDb.db;
}

/** A unique constraint refused the write: the loser of two requests that both passed an "is it free?" check. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
