import { deriveKey, open, seal } from "@/lib/crypto/aead";

/**
 * Sealed free text: notes, reactions, member numbers, titles, the snapshot kept by a revision. AES-256-GCM under a
 * key derived from the master key for this one purpose; the stored form names the master key that sealed it
 * (`<keyId>.<sealed>`) so a rotation can keep opening older values with PREVIOUS_MASTER_KEY. Each value is bound
 * to its patient and field, so a ciphertext copied onto another patient's row does not open.
 * No "server-only" import: the demo seed uses it with a key it is given.
 */

export interface FieldKeys {
  current: { id: string; key: Buffer };
  previous?: { id: string; key: Buffer };
}

export interface FieldSealer {
  seal(text: string, patientId: string, field: string): string;
  open(stored: string, patientId: string, field: string): string;
}

const PURPOSE = "clinical-fields/v1";

export function fieldKeysFrom(masterKey: string, masterKeyId: string, previous?: { key?: string; id?: string }): FieldKeys {
  const current = { id: masterKeyId, key: deriveKey(Buffer.from(masterKey, "base64"), PURPOSE) };
  if (!previous?.key || !previous.id) return { current };
  return { current, previous: { id: previous.id, key: deriveKey(Buffer.from(previous.key, "base64"), PURPOSE) } };
}

/** The same keys from already-decoded master keys (lib/crypto/envelope.ts's MasterKeys), as the seed has them. */
export function fieldKeysFromMaster(master: { current: { id: string; key: Buffer }; previous?: { id: string; key: Buffer } }): FieldKeys {
  const derive = (k: { id: string; key: Buffer }) => ({ id: k.id, key: deriveKey(k.key, PURPOSE) });
  return master.previous ? { current: derive(master.current), previous: derive(master.previous) } : { current: derive(master.current) };
}

export function fieldSealer(keys: FieldKeys): FieldSealer {
  return {
    seal: (text, patientId, field) => `${keys.current.id}.${seal(keys.current.key, text, `${field}:${patientId}`)}`,
    open: (stored, patientId, field) => {
      const dot = stored.indexOf(".");
      const keyId = stored.slice(0, dot);
      const key = keyId === keys.current.id ? keys.current.key : keyId === keys.previous?.id ? keys.previous.key : undefined;
      if (!key) throw new Error(`sealed with master key "${keyId}", which is not configured`);
      return open(key, stored.slice(dot + 1), `${field}:${patientId}`).toString("utf8");
    },
  };
}
