import "server-only";
import { getAddress, type Address, type Hex, type PublicClient } from "viem";
import { recordAudit } from "@/lib/audit/record";
import { consentRegistryAbi } from "@/lib/chain/abi";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { scopeOfHash } from "./scopes";

/**
 * Mirrors ConsentRegistry's events into the Consent table, so a grant or revocation made outside the portal (from the
 * patient's Safe by any other means) is honoured too, and a portal grant is confirmed even if its receipt was missed.
 * The cursor advances in the same transaction as the changes, so every block range is applied exactly once; a
 * conditional update of the cursor makes a second indexer running at the same time roll back instead of repeating.
 * Local chains do not reorganise; on a real network index only up to `confirmations` blocks behind the head.
 */

export const MAX_BLOCK_RANGE = 2_000n;

export interface IndexerChain {
  publicClient: PublicClient;
  chainId: number;
  registry: Address;
  confirmations?: number;
  /** Where a new cursor starts: the deployments' startBlock. */
  startBlock?: bigint;
}

export interface IndexResult {
  fromBlock: bigint;
  toBlock: bigint;
  events: number;
  applied: number;
}

type ConsentLog = {
  eventName: "ConsentGranted" | "ConsentRevoked";
  patient: Address;
  grantee: Address;
  scope: Hex;
  expiry?: bigint;
  txHash: Hex;
};

const cursorId = (c: IndexerChain) => `consent:${c.chainId}:${c.registry.toLowerCase()}`;

/** Reads the next range of blocks; null when the indexer has caught up with the chain. */
export async function indexConsentEvents(chain: IndexerChain): Promise<IndexResult | null> {
  const id = cursorId(chain);
  await db().chainIndexerCursor.createMany({ data: [{ id, nextBlock: chain.startBlock ?? 0n }], skipDuplicates: true });
  const { nextBlock: fromBlock } = await db().chainIndexerCursor.findUniqueOrThrow({ where: { id } });
  const head = (await chain.publicClient.getBlockNumber()) - BigInt(chain.confirmations ?? 0);
  if (fromBlock > head) return null;
  const toBlock = head < fromBlock + MAX_BLOCK_RANGE - 1n ? head : fromBlock + MAX_BLOCK_RANGE - 1n;
  const raw = await chain.publicClient.getContractEvents({ address: chain.registry, abi: consentRegistryAbi, fromBlock, toBlock, strict: true });
  const logs: ConsentLog[] = raw
    .sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1))
    .flatMap((l) =>
      l.eventName === "ConsentGranted" || l.eventName === "ConsentRevoked"
        ? [{ eventName: l.eventName, ...(l.args as Omit<ConsentLog, "eventName" | "txHash">), txHash: l.transactionHash }]
        : [],
    );
  const users = await usersOfAddresses(logs.flatMap((l) => [l.patient, l.grantee]));
  const applied = await db().$transaction(async (tx) => {
    let n = 0;
    for (const log of logs) if (await applyLog(tx, log, users)) n++;
    const { count } = await tx.chainIndexerCursor.updateMany({ where: { id, nextBlock: fromBlock }, data: { nextBlock: toBlock + 1n } });
    if (count === 0) throw new AppError("CONFLICT", "another indexer applied this range");
    return n;
  });
  return { fromBlock, toBlock, events: logs.length, applied };
}

/** Safe addresses of the portal's users (part of their wallets), case-insensitively. */
async function usersOfAddresses(addresses: Address[]): Promise<Map<string, string>> {
  if (addresses.length === 0) return new Map();
  const wallets = await db().wallet.findMany({
    where: { address: { in: [...new Set(addresses.map((a) => getAddress(a)))], mode: "insensitive" } },
    select: { userId: true, address: true },
  });
  return new Map(wallets.map((w) => [w.address.toLowerCase(), w.userId]));
}

async function applyLog(tx: Tx, log: ConsentLog, users: Map<string, string>): Promise<boolean> {
  const patientId = users.get(log.patient.toLowerCase());
  const granteeId = users.get(log.grantee.toLowerCase());
  const scope = scopeOfHash(log.scope);
  // Addresses or scopes this portal does not know are someone else's business.
  if (!patientId || !granteeId || !scope) return false;
  const key = { patientId, granteeId, scope };
  // Already mirrored from the operation's receipt (the outbox got there first).
  const seen = log.eventName === "ConsentGranted" ? { grantTxHash: log.txHash } : { revokeTxHash: log.txHash };
  if (await tx.consent.findFirst({ where: { ...key, ...seen }, select: { id: true } })) return false;
  const live = await tx.consent.findFirst({ where: { ...key, revokedAt: null } });

  if (log.eventName === "ConsentGranted") {
    const expiresAt = new Date(Number(log.expiry!) * 1000);
    if (live) {
      const sameExpiry = live.expiresAt.getTime() === expiresAt.getTime();
      // A portal change on its way whose expiry differs: this event is an older one; the op's own event follows.
      if (live.grantStatus === "PENDING" && !sameExpiry) return false;
      if (live.grantStatus === "CONFIRMED" && sameExpiry) return false;
      await tx.consent.update({ where: { id: live.id }, data: { expiresAt, grantStatus: "CONFIRMED", grantTxHash: log.txHash } });
      return true;
    }
    // The grant of a consent the patient has revoked in the portal meanwhile: confirm it, never bring it back.
    const revoking = await tx.consent.findFirst({ where: { ...key, revokeStatus: "PENDING", grantStatus: "PENDING" }, orderBy: { revokedAt: "desc" } });
    if (revoking) {
      await tx.consent.update({ where: { id: revoking.id }, data: { grantStatus: "CONFIRMED", grantTxHash: log.txHash } });
      return true;
    }
    const created = await tx.consent.create({ data: { ...key, expiresAt, source: "CHAIN", grantStatus: "CONFIRMED", grantTxHash: log.txHash } });
    await recordAudit(tx, { actor: null, patientId, action: "grant", resourceType: "Consent", resourceId: created.id, purpose: `consent granted on chain (${scope})` });
    return true;
  }

  if (live) {
    await tx.consent.update({ where: { id: live.id }, data: { revokedAt: new Date(), revokeStatus: "CONFIRMED", revokeTxHash: log.txHash } });
    await recordAudit(tx, { actor: null, patientId, action: "revoke", resourceType: "Consent", resourceId: live.id, purpose: `consent revoked on chain (${scope})` });
    return true;
  }
  const revoking = await tx.consent.findFirst({ where: { ...key, revokeStatus: "PENDING" }, orderBy: { revokedAt: "desc" } });
  if (!revoking) return false;
  await tx.consent.update({ where: { id: revoking.id }, data: { revokeStatus: "CONFIRMED", revokeTxHash: log.txHash } });
  return true;
}
