/**
 * `npm run keys:rotate`: re-seals every user's data key with the current MASTER_KEY, so the previous master key is no
 * longer needed. Set MASTER_KEY/MASTER_KEY_ID to the new key and PREVIOUS_MASTER_KEY/_ID to the old one, run this,
 * then remove the previous key (README, "Rotating the master key"). Safe to run again; prints a JSON summary.
 */
import { db } from "@/lib/db";
import { masterKeys, rotateDataKeys } from "@/lib/crypto/data-keys";

const keys = masterKeys();
const result = await rotateDataKeys(db(), keys);
const remaining = await db().dataKey.count({ where: { masterKeyId: { not: keys.current.id } } });
process.stdout.write(
  `${JSON.stringify({ msg: "master key rotation", current: keys.current.id, previous: keys.previous?.id ?? null, ...result, remaining })}\n`,
);
await db().$disconnect();
process.exit(remaining === 0 ? 0 : 1);
