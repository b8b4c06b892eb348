// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {AuditAnchor} from "../../src/AuditAnchor.sol";

/// Anchors batches of random sizes as the anchoring service, and records each batch's range from the return value.
contract AuditAnchorHandler is CommonBase, StdUtils {
    AuditAnchor public immutable anchors;
    address public immutable anchorer;

    uint64[] public firstSeqs;
    uint64[] public lastSeqs;

    constructor(AuditAnchor anchors_, address anchorer_) {
        anchors = anchors_;
        anchorer = anchorer_;
    }

    function anchor(bytes32 root, uint256 size) external {
        if (root == bytes32(0)) root = keccak256("non-empty");
        uint64 firstSeq = anchors.lastSequence() + 1;
        uint64 lastSeq = firstSeq + uint64(bound(size, 1, 5000)) - 1;
        vm.prank(anchorer);
        uint64 batch = anchors.anchor(root, lastSeq - firstSeq + 1, firstSeq, lastSeq);
        require(batch == firstSeqs.length + 1, "batch numbers increase by one");
        firstSeqs.push(firstSeq);
        lastSeqs.push(lastSeq);
    }

    /// A batch that does not continue where the last one ended must always be refused.
    function anchorWithGap(bytes32 root, uint64 firstSeq) external {
        if (firstSeq == anchors.lastSequence() + 1) return;
        vm.prank(anchorer);
        try anchors.anchor(root, 1, firstSeq, firstSeq) {
            revert("non-contiguous batch accepted");
        } catch {}
    }

    function batchCount() external view returns (uint256) {
        return firstSeqs.length;
    }
}
