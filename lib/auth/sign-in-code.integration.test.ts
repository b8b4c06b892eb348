import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueSignInCode, MAX_CODE_ATTEMPTS, redeemSignInCode } from "./sign-in-code";

const newEmail = () => `code-${randomUUID()}@example.com`;
const linkFor = (email: string) => `http://localhost:3999/api/auth/callback/nodemailer?token=${randomUUID()}&email=${encodeURIComponent(email)}`;
const wrong = (code: string) => ((Number(code) + 1) % 1_000_000).toString().padStart(6, "0");

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sign-in codes", () => {
  it("exchanges the right code for the link it was issued with, and keeps the link encrypted", async () => {
    const email = newEmail();
    const link = linkFor(email);
    const code = await issueSignInCode(email, link);
    expect(code).toMatch(/^\d{6}$/);
    const row = await db().signInCode.findFirstOrThrow({ where: { email } });
    expect(row.linkCipher).not.toContain("token=");
    expect(row.codeHash).not.toContain(code);
    expect(await redeemSignInCode(email, code)).toBe(link);
  });

  it("counts wrong codes down, then spends the code so even the right one is refused", async () => {
    const email = newEmail();
    const code = await issueSignInCode(email, linkFor(email));
    for (let left = MAX_CODE_ATTEMPTS - 1; left >= 1; left--) {
      const error = await failure(redeemSignInCode(email, wrong(code)));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toContain(`${left} tr${left === 1 ? "y" : "ies"} left`);
    }
    expect((await failure(redeemSignInCode(email, wrong(code)))).code).toBe("RATE_LIMITED");
    const spent = await failure(redeemSignInCode(email, code));
    expect(spent.code).toBe("RATE_LIMITED");
    expect(spent.message).toMatch(/Too many wrong codes/);
    expect((await db().signInCode.findFirstOrThrow({ where: { email } })).usedAt).toBeNull();
  });

  it("works once", async () => {
    const email = newEmail();
    const code = await issueSignInCode(email, linkFor(email));
    await redeemSignInCode(email, code);
    expect((await failure(redeemSignInCode(email, code))).code).toBe("VALIDATION");
  });

  it("lets exactly one of two simultaneous right codes through", async () => {
    const email = newEmail();
    const link = linkFor(email);
    const code = await issueSignInCode(email, link);
    const results = await Promise.allSettled([redeemSignInCode(email, code), redeemSignInCode(email, code), redeemSignInCode(email, code)]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<string>).value)).toEqual([link]);
  });

  it("only the newest code counts; an older one counts as a wrong try", async () => {
    const email = newEmail();
    const older = await issueSignInCode(email, linkFor(email));
    await new Promise((r) => setTimeout(r, 5));
    const newerLink = linkFor(email);
    const newer = await issueSignInCode(email, newerLink);
    if (older !== newer) {
      const error = await failure(redeemSignInCode(email, older));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toContain(`${MAX_CODE_ATTEMPTS - 1} tries left`);
    }
    expect(await redeemSignInCode(email, newer)).toBe(newerLink);
  });

  it("is bound to its address", async () => {
    const email = newEmail();
    const other = newEmail();
    const code = await issueSignInCode(email, linkFor(email));
    // Random 6-digit codes: reissue in the (one in a million) case the other address drew the same one.
    while ((await issueSignInCode(other, linkFor(other))) === code);
    expect((await failure(redeemSignInCode(other, code))).code).toBe("VALIDATION");
    expect((await failure(redeemSignInCode(newEmail(), code))).message).toMatch(/expired/);
  });

  it("refuses an expired code", async () => {
    const email = newEmail();
    const code = await issueSignInCode(email, linkFor(email));
    await db().signInCode.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const error = await failure(redeemSignInCode(email, code));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/expired/);
  });
});
