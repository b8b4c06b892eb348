import { describe, expect, it } from "vitest";
import { keccak256, toBytes } from "viem";
import { SCOPES, scopeHash, scopeOfHash, scopesCovering } from "./scopes";
import { endOfDay, grantConsentSchema } from "./schemas";

describe("consent scopes", () => {
  it("hash as ConsentRegistry expects (SCOPE_ALL = keccak256(\"ALL\")) and map back", () => {
    expect(scopeHash("ALL")).toBe(keccak256(toBytes("ALL")));
    expect(scopeHash("medications")).toBe(keccak256(toBytes("medications")));
    for (const s of SCOPES) expect(scopeOfHash(scopeHash(s))).toBe(s);
    expect(scopeOfHash(scopeHash("ALL").toUpperCase().replace("0X", "0x") as `0x${string}`)).toBe("ALL");
    expect(scopeOfHash(keccak256(toBytes("genome")))).toBeUndefined();
  });

  it("a category is opened by itself or by the whole record", () => {
    expect(scopesCovering("lab-results")).toEqual(["lab-results", "ALL"]);
    expect(scopesCovering("ALL")).toEqual(["ALL"]);
  });

  it("a consent runs to the end of its last day and not beyond five years", () => {
    expect(endOfDay("2030-06-30").toISOString()).toBe("2030-06-30T23:59:59.000Z");
    const valid = { granteeId: "6f0b1c3e-0000-4000-8000-000000000001", scope: "ALL" };
    const today = new Date().toISOString().slice(0, 10);
    expect(grantConsentSchema.safeParse({ ...valid, until: today }).success).toBe(true);
    expect(grantConsentSchema.safeParse({ ...valid, until: "2001-01-01" }).success).toBe(false);
    expect(grantConsentSchema.safeParse({ ...valid, until: "2999-01-01" }).success).toBe(false);
    expect(grantConsentSchema.safeParse({ ...valid, until: today, scope: "genome" }).success).toBe(false);
  });
});
