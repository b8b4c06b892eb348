import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EnvelopeError,
  masterKeysFrom,
  newDataKey,
  openDataKey,
  openWithDataKey,
  resealDataKey,
  sealWithDataKey,
  type MasterKeys,
} from "./envelope";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };
const user = "6f1c2b8e-0000-4000-8000-000000000001";
const other = "6f1c2b8e-0000-4000-8000-000000000002";

describe("envelope encryption", () => {
  it("seals a secret under a per-user data key that only the master key opens", () => {
    const keys: MasterKeys = { current: k1 };
    const { dataKey, sealed } = newDataKey(keys, user);
    expect(dataKey).toHaveLength(32);
    expect(sealed.masterKeyId).toBe("k1");
    expect(sealed.sealedKey).not.toContain(dataKey.toString("base64url"));
    const secret = sealWithDataKey(dataKey, user, "wallet-owner-key", "0xsecret");
    expect(openWithDataKey(openDataKey(keys, user, sealed), user, "wallet-owner-key", secret).toString()).toBe("0xsecret");
  });

  it("gives every user a different data key", () => {
    const keys: MasterKeys = { current: k1 };
    expect(newDataKey(keys, user).dataKey.equals(newDataKey(keys, user).dataKey)).toBe(false);
  });

  it("does not open another user's data key or secret (bound to the user and purpose)", () => {
    const keys: MasterKeys = { current: k1 };
    const { dataKey, sealed } = newDataKey(keys, user);
    expect(() => openDataKey(keys, other, sealed)).toThrow(EnvelopeError);
    const secret = sealWithDataKey(dataKey, user, "wallet-owner-key", "x");
    expect(() => openWithDataKey(dataKey, other, "wallet-owner-key", secret)).toThrow(EnvelopeError);
    expect(() => openWithDataKey(dataKey, user, "another-purpose", secret)).toThrow(EnvelopeError);
  });

  it("refuses a wrong master key under the right id, and names an unknown id", () => {
    const { sealed } = newDataKey({ current: k1 }, user);
    expect(() => openDataKey({ current: { id: "k1", key: randomBytes(32) } }, user, sealed)).toThrow(/does not open/);
    expect(() => openDataKey({ current: k2 }, user, sealed)).toThrow(/"k1", which is not configured/);
  });

  it("rotates: the previous key still opens, re-sealing moves the data key to the new one unchanged", () => {
    const { dataKey, sealed } = newDataKey({ current: k1 }, user);
    const rotating: MasterKeys = { current: k2, previous: k1 };
    expect(openDataKey(rotating, user, sealed).equals(dataKey)).toBe(true);
    const resealed = resealDataKey(rotating, user, sealed)!;
    expect(resealed.masterKeyId).toBe("k2");
    expect(openDataKey({ current: k2 }, user, resealed).equals(dataKey)).toBe(true);
    expect(resealDataKey(rotating, user, resealed)).toBeUndefined();
  });

  it("reads the keys from the environment, and refuses a previous key with the same id", () => {
    const b64 = (k: Buffer) => k.toString("base64");
    expect(masterKeysFrom({ MASTER_KEY: b64(k2.key), MASTER_KEY_ID: "k2" }).previous).toBeUndefined();
    const keys = masterKeysFrom({ MASTER_KEY: b64(k2.key), MASTER_KEY_ID: "k2", PREVIOUS_MASTER_KEY: b64(k1.key), PREVIOUS_MASTER_KEY_ID: "k1" });
    expect(keys.previous?.key.equals(k1.key)).toBe(true);
    expect(() => masterKeysFrom({ MASTER_KEY: b64(k2.key), MASTER_KEY_ID: "k1", PREVIOUS_MASTER_KEY: b64(k1.key), PREVIOUS_MASTER_KEY_ID: "k1" })).toThrow(EnvelopeError);
  });
});
