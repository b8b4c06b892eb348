import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { open, seal } from "@/lib/crypto/aead";
import { masterKeysFrom } from "@/lib/crypto/envelope";
import { env } from "@/lib/env";

/**
 * Documents at rest: each file is AES-256-GCM encrypted with its own random data key (iv ‖ tag ‖ ciphertext on
 * disk, the document id bound as associated data); the data key is stored only sealed with the master key, under
 * that key's id so a master-key rotation re-seals keys and never touches files.
 */

function documentsDir(): string {
  const dir = env().DOCUMENTS_DIR;
  return isAbsolute(dir) ? dir : join(process.cwd(), dir);
}

const keyContext = (documentId: string) => `document-key:${documentId}`;
const fileContext = (documentId: string) => `document:${documentId}`;

export interface StoredFile {
  storageKey: string;
  wrappedKey: string;
  keyId: string;
  sha256: string;
}

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Encrypts and writes the bytes (write to a temporary name, then rename, so a file is whole or absent). */
export async function storeEncrypted(documentId: string, bytes: Buffer): Promise<StoredFile> {
  const keys = masterKeysFrom(env());
  const dataKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKey, iv);
  cipher.setAAD(Buffer.from(fileContext(documentId)));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  const storageKey = `${randomUUID()}.bin`;
  const dir = documentsDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `${storageKey}.part`);
  await writeFile(temporary, Buffer.concat([iv, cipher.getAuthTag(), body]), { mode: 0o600 });
  await rename(temporary, join(dir, storageKey));
  return { storageKey, wrappedKey: seal(keys.current.key, dataKey, keyContext(documentId)), keyId: keys.current.id, sha256: sha256Of(bytes) };
}

export async function removeStored(storageKey: string): Promise<void> {
  await rm(join(documentsDir(), storageKey), { force: true });
}

/** Reads and decrypts a file; the GCM tag and the recorded SHA-256 both have to match. */
export async function readDecrypted(doc: { id: string; storageKey: string; wrappedKey: string; keyId: string; sha256: string }): Promise<Buffer> {
  const keys = masterKeysFrom(env());
  const master = doc.keyId === keys.current.id ? keys.current : doc.keyId === keys.previous?.id ? keys.previous : undefined;
  if (!master) throw new Error(`document key sealed with master key "${doc.keyId}", which is not configured`);
  const dataKey = open(master.key, doc.wrappedKey, keyContext(doc.id));
  const raw = await readFile(join(documentsDir(), doc.storageKey));
  const decipher = createDecipheriv("aes-256-gcm", dataKey, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(fileContext(doc.id)));
  decipher.setAuthTag(raw.subarray(12, 28));
  const bytes = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  if (sha256Of(bytes) !== doc.sha256) throw new Error("document content does not match its recorded hash");
  return bytes;
}

/** Where a stored file is, for tests that check the bytes on disk are not the plaintext. */
export function storedPath(storageKey: string): string {
  return join(documentsDir(), storageKey);
}
