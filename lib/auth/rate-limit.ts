import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hmacHex } from "@/lib/crypto/aead";
import { AppError } from "@/lib/errors";
import { authKeys } from "./keys";

export interface SignInRequester {
  email: string;
  ip: string;
}

function hashes({ email, ip }: SignInRequester) {
  const key = authKeys.rateLimit();
  return { emailHash: hmacHex(key, `email:${email}`), ipHash: hmacHex(key, `ip:${ip}`) };
}

/**
 * Throws RATE_LIMITED when this address or this network address asked for too many sign-in emails
 * within the window, saying when to try again. Read-only: see recordSignInRequest.
 */
export async function assertSignInAllowed(requester: SignInRequester): Promise<void> {
  const { SIGNIN_LIMIT_PER_EMAIL, SIGNIN_LIMIT_PER_IP, SIGNIN_LIMIT_WINDOW_MINUTES } = env();
  const since = new Date(Date.now() - SIGNIN_LIMIT_WINDOW_MINUTES * 60_000);
  const { emailHash, ipHash } = hashes(requester);
  const [byEmail, byIp] = await Promise.all([
    db().signInRequest.findMany({ where: { emailHash, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db().signInRequest.count({ where: { ipHash, createdAt: { gte: since } } }),
  ]);
  const windowMs = SIGNIN_LIMIT_WINDOW_MINUTES * 60_000;
  if (byEmail.length >= SIGNIN_LIMIT_PER_EMAIL) {
    const oldest = byEmail[byEmail.length - SIGNIN_LIMIT_PER_EMAIL]!.createdAt.getTime();
    const minutes = Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 60_000));
    throw new AppError("RATE_LIMITED", `Too many sign-in emails for this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or use the last email you received.`);
  }
  if (byIp >= SIGNIN_LIMIT_PER_IP) {
    throw new AppError("RATE_LIMITED", `Too many sign-in requests from your network. Try again in ${SIGNIN_LIMIT_WINDOW_MINUTES} minutes.`);
  }
}

export async function recordSignInRequest(requester: SignInRequester): Promise<void> {
  await db().signInRequest.create({ data: hashes(requester) });
}
