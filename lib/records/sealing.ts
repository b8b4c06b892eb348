import { openWithDataKey, sealWithDataKey } from "@/lib/crypto/envelope";

/**
 * Sealed free text of one patient's record: notes, reactions, member numbers, titles, the snapshot a revision keeps.
 * AES-256-GCM under the patient's own data key (lib/crypto/data-keys.ts), itself sealed by MASTER_KEY, so rotating
 * the master key (`npm run keys:rotate`) re-seals one small key per person and never touches the record. Each value
 * is bound to its patient and field: a ciphertext copied onto another row or patient does not open.
 * No "server-only" import: the demo seed uses it with its own database client.
 */
export interface PatientSealer {
  patientId: string;
  seal(text: string, field: string): string;
  open(stored: string, field: string): string;
  sealBytes(bytes: Buffer, purpose: string): string;
  openBytes(stored: string, purpose: string): Buffer;
}

export function patientSealerFrom(dataKey: Buffer, patientId: string): PatientSealer {
  return {
    patientId,
    seal: (text, field) => sealWithDataKey(dataKey, patientId, field, text),
    open: (stored, field) => openWithDataKey(dataKey, patientId, field, stored).toString("utf8"),
    sealBytes: (bytes, purpose) => sealWithDataKey(dataKey, patientId, purpose, bytes),
    openBytes: (stored, purpose) => openWithDataKey(dataKey, patientId, purpose, stored),
  };
}
