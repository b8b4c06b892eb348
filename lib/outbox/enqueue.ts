import "server-only";
import { randomUUID } from "node:crypto";
import { getAddress, type Address, type Hex } from "viem";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { ensureWallet } from "@/lib/wallets/ensure-wallet";
import { nonceKeyOf } from "./nonce";

export interface OnchainCall {
  to: Address;
  data: Hex;
  value?: bigint;
}

const callSchema = z.object({
  to: z.string().regex(/^0x[0-9a-fA-F]{40}$/).transform((a) => getAddress(a)),
  data: z.string().regex(/^0x([0-9a-fA-F]{2})*$/),
  value: z.bigint().nonnegative().optional(),
});

export const enqueueSchema = z.object({
  userId: z.uuid(),
  /** What the op does, e.g. "consent.grant": shown on the user's wallet page and used to route its outcome. */
  kind: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, "a dotted lower-case name").max(64),
  calls: z.array(callSchema).min(1).max(16),
  /** The database row the op belongs to (e.g. "Consent", its id), to update it from the receipt. */
  refType: z.string().max(64).optional(),
  refId: z.string().max(128).optional(),
});
export type EnqueueInput = z.input<typeof enqueueSchema>;

/** The calls as stored (JSON has no bigint). */
export type StoredCall = { to: Address; data: Hex; value: string };

/**
 * Puts the on-chain effect of a change into the outbox, inside the caller's transaction: it commits with the change or
 * not at all. The worker sends it from the user's Safe (sponsored) and records the outcome; nothing here touches the
 * chain, so this works while the chain or the bundler is down.
 */
export async function enqueueOnchainOp(tx: Tx, input: EnqueueInput): Promise<{ id: string; sender: Address }> {
  const { userId, kind, calls, refType, refId } = enqueueSchema.parse(input);
  const { address: sender } = await ensureWallet(tx, userId);
  const id = randomUUID();
  const stored: StoredCall[] = calls.map((c) => ({ to: c.to, data: c.data as Hex, value: (c.value ?? 0n).toString() }));
  await tx.onchainOp.create({
    data: { id, userId, sender, kind, calls: stored, refType, refId, nonceKey: nonceKeyOf(id).toString() },
  });
  return { id, sender };
}
