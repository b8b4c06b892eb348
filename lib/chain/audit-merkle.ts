import { concat, encodeAbiParameters, hexToBigInt, keccak256, type Hex } from "viem";

/**
 * Merkle trees over audit events, as AuditAnchor verifies them (OpenZeppelin's StandardMerkleTree convention):
 * leaf = keccak256(keccak256(abi.encode(uint256 seq, bytes32 eventHash))), node = keccak256 of the sorted pair.
 * An odd node at the end of a level moves up unchanged. One root per batch is anchored; proofs are kept off-chain.
 */

export function auditLeaf(seq: bigint, eventHash: Hex): Hex {
  return keccak256(keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "bytes32" }], [seq, eventHash])));
}

function hashPair(a: Hex, b: Hex): Hex {
  return hexToBigInt(a) < hexToBigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

function nextLevel(level: readonly Hex[]): Hex[] {
  const next: Hex[] = [];
  for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? hashPair(level[i]!, level[i + 1]!) : level[i]!);
  return next;
}

export function merkleRoot(leaves: readonly Hex[]): Hex {
  if (leaves.length === 0) throw new Error("merkleRoot: no leaves");
  let level = [...leaves];
  while (level.length > 1) level = nextLevel(level);
  return level[0]!;
}

/** Sibling hashes from the leaf at `index` up to the root (no left/right flags: pairs are sorted). */
export function merkleProof(leaves: readonly Hex[], index: number): Hex[] {
  if (index < 0 || index >= leaves.length) throw new Error("merkleProof: index out of range");
  const proof: Hex[] = [];
  let level = [...leaves];
  let i = index;
  while (level.length > 1) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) proof.push(level[sibling]!);
    level = nextLevel(level);
    i = Math.floor(i / 2);
  }
  return proof;
}

export function verifyMerkleProof(leaf: Hex, proof: readonly Hex[], root: Hex): boolean {
  return proof.reduce(hashPair, leaf) === root;
}
