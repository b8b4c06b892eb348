import { PrismaPg } from "@prisma/adapter-pg";
import { privateKeyToAccount } from "viem/accounts";
import type { Hex } from "viem";
import { masterKeysFrom, newDataKey, openDataKey, sealWithDataKey } from "../../lib/crypto/envelope.ts";
import type { Env } from "../../lib/env.ts";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { DEV_KEYS } from "../services/chain/dev-keys.ts";

/** The same purpose as lib/admin-safe/owner-keys.ts, which opens what this seals. */
const ADMIN_OWNER_KEY_PURPOSE = "admin-safe-owner-key";

/**
 * Gives administrators their owner keys of the admin Safe, each sealed with that administrator's data key.
 * For the local chain: the demo admins get two of the three development owner keys (the third stays with nobody,
 * as a recovery key would), so two different people must sign every change. Existing enrolments are kept.
 */
export async function enrollAdminOwners(
  config: Pick<Env, "DATABASE_URL" | "MASTER_KEY" | "MASTER_KEY_ID" | "PREVIOUS_MASTER_KEY" | "PREVIOUS_MASTER_KEY_ID">,
  owners: readonly { email: string; key: Hex }[],
  log: (msg: string) => void = () => {},
): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL }) });
  const keys = masterKeysFrom(config);
  try {
    for (const { email, key } of owners) {
      const user = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true } });
      if (!user || user.role !== "ADMIN" || (await prisma.adminSafeOwner.findUnique({ where: { userId: user.id } }))) continue;
      await prisma.$transaction(async (tx) => {
        const { dataKey, sealed } = newDataKey(keys, user.id);
        await tx.dataKey.createMany({ data: [{ userId: user.id, ...sealed }], skipDuplicates: true });
        const stored = await tx.dataKey.findUniqueOrThrow({ where: { userId: user.id } });
        const usable = stored.sealedKey === sealed.sealedKey ? dataKey : openDataKey(keys, user.id, stored);
        const keyCipher = sealWithDataKey(usable, user.id, ADMIN_OWNER_KEY_PURPOSE, key);
        await tx.adminSafeOwner.create({ data: { userId: user.id, address: privateKeyToAccount(key).address, keyCipher } });
      });
      log(`admin Safe: enrolled ${email} as an owner`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

/** The local chain's admin Safe owners held by the demo admins (DEV_KEYS.adminOwners 0 and 1). */
export const DEMO_ADMIN_OWNERS = [
  { email: "admin@example.com", key: DEV_KEYS.adminOwners[0] },
  { email: "admin2@example.com", key: DEV_KEYS.adminOwners[1] },
] as const;
