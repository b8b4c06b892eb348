// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {AuditAnchor} from "../src/AuditAnchor.sol";
import {AuditAnchorHandler} from "./helpers/AuditAnchorHandler.sol";

contract AuditAnchorInvariantTest is Test {
    AuditAnchor private anchors;
    AuditAnchorHandler private handler;

    function setUp() public {
        address admin = makeAddr("adminSafe");
        address anchorer = makeAddr("anchoringService");
        AccessRegistry accessRegistry = new AccessRegistry(admin);
        anchors = new AuditAnchor(accessRegistry);
        handler = new AuditAnchorHandler(anchors, anchorer);
        bytes32 anchorerRole = accessRegistry.ANCHORER_ROLE();
        vm.prank(admin);
        accessRegistry.grantRole(anchorerRole, anchorer);

        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](2);
        selectors[0] = AuditAnchorHandler.anchor.selector;
        selectors[1] = AuditAnchorHandler.anchorWithGap.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// Batches tile the sequence 1..lastSequence() with no gap or overlap, and every batch keeps a root.
    function invariant_SequenceRangesAreContiguous() public view {
        uint256 count = handler.batchCount();
        assertEq(anchors.batchCount(), count);
        uint64 expectedFirst = 1;
        for (uint256 i; i < count; ++i) {
            assertEq(handler.firstSeqs(i), expectedFirst);
            assertGe(handler.lastSeqs(i), handler.firstSeqs(i));
            assertNotEq(anchors.batchRoot(i + 1), bytes32(0));
            expectedFirst = handler.lastSeqs(i) + 1;
        }
        assertEq(anchors.lastSequence(), expectedFirst - 1);
    }
}
