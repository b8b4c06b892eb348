import type { Address, Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import type { Tx } from "@/lib/db";
import { dataKeyOf, ensureDataKey, masterKeys } from "@/lib/crypto/data-keys";
import { openWithDataKey, sealWithDataKey, type MasterKeys } from "@/lib/crypto/envelope";
import { counterfactualSafeAddress } from "./safe-address";

const OWNER_KEY_PURPOSE = "wallet-owner-key";

/**
 * The user's wallet, made on first call: a fresh owner key (stored only sealed with the user's data key) and the
 * counterfactual address of its Safe. Nothing goes on chain: the Safe is deployed by the user's first operation.
 * Called inside the transaction that creates the user, so every user has one; concurrent calls make one wallet.
 * Not marked server-only: the demo seed (a plain Node script) uses it too. It takes the client or transaction.
 */
export async function ensureWallet(tx: Tx, userId: string, keys: MasterKeys = masterKeys()): Promise<{ address: Address }> {
  const existing = await tx.wallet.findUnique({ where: { userId }, select: { address: true } });
  if (existing) return { address: existing.address as Address };
  const dataKey = await ensureDataKey(tx, userId, keys);
  const ownerKey = generatePrivateKey();
  const ownerAddress = privateKeyToAccount(ownerKey).address;
  const address = await counterfactualSafeAddress(ownerAddress);
  const { count } = await tx.wallet.createMany({
    data: [{ userId, address, ownerAddress, ownerKeySealed: sealWithDataKey(dataKey, userId, OWNER_KEY_PURPOSE, ownerKey) }],
    skipDuplicates: true,
  });
  if (count === 1) return { address };
  const winner = await tx.wallet.findUniqueOrThrow({ where: { userId }, select: { address: true } });
  return { address: winner.address as Address };
}

/** The owner key of a user's Safe, for the worker that signs the user's operations. Never leaves the server. */
export async function walletOwnerKey(tx: Tx, userId: string, keys: MasterKeys = masterKeys()): Promise<Hex> {
  const wallet = await tx.wallet.findUniqueOrThrow({ where: { userId }, select: { ownerKeySealed: true } });
  return openWithDataKey(await dataKeyOf(tx, userId, keys), userId, OWNER_KEY_PURPOSE, wallet.ownerKeySealed).toString("utf8") as Hex;
}
