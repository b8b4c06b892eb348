import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKey, hmacHex, open, safeEqualHex, seal } from "./aead";

const key = randomBytes(32);

describe("seal/open (AES-256-GCM)", () => {
  it("round-trips text and bytes", () => {
    expect(open(key, seal(key, "héllo wörld", "ctx"), "ctx").toString("utf8")).toBe("héllo wörld");
    const bytes = randomBytes(100);
    expect(open(key, seal(key, bytes)).equals(bytes)).toBe(true);
  });

  it("uses a fresh IV: sealing the same text twice gives different output", () => {
    expect(seal(key, "same")).not.toBe(seal(key, "same"));
  });

  it("does not contain the plaintext", () => {
    const sealed = seal(key, "patient-secret-value");
    expect(Buffer.from(sealed, "base64url").includes(Buffer.from("patient-secret-value"))).toBe(false);
  });

  it("fails with the wrong key", () => {
    const sealed = seal(key, "data", "ctx");
    expect(() => open(randomBytes(32), sealed, "ctx")).toThrow();
  });

  it("fails with the wrong context", () => {
    const sealed = seal(key, "data", "alice@example.com");
    expect(() => open(key, sealed, "mallory@example.com")).toThrow();
    expect(() => open(key, sealed)).toThrow();
  });

  it.each([
    ["the IV", 0],
    ["the tag", 14],
    ["the ciphertext", 30],
  ])("fails when %s is tampered with", (_, index) => {
    const raw = Buffer.from(seal(key, "some data long enough", "ctx"), "base64url");
    raw[index]! ^= 0x01;
    expect(() => open(key, raw.toString("base64url"), "ctx")).toThrow();
  });

  it("fails when the ciphertext is truncated", () => {
    const sealed = seal(key, "some data", "ctx");
    expect(() => open(key, sealed.slice(0, -4), "ctx")).toThrow();
  });
});

describe("key derivation and HMAC", () => {
  it("derives distinct 32-byte keys per purpose, deterministically", () => {
    const a = deriveKey("secret", "sign-in-link");
    expect(a).toHaveLength(32);
    expect(deriveKey("secret", "sign-in-link").equals(a)).toBe(true);
    expect(deriveKey("secret", "sign-in-code").equals(a)).toBe(false);
    expect(deriveKey("other", "sign-in-link").equals(a)).toBe(false);
  });

  it("compares hex digests safely, including different lengths", () => {
    const h = hmacHex(key, "x");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(safeEqualHex(h, hmacHex(key, "x"))).toBe(true);
    expect(safeEqualHex(h, hmacHex(key, "y"))).toBe(false);
    expect(safeEqualHex(h, h.slice(0, 62))).toBe(false);
  });
});
