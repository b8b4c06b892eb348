import { describe, expect, it } from "vitest";
import { keccak256, toHex } from "viem";
import { auditLeaf, merkleProof, merkleRoot, verifyMerkleProof } from "./audit-merkle.ts";

const leaves = (n: number) => Array.from({ length: n }, (_, i) => auditLeaf(BigInt(i + 1), keccak256(toHex(`event ${i + 1}`))));

describe("audit Merkle trees", () => {
  it("computes leaves like AuditAnchor.hashLeaf (the contracts' golden vector)", () => {
    expect(auditLeaf(1n, keccak256(toHex("audit-event-1")))).toBe("0xa20b86a4991f0bdcb66894bc7f739a2474dffab4acb4a1a35cf538429d2f4118");
    expect(auditLeaf(3n, keccak256(toHex("audit-event-3")))).toBe("0x1c4632626af41af619bd6713f768a1b5e91d2d437693f17a5deb9eec59af15ce");
  });

  it("uses the leaf itself as the root of a single-leaf tree", () => {
    const [leaf] = leaves(1);
    expect(merkleRoot([leaf!])).toBe(leaf);
    expect(merkleProof([leaf!], 0)).toEqual([]);
  });

  it.each([2, 3, 7, 100, 1000])("proves every sampled leaf of a %i-leaf tree", (n) => {
    const all = leaves(n);
    const root = merkleRoot(all);
    for (const i of [0, Math.floor(n / 2), n - 1]) expect(verifyMerkleProof(all[i]!, merkleProof(all, i), root)).toBe(true);
  });

  it("rejects a leaf that is not in the tree", () => {
    const all = leaves(10);
    expect(verifyMerkleProof(auditLeaf(99n, keccak256("0x")), merkleProof(all, 3), merkleRoot(all))).toBe(false);
  });
});
