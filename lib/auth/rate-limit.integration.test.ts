import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// lib/env.ts parses once and caches, so the low per-network limit must be in place before anything reads it.
vi.hoisted(() => {
  process.env.SIGNIN_LIMIT_PER_IP = "8";
  delete process.env.SIGNIN_LIMIT_PER_EMAIL;
  delete process.env.SIGNIN_LIMIT_WINDOW_MINUTES;
});

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertSignInAllowed, recordSignInRequest, type SignInRequester } from "./rate-limit";

const newEmail = () => `rl-${randomUUID()}@example.com`;
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function request(r: SignInRequester): Promise<void> {
  await assertSignInAllowed(r);
  await recordSignInRequest(r);
}

async function refusal(r: SignInRequester): Promise<AppError> {
  const error = await assertSignInAllowed(r).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("RATE_LIMITED");
  return error as AppError;
}

/** The ids of the newest n sign-in requests (tests in a file run one at a time). */
async function newest(n: number): Promise<string[]> {
  const rows = await db().signInRequest.findMany({ orderBy: { createdAt: "desc" }, take: n, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Moves these sign-in requests back in time, as if they had been made minutesAgo. */
async function age(ids: string[], minutesAgo: number): Promise<void> {
  await db().signInRequest.updateMany({ where: { id: { in: ids } }, data: { createdAt: new Date(Date.now() - minutesAgo * 60_000) } });
}

describe("sign-in rate limit", () => {
  it("reads its limits from the environment (per address defaults to 5)", () => {
    expect(env().SIGNIN_LIMIT_PER_EMAIL).toBe(5);
    expect(env().SIGNIN_LIMIT_PER_IP).toBe(8);
  });

  it("allows SIGNIN_LIMIT_PER_EMAIL emails per address, then refuses and says when to retry", async () => {
    const email = newEmail();
    for (let i = 0; i < env().SIGNIN_LIMIT_PER_EMAIL; i++) await request({ email, ip: newIp() });
    const error = await refusal({ email, ip: newIp() });
    expect(error.message).toMatch(new RegExp(`for this address\\. Try again in ${env().SIGNIN_LIMIT_WINDOW_MINUTES} minutes`));
    // Another address is unaffected.
    await expect(assertSignInAllowed({ email: newEmail(), ip: newIp() })).resolves.toBeUndefined();
  });

  it("stores only keyed hashes, never the address or network address", async () => {
    const email = newEmail();
    const ip = newIp();
    await recordSignInRequest({ email, ip });
    const row = await db().signInRequest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(JSON.stringify(row)).not.toContain(email);
    expect(JSON.stringify(row)).not.toContain(ip);
  });

  it("counts the wait from the oldest request still in the window", async () => {
    const email = newEmail();
    const window = env().SIGNIN_LIMIT_WINDOW_MINUTES;
    for (let i = 0; i < env().SIGNIN_LIMIT_PER_EMAIL; i++) await request({ email, ip: newIp() });
    const ids = await newest(env().SIGNIN_LIMIT_PER_EMAIL);
    await age(ids, window - 3);
    expect((await refusal({ email, ip: newIp() })).message).toMatch(/Try again in 3 minutes/);
    await age(ids, window - 0.5);
    expect((await refusal({ email, ip: newIp() })).message).toMatch(/Try again in 1 minute,/);
  });

  it("forgets requests older than the window", async () => {
    const email = newEmail();
    for (let i = 0; i < env().SIGNIN_LIMIT_PER_EMAIL; i++) await request({ email, ip: newIp() });
    await refusal({ email, ip: newIp() });
    await age(await newest(env().SIGNIN_LIMIT_PER_EMAIL), env().SIGNIN_LIMIT_WINDOW_MINUTES + 1);
    await expect(assertSignInAllowed({ email, ip: newIp() })).resolves.toBeUndefined();
  });

  it("limits a network address across different emails once SIGNIN_LIMIT_PER_IP is reached", async () => {
    const ip = newIp();
    for (let i = 0; i < env().SIGNIN_LIMIT_PER_IP; i++) await request({ email: newEmail(), ip });
    const error = await refusal({ email: newEmail(), ip });
    expect(error.message).toMatch(new RegExp(`from your network\\. Try again in ${env().SIGNIN_LIMIT_WINDOW_MINUTES} minutes`));
    // The same new address from another network is fine.
    await expect(assertSignInAllowed({ email: newEmail(), ip: newIp() })).resolves.toBeUndefined();
  });

  it("is read-only: asking does not count as a request", async () => {
    const email = newEmail();
    for (let i = 0; i < env().SIGNIN_LIMIT_PER_EMAIL * 2; i++) await assertSignInAllowed({ email, ip: newIp() });
    await expect(assertSignInAllowed({ email, ip: newIp() })).resolves.toBeUndefined();
  });
});
