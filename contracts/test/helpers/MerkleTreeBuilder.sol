// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// Builds Merkle trees in the StandardMerkleTree layout of OpenZeppelin's merkle-tree package (leaves sorted, complete binary
/// tree in an array, sorted-pair keccak) so tests prove what the off-chain anchoring service will produce.
library MerkleTreeBuilder {
    /// Returns the tree array (root at index 0) for leaf hashes; the leaves are sorted first.
    function build(bytes32[] memory leaves) internal pure returns (bytes32[] memory tree) {
        bytes32[] memory sorted = _sorted(leaves);
        uint256 n = sorted.length;
        tree = new bytes32[](2 * n - 1);
        for (uint256 i; i < n; ++i) {
            tree[tree.length - 1 - i] = sorted[i];
        }
        for (uint256 i = tree.length - n; i > 0; --i) {
            tree[i - 1] = Hashes.commutativeKeccak256(tree[2 * i - 1], tree[2 * i]);
        }
    }

    function proof(bytes32[] memory tree, bytes32 leaf) internal pure returns (bytes32[] memory path) {
        uint256 index = _indexOf(tree, leaf);
        uint256 depth;
        for (uint256 i = index; i > 0; i = (i - 1) / 2) {
            ++depth;
        }
        path = new bytes32[](depth);
        for (uint256 d; d < depth; ++d) {
            path[d] = tree[index % 2 == 1 ? index + 1 : index - 1];
            index = (index - 1) / 2;
        }
    }

    function _indexOf(bytes32[] memory tree, bytes32 leaf) private pure returns (uint256) {
        for (uint256 i = tree.length; i > 0; --i) {
            if (tree[i - 1] == leaf) return i - 1;
        }
        revert("leaf not in tree");
    }

    function _sorted(bytes32[] memory leaves) private pure returns (bytes32[] memory sorted) {
        sorted = new bytes32[](leaves.length);
        for (uint256 i; i < leaves.length; ++i) {
            bytes32 value = leaves[i];
            uint256 j = i;
            while (j > 0 && sorted[j - 1] > value) {
                sorted[j] = sorted[j - 1];
                --j;
            }
            sorted[j] = value;
        }
    }
}
