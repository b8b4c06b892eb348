// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";

/*
 * AuditAnchor: an append-only list of Merkle roots over the off-chain audit log.
 *
 * Batches are numbered 1, 2, 3, ...; audit sequence numbers start at 1 and every batch continues exactly where the
 * previous one ended (firstSeq == previous lastSeq + 1, eventCount == lastSeq - firstSeq + 1).
 * Per batch only the root is stored (one new slot); the range lives in the Anchored event, and the running head
 * (batch count, last sequence) shares one slot. Only holders of ANCHORER_ROLE in the AccessRegistry may anchor.
 *
 * Merkle convention (identical to @openzeppelin/merkle-tree's StandardMerkleTree, so it can be used off-chain):
 *   leaf  = keccak256(bytes.concat(keccak256(data)))        double hash, so a leaf never equals an inner node
 *           where data = abi.encode(...) of the leaf's values; recommended: abi.encode(uint256 seq, bytes32 eventHash)
 *           (StandardMerkleTree.of(values, ["uint256", "bytes32"])) so a proof also proves the sequence number.
 *   node  = keccak256(a < b ? a ‖ b : b ‖ a)                  sorted pair, 64 bytes (OZ Hashes.commutativeKeccak256)
 *   root of a single-leaf tree = the leaf itself (empty proof).
 * Because pairs are sorted, proofs carry no left/right flags and any tree shape that hashes pairs this way verifies
 * (StandardMerkleTree's layout, or promoting an odd last node to the next level).
 */
contract AuditAnchor {
    struct Head {
        uint64 batchCount;
        uint64 lastSeq;
    }

    IAccessRegistry public immutable accessRegistry;

    Head private _head;
    mapping(uint256 batch => bytes32 root) public batchRoot;

    event Anchored(uint64 indexed batch, bytes32 root, uint64 eventCount, uint64 firstSeq, uint64 lastSeq);

    error NotAnchorer();
    error EmptyRoot();
    error NonContiguous(uint64 expectedFirstSeq, uint64 firstSeq);
    error InvalidRange();
    error EventCountMismatch();

    constructor(IAccessRegistry accessRegistry_) {
        accessRegistry = accessRegistry_;
    }

    /// Appends a batch covering audit events firstSeq..lastSeq (inclusive) and returns its batch number.
    function anchor(bytes32 root, uint64 eventCount, uint64 firstSeq, uint64 lastSeq) external returns (uint64 batch) {
        if (!accessRegistry.isAnchorer(msg.sender)) revert NotAnchorer();
        if (root == bytes32(0)) revert EmptyRoot();
        Head memory head = _head;
        if (firstSeq != head.lastSeq + 1) revert NonContiguous(head.lastSeq + 1, firstSeq);
        if (lastSeq < firstSeq) revert InvalidRange();
        if (eventCount != lastSeq - firstSeq + 1) revert EventCountMismatch();

        batch = head.batchCount + 1;
        _head = Head({batchCount: batch, lastSeq: lastSeq});
        batchRoot[batch] = root;
        emit Anchored(batch, root, eventCount, firstSeq, lastSeq);
    }

    /// True when `leaf` (already hashed, see hashLeaf) is in the tree anchored as `batch`.
    function verify(uint256 batch, bytes32 leaf, bytes32[] calldata proof) external view returns (bool) {
        bytes32 root = batchRoot[batch];
        return root != bytes32(0) && MerkleProof.verifyCalldata(proof, root, leaf);
    }

    /// The leaf for `data` (the abi-encoded leaf values): keccak256(bytes.concat(keccak256(data))).
    function hashLeaf(bytes calldata data) external pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(data)));
    }

    function batchCount() external view returns (uint64) {
        return _head.batchCount;
    }

    /// The last anchored audit sequence number; the next batch must start at lastSequence() + 1.
    function lastSequence() external view returns (uint64) {
        return _head.lastSeq;
    }
}
