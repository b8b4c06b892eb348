import { describe, expect, it } from "vitest";
import { backoffMs, DEFAULT_BACKOFF } from "./backoff";
import { nonceKeyOf, nonceOf } from "./nonce";

describe("backoffMs", () => {
  const low = () => 0;
  const high = () => 1;

  it("doubles with each attempt, between half and all of the ceiling", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, DEFAULT_BACKOFF, high))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, DEFAULT_BACKOFF, low))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it("is capped, even after very many attempts", () => {
    expect(backoffMs(9, DEFAULT_BACKOFF, high)).toBe(256_000);
    expect(backoffMs(10, DEFAULT_BACKOFF, high)).toBe(300_000);
    expect(backoffMs(10_000, DEFAULT_BACKOFF, high)).toBe(300_000);
    expect(backoffMs(10_000, DEFAULT_BACKOFF, low)).toBe(150_000);
  });

  it("treats attempt 0 like the first", () => {
    expect(backoffMs(0, { baseMs: 100, maxMs: 1_000 }, high)).toBe(100);
  });

  it("spreads retries with the random half", () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffMs(5)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(8_000), expect(d).toBeLessThanOrEqual(16_000);
  });
});

describe("nonce keys", () => {
  it("reads an op id as a 128-bit key, so the nonce's sequence half is 0", () => {
    const key = nonceKeyOf("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(key).toBe(0xffffffffffff4fffbfffffffffffffffn);
    expect(key < 2n ** 192n).toBe(true);
    expect(nonceOf(key) >> 64n).toBe(key);
    expect(nonceOf(key) & (2n ** 64n - 1n)).toBe(0n);
    expect(() => nonceKeyOf("not-a-uuid")).toThrow();
  });
});
