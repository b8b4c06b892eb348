import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { hmacHex, open, safeEqualHex, seal } from "@/lib/crypto/aead";
import { AppError } from "@/lib/errors";
import { authKeys } from "./keys";

export const SIGN_IN_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

const codeHash = (email: string, code: string) => hmacHex(authKeys.signInCode(), `${email}:${code}`);

/** A fresh 6-digit code for the magic link just issued; the link is kept encrypted so the code can open it. */
export async function issueSignInCode(email: string, link: string): Promise<string> {
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  await db().signInCode.create({
    data: {
      email,
      codeHash: codeHash(email, code),
      linkCipher: seal(authKeys.signInLink(), link, email),
      expiresAt: new Date(Date.now() + SIGN_IN_MINUTES * 60_000),
    },
  });
  return code;
}

/**
 * Exchanges a typed code for the sign-in link it stands for. Only the newest code of the address counts,
 * it works once, and a few wrong tries spend it.
 */
export async function redeemSignInCode(email: string, code: string): Promise<string> {
  const latest = await db().signInCode.findFirst({ where: { email }, orderBy: { createdAt: "desc" } });
  if (!latest || latest.usedAt || latest.expiresAt < new Date()) {
    throw new AppError("VALIDATION", "This code has expired. Ask for a new sign-in email.");
  }
  if (latest.attempts >= MAX_CODE_ATTEMPTS) {
    throw new AppError("RATE_LIMITED", "Too many wrong codes. Ask for a new sign-in email.");
  }
  if (!safeEqualHex(latest.codeHash, codeHash(email, code))) {
    const { attempts } = await db().signInCode.update({ where: { id: latest.id }, data: { attempts: { increment: 1 } } });
    const left = MAX_CODE_ATTEMPTS - attempts;
    throw new AppError(
      left > 0 ? "VALIDATION" : "RATE_LIMITED",
      left > 0 ? `That code is not right. ${left} tr${left === 1 ? "y" : "ies"} left.` : "Too many wrong codes. Ask for a new sign-in email.",
    );
  }
  // Conditional update: of two tabs racing with the right code, one wins.
  const { count } = await db().signInCode.updateMany({ where: { id: latest.id, usedAt: null }, data: { usedAt: new Date() } });
  if (count === 0) throw new AppError("VALIDATION", "This code was already used. Ask for a new sign-in email.");
  return open(authKeys.signInLink(), latest.linkCipher, email).toString("utf8");
}
