import type { Tx } from "@/lib/db";
import type { MasterKeys } from "@/lib/crypto/envelope";
import { ensureDataKey } from "@/lib/crypto/data-keys";
import { patientSealerFrom, type PatientSealer } from "./sealing";

/** The sealer of one patient's free text, with their data key (made on first use). */
export async function patientSealer(tx: Tx, patientId: string, keys?: MasterKeys): Promise<PatientSealer> {
  return patientSealerFrom(await ensureDataKey(tx, patientId, keys), patientId);
}
