import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { env } from "@/lib/env";
import type { PatientSealer } from "@/lib/records/sealing";

/**
 * Documents at rest: each file is AES-256-GCM encrypted with its own random key (iv ‖ tag ‖ ciphertext on disk, the
 * document id bound as associated data). The file key is stored only sealed with the patient's data key, which is
 * sealed by MASTER_KEY (envelope encryption), so a master-key rotation re-seals one key per person and never touches
 * a file.
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
/** Marks file keys sealed with the patient's data key (the column leaves room for other wrapping schemes). */
export const WRAPPED_BY_PATIENT_KEY = "patient-data-key";

export async function storeEncrypted(documentId: string, bytes: Buffer, sealer: PatientSealer): Promise<StoredFile> {
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
  return { storageKey, wrappedKey: sealer.sealBytes(dataKey, keyContext(documentId)), keyId: WRAPPED_BY_PATIENT_KEY, sha256: sha256Of(bytes) };
}

export async function removeStored(storageKey: string): Promise<void> {
  await rm(join(documentsDir(), storageKey), { force: true });
}

/** Reads and decrypts a file; the GCM tag and the recorded SHA-256 both have to match. */
export async function readDecrypted(doc: { id: string; storageKey: string; wrappedKey: string; keyId: string; sha256: string }, sealer: PatientSealer): Promise<Buffer> {
  if (doc.keyId !== WRAPPED_BY_PATIENT_KEY) throw new Error(`document key wrapped by an unknown scheme "${doc.keyId}"`);
  const dataKey = sealer.openBytes(doc.wrappedKey, keyContext(doc.id));
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
