// Not marked server-only: scripts (the seed, key rotation) use it with their own database client.
import type { Db, Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { masterKeysFrom, newDataKey, openDataKey, resealDataKey, type MasterKeys } from "./envelope";

/** The master keys of this process's environment (MASTER_KEY, and PREVIOUS_MASTER_KEY during a rotation). */
export function masterKeys(): MasterKeys {
  return masterKeysFrom(env());
}

/** The user's data key, made and stored (sealed) on first use. Safe under concurrency: the first insert wins. */
export async function ensureDataKey(tx: Tx, userId: string, keys: MasterKeys = masterKeys()): Promise<Buffer> {
  const existing = await tx.dataKey.findUnique({ where: { userId } });
  if (existing) return openDataKey(keys, userId, existing);
  const { dataKey, sealed } = newDataKey(keys, userId);
  const { count } = await tx.dataKey.createMany({ data: [{ userId, ...sealed }], skipDuplicates: true });
  if (count === 1) return dataKey;
  return openDataKey(keys, userId, await tx.dataKey.findUniqueOrThrow({ where: { userId } }));
}

export async function dataKeyOf(tx: Tx, userId: string, keys: MasterKeys = masterKeys()): Promise<Buffer> {
  return openDataKey(keys, userId, await tx.dataKey.findUniqueOrThrow({ where: { userId } }));
}

/**
 * Re-seals every data key that is not under the current master key, in batches, each row by a conditional update so
 * a concurrent rotation or a new user never loses a key. The secrets sealed with the data keys are not touched.
 * Throws (naming the id) when a row is sealed with a master key that is neither current nor previous.
 */
export async function rotateDataKeys(client: Db, keys: MasterKeys = masterKeys(), batchSize = 500): Promise<{ resealed: number; total: number }> {
  let resealed = 0;
  for (;;) {
    const rows = await client.dataKey.findMany({ where: { masterKeyId: { not: keys.current.id } }, take: batchSize, orderBy: { userId: "asc" } });
    if (rows.length === 0) break;
    await client.$transaction(async (tx) => {
      for (const row of rows) {
        const next = resealDataKey(keys, row.userId, row)!;
        const { count } = await tx.dataKey.updateMany({
          where: { userId: row.userId, masterKeyId: row.masterKeyId, sealedKey: row.sealedKey },
          data: { ...next, rotatedAt: new Date() },
        });
        resealed += count;
      }
    });
  }
  return { resealed, total: await client.dataKey.count() };
}
