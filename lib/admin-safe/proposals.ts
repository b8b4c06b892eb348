import "server-only";
import type { Address, Hex } from "viem";
import { operatorChain, requireOperator, type OperatorChain } from "@/lib/audit/anchor-chain";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AdminSafeError, buildSafeTx, execSafeTx, readSafeState, signSafeTx, type SafeTarget } from "@/lib/chain/admin-safe";
import type { SafeCall } from "@/lib/chain/safe-calls";
import { db, isUniqueViolation, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { buildProposalCall } from "./calls";
import { adminOwnerOf } from "./owner-keys";
import { proposalIdSchema, proposeChangeSchema, type ProposeChangeInput } from "./schemas";

/**
 * Changes to the app contracts through the 2-of-3 admin Safe: one administrator proposes (and signs), another
 * confirms (and signs); when the Safe's threshold of signatures is reached the portal relays the transaction.
 * The Safe itself refuses fewer signatures, so no single administrator (nor the portal) can act alone.
 * The Safe executes in nonce order, so one proposal is open at a time (a partial unique index).
 */

const TX_TIMEOUT = { timeout: 60_000, maxWait: 10_000 };
const callOf = (p: { to: string; value: string; data: string }): SafeCall => ({ to: p.to as Address, value: BigInt(p.value), data: p.data as Hex });
const targetOf = (chain: OperatorChain, safe: Address): SafeTarget => ({ client: chain.publicClient, safe, deployment: chain.deployments });

async function requireOwner(tx: Tx, actor: Actor) {
  const owner = await adminOwnerOf(tx, actor.userId);
  if (!owner) throw new AppError("FORBIDDEN", "You hold no owner key of the admin Safe, so you cannot sign its transactions.");
  return owner;
}

export async function proposeChange(actor: Actor | null, input: ProposeChangeInput, given?: OperatorChain): Promise<{ id: string; status: string }> {
  authorize(actor, "contracts:administer");
  const parsed = proposeChangeSchema.parse(input);
  const chain = given ?? operatorChain();
  const safe = chain.deployments.admin;
  const target = targetOf(chain, safe);
  const { nonce, owners } = await readSafeState(target);
  let id: string;
  try {
    id = await db().$transaction(async (tx) => {
      const owner = await requireOwner(tx, actor);
      if (!owners.includes(owner.address)) throw new AppError("FORBIDDEN", "Your key is not an owner of this admin Safe.");
      const { call, summary } = await buildProposalCall(tx, chain.deployments, parsed);
      const { hash } = await buildSafeTx(target, [call], nonce);
      const signed = await signSafeTx(target, await owner.key(), [call], nonce);
      const proposal = await tx.adminProposal.create({
        data: {
          kind: parsed.kind,
          summary,
          chainId: chain.deployments.chainId,
          safeAddress: safe,
          to: call.to,
          value: call.value.toString(),
          data: call.data,
          nonce,
          safeTxHash: hash,
          proposedById: actor.userId,
          signatures: { create: { signerId: actor.userId, owner: signed.owner, signature: signed.signature } },
        },
      });
      await recordAudit(tx, { actor, action: "propose", resourceType: "AdminProposal", resourceId: proposal.id, purpose: "contract administration" });
      return proposal.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Another proposal is waiting for signatures. Confirm or withdraw it first.");
    throw error;
  }
  return { id, status: await executeIfReady(actor, id, chain) };
}

export async function confirmProposal(actor: Actor | null, input: { proposalId: string }, given?: OperatorChain): Promise<{ status: string }> {
  authorize(actor, "contracts:administer");
  const { proposalId } = proposalIdSchema.parse(input);
  const chain = given ?? operatorChain();
  try {
    await db().$transaction(async (tx) => {
      const proposal = await tx.adminProposal.findUnique({ where: { id: proposalId }, include: { signatures: true } });
      if (!proposal) throw new AppError("NOT_FOUND", "There is no such proposal.");
      if (proposal.status !== "PENDING") throw new AppError("CONFLICT", "This proposal is no longer waiting for signatures.");
      if (proposal.signatures.some((s) => s.signerId === actor.userId)) {
        throw new AppError("CONFLICT", "You have already signed this proposal. Another administrator must confirm it.");
      }
      const owner = await requireOwner(tx, actor);
      const target = targetOf(chain, proposal.safeAddress as Address);
      if (!(await readSafeState(target)).owners.includes(owner.address)) throw new AppError("FORBIDDEN", "Your key is not an owner of this admin Safe.");
      const signed = await signSafeTx(target, await owner.key(), [callOf(proposal)], proposal.nonce);
      await tx.adminProposalSignature.create({ data: { proposalId, signerId: actor.userId, owner: signed.owner, signature: signed.signature } });
      await recordAudit(tx, { actor, action: "confirm", resourceType: "AdminProposal", resourceId: proposalId, purpose: "contract administration" });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This owner key has already signed this proposal.");
    throw error;
  }
  return { status: await executeIfReady(actor, proposalId, chain) };
}

export async function withdrawProposal(actor: Actor | null, input: { proposalId: string }): Promise<void> {
  authorize(actor, "contracts:administer");
  const { proposalId } = proposalIdSchema.parse(input);
  await db().$transaction(async (tx) => {
    const { count } = await tx.adminProposal.updateMany({ where: { id: proposalId, status: "PENDING" }, data: { status: "CANCELLED", decidedAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", "This proposal is no longer waiting for signatures.");
    await recordAudit(tx, { actor, action: "withdraw", resourceType: "AdminProposal", resourceId: proposalId, purpose: "contract administration" });
  });
}

/**
 * Relays the Safe transaction once the proposal holds the Safe's threshold of signatures. The proposal row is locked
 * for the send, so two confirmations at once relay it once; a refusal by the Safe marks it failed with the reason.
 */
async function executeIfReady(actor: Actor, proposalId: string, chain: OperatorChain): Promise<string> {
  const relayer = requireOperator(chain);
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "AdminProposal" WHERE id = ${proposalId}::uuid FOR UPDATE`;
    const proposal = await tx.adminProposal.findUniqueOrThrow({ where: { id: proposalId }, include: { signatures: true } });
    if (proposal.status !== "PENDING") return proposal.status;
    const target = targetOf(chain, proposal.safeAddress as Address);
    const state = await readSafeState(target);
    const stale = state.nonce !== proposal.nonce;
    if (!stale && proposal.signatures.length < state.threshold) return proposal.status;
    let outcome: { status: "EXECUTED"; txHash: Hex } | { status: "FAILED"; failureReason: string };
    try {
      if (stale) throw new AdminSafeError("the admin Safe has executed another transaction with this nonce since");
      const txHash = await execSafeTx({ ...target, relayer, calls: [callOf(proposal)], nonce: proposal.nonce, signatures: proposal.signatures });
      outcome = { status: "EXECUTED", txHash };
    } catch (error) {
      if (!(error instanceof AdminSafeError)) throw error;
      log.warn("admin Safe proposal failed", { proposalId, error: error.name });
      outcome = { status: "FAILED", failureReason: error.message.slice(0, 500) };
    }
    await tx.adminProposal.update({ where: { id: proposalId }, data: { ...outcome, decidedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "execute",
      resourceType: "AdminProposal",
      resourceId: proposalId,
      purpose: "contract administration",
      outcome: outcome.status === "EXECUTED" ? "SUCCESS" : "FAILURE",
    });
    return outcome.status;
  }, TX_TIMEOUT);
}

export interface AdminSafeOverview {
  safe: Address;
  chainId: number;
  threshold: number;
  owners: readonly Address[];
  nonce: bigint;
  myOwner: Address | null;
  proposals: {
    id: string;
    kind: string;
    summary: string;
    status: string;
    nonce: bigint;
    txHash: string | null;
    failureReason: string | null;
    createdAt: Date;
    proposedBy: string;
    signers: { id: string; name: string }[];
  }[];
}

/** The admin Safe (address, owners, threshold) and the latest proposals with who signed them. */
export async function getAdminSafeOverview(actor: Actor | null, given?: OperatorChain): Promise<AdminSafeOverview> {
  authorize(actor, "contracts:administer");
  const chain = given ?? operatorChain();
  const safe = chain.deployments.admin;
  const [state, proposals, mine] = await Promise.all([
    readSafeState(targetOf(chain, safe)).catch(() => {
      throw new AppError("UNAVAILABLE", "The admin Safe cannot be read: the blockchain is not reachable.");
    }),
    db().adminProposal.findMany({ where: { safeAddress: safe }, orderBy: { createdAt: "desc" }, take: 20, include: { signatures: { orderBy: { createdAt: "asc" } } } }),
    db().adminSafeOwner.findUnique({ where: { userId: actor.userId } }),
  ]);
  const ids = [...new Set(proposals.flatMap((p) => [p.proposedById, ...p.signatures.map((s) => s.signerId)]))];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? users.find((u) => u.id === id)?.email ?? "Unknown";
  return {
    safe,
    chainId: chain.deployments.chainId,
    threshold: state.threshold,
    owners: state.owners,
    nonce: state.nonce,
    myOwner: (mine?.address as Address | undefined) ?? null,
    proposals: proposals.map((p) => ({
      id: p.id,
      kind: p.kind,
      summary: p.summary,
      status: p.status,
      nonce: p.nonce,
      txHash: p.txHash,
      failureReason: p.failureReason,
      createdAt: p.createdAt,
      proposedBy: nameOf(p.proposedById),
      signers: p.signatures.map((s) => ({ id: s.signerId, name: nameOf(s.signerId) })),
    })),
  };
}
