import "server-only";
import { getAddress, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { Tx } from "@/lib/db";
import { dataKeyOf, ensureDataKey } from "@/lib/crypto/data-keys";
import { openWithDataKey, sealWithDataKey } from "@/lib/crypto/envelope";

/**
 * An administrator's owner key of the admin Safe, sealed with that administrator's data key (envelope encryption,
 * lib/crypto/envelope.ts: rotating MASTER_KEY re-seals the data key, not this). The portal signs with it only when
 * its administrator proposes or confirms a change, so each signature stands for one person's decision.
 */
export const ADMIN_OWNER_KEY_PURPOSE = "admin-safe-owner-key";

export async function enrollAdminOwner(tx: Tx, userId: string, ownerKey: Hex): Promise<Address> {
  const address = privateKeyToAccount(ownerKey).address;
  const dataKey = await ensureDataKey(tx, userId);
  const keyCipher = sealWithDataKey(dataKey, userId, ADMIN_OWNER_KEY_PURPOSE, ownerKey);
  await tx.adminSafeOwner.upsert({ where: { userId }, create: { userId, address, keyCipher }, update: { address, keyCipher } });
  return address;
}

export async function adminOwnerOf(tx: Tx, userId: string): Promise<{ address: Address; key: () => Promise<Hex> } | null> {
  const row = await tx.adminSafeOwner.findUnique({ where: { userId } });
  if (!row) return null;
  return {
    address: getAddress(row.address),
    key: async () => openWithDataKey(await dataKeyOf(tx, userId), userId, ADMIN_OWNER_KEY_PURPOSE, row.keyCipher).toString("utf8") as Hex,
  };
}
