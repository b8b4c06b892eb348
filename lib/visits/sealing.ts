import "server-only";
import type { Tx } from "@/lib/db";
import { dataKeyOf, ensureDataKey } from "@/lib/crypto/data-keys";
import { openWithDataKey, sealWithDataKey } from "@/lib/crypto/envelope";

/**
 * Clinical free text (visit notes, reasons, instructions) sealed with the patient's own data key (envelope
 * encryption, lib/crypto), bound to the patient and to what the text is, so a ciphertext moved to another row or
 * another patient does not open.
 */
export async function sealForPatient(tx: Tx, patientId: string, purpose: string, text: string): Promise<string> {
  return sealWithDataKey(await ensureDataKey(tx, patientId), patientId, purpose, text);
}

export async function openForPatient(tx: Tx, patientId: string, purpose: string, sealed: string): Promise<string> {
  return openWithDataKey(await dataKeyOf(tx, patientId), patientId, purpose, sealed).toString("utf8");
}

/** Opens several values of one patient with one key lookup. */
export async function patientOpener(tx: Tx, patientId: string): Promise<(purpose: string, sealed: string | null) => string | null> {
  const existing = await tx.dataKey.findUnique({ where: { userId: patientId }, select: { userId: true } });
  if (!existing) return () => null;
  const key = await dataKeyOf(tx, patientId);
  return (purpose, sealed) => (sealed ? openWithDataKey(key, patientId, purpose, sealed).toString("utf8") : null);
}
