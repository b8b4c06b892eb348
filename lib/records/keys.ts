import "server-only";
import { env } from "@/lib/env";
import { fieldKeysFrom, fieldSealer, type FieldSealer } from "./sealing";

let cached: FieldSealer | undefined;

/** The sealer of clinical free text for this process, from MASTER_KEY (and PREVIOUS_MASTER_KEY during a rotation). */
export function clinicalSealer(): FieldSealer {
  const e = env();
  cached ??= fieldSealer(fieldKeysFrom(e.MASTER_KEY, e.MASTER_KEY_ID, { key: e.PREVIOUS_MASTER_KEY, id: e.PREVIOUS_MASTER_KEY_ID }));
  return cached;
}
