import { randomBytes } from "node:crypto";
import type { Env } from "@/lib/env";
import { open, seal } from "./aead";

/**
 * Envelope encryption: each user has a random 32-byte data key that seals their secrets (a wallet's owner key,
 * sensitive fields); the data key itself is stored only sealed with the master key from the environment, tagged with
 * that key's id. Rotating the master key re-seals the small data keys and leaves every secret they protect untouched.
 * Each sealed value is bound (AES-GCM associated data) to its user and purpose, so a ciphertext copied onto another
 * user's row does not open.
 */

export interface MasterKey {
  id: string;
  key: Buffer;
}

/** The master key in use, and during a rotation the one before it (read only, never used to seal). */
export interface MasterKeys {
  current: MasterKey;
  previous?: MasterKey;
}

/** A data key as stored: its ciphertext and the id of the master key that sealed it. */
export interface SealedDataKey {
  sealedKey: string;
  masterKeyId: string;
}

export class EnvelopeError extends Error {
  override name = "EnvelopeError";
}

export function masterKeysFrom(env: Pick<Env, "MASTER_KEY" | "MASTER_KEY_ID" | "PREVIOUS_MASTER_KEY" | "PREVIOUS_MASTER_KEY_ID">): MasterKeys {
  const current = { id: env.MASTER_KEY_ID, key: Buffer.from(env.MASTER_KEY, "base64") };
  if (!env.PREVIOUS_MASTER_KEY || !env.PREVIOUS_MASTER_KEY_ID) return { current };
  if (env.PREVIOUS_MASTER_KEY_ID === env.MASTER_KEY_ID) {
    throw new EnvelopeError("PREVIOUS_MASTER_KEY_ID must differ from MASTER_KEY_ID");
  }
  return { current, previous: { id: env.PREVIOUS_MASTER_KEY_ID, key: Buffer.from(env.PREVIOUS_MASTER_KEY, "base64") } };
}

const dataKeyContext = (userId: string) => `data-key:${userId}`;

/** A fresh data key for a user, and its sealed form to store. */
export function newDataKey(keys: MasterKeys, userId: string): { dataKey: Buffer; sealed: SealedDataKey } {
  const dataKey = randomBytes(32);
  return { dataKey, sealed: { sealedKey: seal(keys.current.key, dataKey, dataKeyContext(userId)), masterKeyId: keys.current.id } };
}

function masterKeyFor(keys: MasterKeys, id: string): MasterKey {
  if (keys.current.id === id) return keys.current;
  if (keys.previous?.id === id) return keys.previous;
  throw new EnvelopeError(`data key sealed with master key "${id}", which is not configured (MASTER_KEY_ID / PREVIOUS_MASTER_KEY_ID)`);
}

export function openDataKey(keys: MasterKeys, userId: string, sealed: SealedDataKey): Buffer {
  try {
    return open(masterKeyFor(keys, sealed.masterKeyId).key, sealed.sealedKey, dataKeyContext(userId));
  } catch (error) {
    if (error instanceof EnvelopeError) throw error;
    throw new EnvelopeError(`the data key does not open with master key "${sealed.masterKeyId}" (wrong key, or another user's data key)`);
  }
}

/** The data key sealed with the current master key; undefined when it already is. */
export function resealDataKey(keys: MasterKeys, userId: string, sealed: SealedDataKey): SealedDataKey | undefined {
  if (sealed.masterKeyId === keys.current.id) return undefined;
  const dataKey = openDataKey(keys, userId, sealed);
  return { sealedKey: seal(keys.current.key, dataKey, dataKeyContext(userId)), masterKeyId: keys.current.id };
}

/** Seals a user's secret with their data key, bound to its purpose (e.g. "wallet-owner-key"). */
export function sealWithDataKey(dataKey: Buffer, userId: string, purpose: string, plaintext: string | Buffer): string {
  return seal(dataKey, plaintext, `${purpose}:${userId}`);
}

export function openWithDataKey(dataKey: Buffer, userId: string, purpose: string, sealed: string): Buffer {
  try {
    return open(dataKey, sealed, `${purpose}:${userId}`);
  } catch {
    throw new EnvelopeError(`the ${purpose} does not open with this user's data key`);
  }
}
