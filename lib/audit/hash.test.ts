import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditHash, findFirstBrokenRow, GENESIS_HASH, type ChainRow } from "./hash";

/** A valid chain of n rows, seq 1..n, built the way recordAudit links them. */
function chain(n: number, startPrevHash = GENESIS_HASH): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = startPrevHash;
  for (let i = 1; i <= n; i++) {
    const fields = {
      id: randomUUID(),
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorId: randomUUID(),
      actorRole: "DOCTOR",
      patientId: randomUUID(),
      action: "read",
      resourceType: "Patient",
      resourceId: `r${i}`,
      purpose: "treatment",
      outcome: "SUCCESS",
      prevHash,
    };
    const row = { ...fields, seq: BigInt(i), hash: auditHash(fields) };
    rows.push(row);
    prevHash = row.hash;
  }
  return rows;
}

describe("auditHash", () => {
  it("is a hex SHA-256 that changes with every hashed field", () => {
    const [row] = chain(1);
    const base = auditHash(row!);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const edits: Partial<ChainRow>[] = [
      { id: randomUUID() },
      { at: new Date(row!.at.getTime() + 1) },
      { actorId: null },
      { actorRole: "ADMIN" },
      { patientId: null },
      { action: "update" },
      { resourceType: "User" },
      { resourceId: null },
      { purpose: "curiosity" },
      { outcome: "DENIED" },
      { prevHash: "f".repeat(64) },
    ];
    for (const edit of edits) expect(auditHash({ ...row!, ...edit }), JSON.stringify(Object.keys(edit))).not.toBe(base);
  });
});

describe("findFirstBrokenRow", () => {
  it("accepts an intact chain, and an empty one", () => {
    expect(findFirstBrokenRow(chain(6))).toBeNull();
    expect(findFirstBrokenRow([])).toBeNull();
  });

  it("names the edited row when a field is changed in place", () => {
    const rows = chain(6);
    rows[3] = { ...rows[3]!, purpose: "marketing" };
    expect(findFirstBrokenRow(rows)).toEqual({ seq: 4n, problem: "its content does not match its hash" });
  });

  it("names the edited row even when its hash was recomputed, by the broken link after it", () => {
    const rows = chain(6);
    const edited = { ...rows[2]!, purpose: "marketing" };
    rows[2] = { ...edited, hash: auditHash(edited) };
    expect(findFirstBrokenRow(rows)).toEqual({ seq: 4n, problem: "its link to the previous row does not match" });
  });

  it("names the first row out of place when two rows are swapped", () => {
    const rows = chain(6);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(findFirstBrokenRow(rows)?.seq).toBe(3n);
  });

  it("names the row after a removed one", () => {
    const rows = chain(6);
    rows.splice(4, 1);
    expect(findFirstBrokenRow(rows)?.seq).toBe(6n);
  });

  it("names the first row when the head of the chain is removed", () => {
    expect(findFirstBrokenRow(chain(3).slice(1))?.seq).toBe(2n);
  });

  it("continues a chain from a given predecessor hash (paging)", () => {
    const rows = chain(6);
    expect(findFirstBrokenRow(rows.slice(3), rows[2]!.hash)).toBeNull();
    expect(findFirstBrokenRow(rows.slice(3))?.seq).toBe(4n);
  });
});
