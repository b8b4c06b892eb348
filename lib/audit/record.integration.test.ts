import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createActor } from "@/test/factories";
import { auditHash, GENESIS_HASH } from "./hash";
import { recordAuditNow, verifyAuditChain } from "./record";

// A direct connection as the database's owner (a superuser in the test database), for what the app never does.
const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => owner.connect());
afterAll(() => owner.end());

async function chainLength(): Promise<number> {
  const result = await verifyAuditChain();
  if (!result.ok) throw new Error(`the audit chain is broken at ${result.seq}: ${result.problem}`);
  return result.rows;
}

describe("audit chain", () => {
  it("stays one contiguous, valid chain under 50 concurrent writers", async () => {
    const before = await chainLength();
    const actor = await createActor("DOCTOR");
    const marker = randomUUID();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordAuditNow({ actor, action: "read", resourceType: "Patient", resourceId: `${marker}:${i}`, purpose: "treatment" }),
      ),
    );
    expect(await chainLength()).toBe(before + 50);

    const rows = await db().auditEvent.findMany({ where: { resourceId: { startsWith: marker } }, orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.resourceId)).size).toBe(50);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.seq).toBe(rows[i - 1]!.seq + 1n);
      expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    }
    for (const row of rows) expect(row).toMatchObject({ actorId: actor.userId, actorRole: "DOCTOR", outcome: "SUCCESS", hash: auditHash(row) });
  });

  it("starts from the genesis hash and records anonymous events", async () => {
    const first = await db().auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" } });
    expect(first.prevHash).toBe(GENESIS_HASH);
    const id = randomUUID();
    await recordAuditNow({ actor: null, action: "sign-in", resourceType: "Session", resourceId: id, purpose: "sign-in attempt", outcome: "DENIED" });
    expect(await db().auditEvent.findFirstOrThrow({ where: { resourceId: id } })).toMatchObject({ actorId: null, actorRole: "ANONYMOUS", outcome: "DENIED" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE on AuditEvent at the database", async () => {
    await recordAuditNow({ actor: null, action: "probe", resourceType: "Test", purpose: "append-only check" });
    const { seq } = await db().auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await expect(owner.query(`UPDATE "AuditEvent" SET "purpose" = 'edited' WHERE "seq" = $1`, [seq])).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(owner.query(`DELETE FROM "AuditEvent" WHERE "seq" = $1`, [seq])).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(owner.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    await expect(db().auditEvent.update({ where: { seq }, data: { purpose: "edited" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect((await db().auditEvent.findFirstOrThrow({ where: { seq } })).purpose).toBe("append-only check");
    expect(await chainLength()).toBeGreaterThan(0);
  });

  it("names exactly the edited row when the trigger is bypassed", async () => {
    const actor = await createActor("ADMIN");
    for (let i = 0; i < 5; i++) await recordAuditNow({ actor, action: "read", resourceType: "Patient", purpose: "audit review" });
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "desc" }, take: 5 });
    const target = rows[2]!;
    await owner.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    try {
      await owner.query(`UPDATE "AuditEvent" SET "purpose" = 'marketing' WHERE "seq" = $1`, [target.seq]);
      expect(await verifyAuditChain()).toEqual({ ok: false, seq: target.seq, problem: "its content does not match its hash" });
      await owner.query(`UPDATE "AuditEvent" SET "purpose" = $1 WHERE "seq" = $2`, [target.purpose, target.seq]);
    } finally {
      await owner.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    }
    expect((await verifyAuditChain()).ok).toBe(true);
    await expect(owner.query(`UPDATE "AuditEvent" SET "purpose" = 'x' WHERE "seq" = $1`, [target.seq])).rejects.toThrow(/append-only/);
  });
});
