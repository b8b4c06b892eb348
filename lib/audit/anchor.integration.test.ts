import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeFunctionData } from "viem";
import { auditAnchorAbi } from "@/lib/chain/abi";
import { auditLeaf, merkleRoot } from "@/lib/chain/audit-merkle";
import { startTestStack, type TestStack } from "@/lib/chain/test-stack";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEV_KEYS } from "@/scripts/services/chain";
import { createActor } from "@/test/factories";
import { anchorNewAuditEvents, eventHashOf } from "./anchor";
import { operatorChainFrom, type OperatorChain } from "./anchor-chain";
import { chainMarksOf, getAuditProof } from "./proof";
import { recordAudit, recordAuditNow, verifyAuditChain } from "./record";

const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });

async function recordMany(n: number, patientId?: string) {
  await db().$transaction(
    async (tx) => {
      for (let i = 0; i < n; i++) await recordAudit(tx, { actor: null, action: "read", resourceType: "Test", resourceId: `bulk-${i}`, patientId, purpose: "anchoring test" });
    },
    { timeout: 120_000 },
  );
}

async function anchorAll(chain: OperatorChain) {
  const batches = [];
  for (let b = await anchorNewAuditEvents(chain); b; b = await anchorNewAuditEvents(chain)) batches.push(b);
  return batches;
}

describe("audit anchoring on chain", { timeout: 120_000 }, () => {
  let t: TestStack;
  let chain: OperatorChain;

  beforeAll(async () => {
    await owner.connect();
    t = await startTestStack();
    chain = operatorChainFrom({ publicClient: t.clients.publicClient, deployments: t.stack.deployments, operatorKey: DEV_KEYS.operator, rpcUrl: t.stack.rpcUrl });
    // Earlier test files of this run left events behind: anchor them first, so each test starts from a clean head.
    await recordAuditNow({ actor: null, action: "probe", resourceType: "Test", purpose: "first event" });
    await anchorAll(chain);
  }, 180_000);
  afterAll(async () => {
    await owner.end();
    await t?.stop();
  });

  it("anchors contiguous ranges whose roots match the events, and measures gas per event", async () => {
    const gas: Record<number, number> = {};
    for (const size of [1, 100, 1000]) {
      await recordMany(size);
      const batch = await anchorNewAuditEvents(chain, { maxBatchSize: size });
      expect(batch).not.toBeNull();
      expect(batch!.eventCount).toBe(size);
      const rows = await db().auditEvent.findMany({ where: { seq: { gte: batch!.firstSeq, lte: batch!.lastSeq } }, orderBy: { seq: "asc" } });
      expect(merkleRoot(rows.map((r) => auditLeaf(r.seq, eventHashOf(r.hash))))).toBe(batch!.root);
      expect(await t.clients.publicClient.readContract({ address: chain.deployments.contracts.AuditAnchor!, abi: auditAnchorAbi, functionName: "batchRoot", args: [batch!.batch] })).toBe(batch!.root);
      gas[size] = Number(batch!.gasUsed) / size;
    }
    console.log(`anchor gas per event: ${JSON.stringify(gas)}`);
    expect(gas[1000]).toBeLessThan(100);
    expect(await anchorNewAuditEvents(chain)).toBeNull();
    const stored = await db().auditBatch.findMany({ where: { contract: chain.deployments.contracts.AuditAnchor! }, orderBy: { batch: "asc" } });
    for (let i = 1; i < stored.length; i++) expect(stored[i]!.firstSeq).toBe(stored[i - 1]!.lastSeq + 1n);
  });

  it("records a batch the chain has but the database lost (a crash after sending), then goes on", async () => {
    await recordMany(3);
    const anchor = chain.deployments.contracts.AuditAnchor!;
    const last = await t.clients.publicClient.readContract({ address: anchor, abi: auditAnchorAbi, functionName: "lastSequence" });
    const rows = await db().auditEvent.findMany({ where: { seq: { gt: last } }, orderBy: { seq: "asc" }, take: 2 });
    const root = merkleRoot(rows.map((r) => auditLeaf(r.seq, eventHashOf(r.hash))));
    // The operator sends a batch and "crashes" before recording it.
    const hash = await chain.operator!.sendTransaction({
      to: anchor,
      data: encodeFunctionData({ abi: auditAnchorAbi, functionName: "anchor", args: [root, 2n, last + 1n, last + 2n] }),
    });
    await t.clients.publicClient.waitForTransactionReceipt({ hash });
    const next = await anchorNewAuditEvents(chain);
    expect(next).toMatchObject({ firstSeq: last + 3n, eventCount: 1 });
    expect(await db().auditBatch.findFirst({ where: { contract: anchor, firstSeq: last + 1n } })).toMatchObject({ lastSeq: last + 2n, root, txHash: hash });
  });

  it("proves an event to its patient and to an admin, against the chain; nobody else sees it", async () => {
    const patient = await createActor("PATIENT");
    const doctor = await createActor("DOCTOR");
    await recordAuditNow({ actor: doctor, patientId: patient.userId, action: "read", resourceType: "Patient", resourceId: patient.userId, purpose: "treatment" });
    await recordMany(4);
    const event = await db().auditEvent.findFirstOrThrow({ where: { patientId: patient.userId } });
    expect(await getAuditProof(patient, event.id, chain)).toMatchObject({ anchored: false, verifiedOnChain: false, contentMatches: true });
    await anchorAll(chain);

    const proof = await getAuditProof(patient, event.id, chain);
    expect(proof).toMatchObject({ anchored: true, verifiedOnChain: true, contentMatches: true, seq: String(event.seq) });
    expect(proof.proof!.length).toBeGreaterThan(0);
    expect((await getAuditProof(await createActor("ADMIN"), event.id, chain)).verifiedOnChain).toBe(true);
    const refused = async (p: Promise<unknown>) => p.then(() => "allowed", (e: unknown) => (e as AppError).code);
    expect(await refused(getAuditProof(await createActor("PATIENT"), event.id, chain))).toBe("NOT_FOUND");
    expect(await refused(getAuditProof(doctor, event.id, chain))).toBe("FORBIDDEN");
    expect(await refused(getAuditProof(null, event.id, chain))).toBe("UNAUTHENTICATED");
  });

  it("detects an audit row edited after anchoring: the proof fails on chain and the tamper check names the row", async () => {
    const patient = await createActor("PATIENT");
    await recordMany(5, patient.userId);
    await anchorAll(chain);
    const rows = await db().auditEvent.findMany({ where: { patientId: patient.userId }, orderBy: { seq: "asc" } });
    const target = rows[2]!;
    await owner.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    try {
      await owner.query(`UPDATE "AuditEvent" SET "purpose" = 'marketing' WHERE "seq" = $1`, [target.seq]);
      const proof = await getAuditProof(patient, target.id, chain);
      expect(proof).toMatchObject({ anchored: true, contentMatches: false, verifiedOnChain: false });
      const edited = await db().auditEvent.findMany({ where: { patientId: patient.userId }, orderBy: { seq: "asc" } });
      const marks = await chainMarksOf(edited, chain);
      expect(edited.map((r) => marks.get(r.seq))).toEqual(["verified", "verified", "mismatch", "verified", "verified"]);
      expect(await verifyAuditChain()).toEqual({ ok: false, seq: target.seq, problem: "its content does not match its hash" });
    } finally {
      await owner.query(`UPDATE "AuditEvent" SET "purpose" = $1 WHERE "seq" = $2`, [target.purpose, target.seq]);
      await owner.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    }
    expect((await getAuditProof(patient, target.id, chain)).verifiedOnChain).toBe(true);
  });
});
