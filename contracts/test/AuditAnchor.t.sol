// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {AuditAnchor} from "../src/AuditAnchor.sol";
import {MerkleTreeBuilder} from "./helpers/MerkleTreeBuilder.sol";

contract AuditAnchorTest is Test {
    // Golden vector computed off-chain with viem (leaf = keccak256(keccak256(abi.encode(uint256 seq, bytes32 h))),
    // h = keccak256("audit-event-<seq>"), StandardMerkleTree layout over seq 1..3).
    bytes32 private constant VECTOR_ROOT = 0x92cc8c7d849cf92c2b35b788d655566862d6e427581d33987b59a1e660c1b1bc;
    bytes32 private constant VECTOR_LEAF_1 = 0xa20b86a4991f0bdcb66894bc7f739a2474dffab4acb4a1a35cf538429d2f4118;
    bytes32 private constant VECTOR_LEAF_2 = 0xbf59638e4569affbf318fc7dbd158095cee74fffb0b86d379c0799991fb972f4;
    bytes32 private constant VECTOR_LEAF_3 = 0x1c4632626af41af619bd6713f768a1b5e91d2d437693f17a5deb9eec59af15ce;
    bytes32 private constant VECTOR_NODE_13 = 0xf470040e33ff1f6e0555592d59167dc71ccffb3cb4c56dd3fb73eff1ce57a768;

    AccessRegistry private accessRegistry;
    AuditAnchor private anchors;
    address private admin = makeAddr("adminSafe");
    address private anchorer = makeAddr("anchoringService");

    function setUp() public {
        accessRegistry = new AccessRegistry(admin);
        anchors = new AuditAnchor(accessRegistry);
        bytes32 anchorerRole = accessRegistry.ANCHORER_ROLE();
        vm.prank(admin);
        accessRegistry.grantRole(anchorerRole, anchorer);
    }

    function _anchor(bytes32 root, uint64 firstSeq, uint64 lastSeq) private returns (uint64) {
        vm.prank(anchorer);
        return anchors.anchor(root, lastSeq - firstSeq + 1, firstSeq, lastSeq);
    }

    function test_Anchor_AppendsContiguousBatches() public {
        vm.expectEmit(address(anchors));
        emit AuditAnchor.Anchored(1, keccak256("root1"), 1000, 1, 1000);
        assertEq(_anchor(keccak256("root1"), 1, 1000), 1);
        assertEq(_anchor(keccak256("root2"), 1001, 1500), 2);

        assertEq(anchors.batchCount(), 2);
        assertEq(anchors.lastSequence(), 1500);
        assertEq(anchors.batchRoot(1), keccak256("root1"));
        assertEq(anchors.batchRoot(2), keccak256("root2"));
    }

    function test_Anchor_RevertWhen_NotAnchorer() public {
        vm.expectRevert(AuditAnchor.NotAnchorer.selector);
        vm.prank(admin);
        anchors.anchor(keccak256("root"), 1, 1, 1);
    }

    function test_Anchor_RevertWhen_AnchorerRevoked() public {
        bytes32 anchorerRole = accessRegistry.ANCHORER_ROLE();
        vm.prank(admin);
        accessRegistry.revokeRole(anchorerRole, anchorer);

        vm.expectRevert(AuditAnchor.NotAnchorer.selector);
        _anchor(keccak256("root"), 1, 1);
    }

    function test_Anchor_RevertWhen_GapOrOverlap() public {
        _anchor(keccak256("root1"), 1, 10);

        vm.startPrank(anchorer);
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.NonContiguous.selector, 11, 12));
        anchors.anchor(keccak256("root2"), 1, 12, 12);
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.NonContiguous.selector, 11, 10));
        anchors.anchor(keccak256("root2"), 1, 10, 10);
        vm.stopPrank();
    }

    function test_Anchor_RevertWhen_FirstBatchDoesNotStartAtOne() public {
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.NonContiguous.selector, 1, 0));
        vm.prank(anchorer);
        anchors.anchor(keccak256("root"), 1, 0, 0);
    }

    function test_Anchor_RevertWhen_InvalidBatch() public {
        vm.startPrank(anchorer);
        vm.expectRevert(AuditAnchor.EmptyRoot.selector);
        anchors.anchor(bytes32(0), 1, 1, 1);
        vm.expectRevert(AuditAnchor.InvalidRange.selector);
        anchors.anchor(keccak256("root"), 0, 1, 0);
        vm.expectRevert(AuditAnchor.EventCountMismatch.selector);
        anchors.anchor(keccak256("root"), 9, 1, 10);
        vm.stopPrank();
    }

    function test_Verify_GoldenVectorFromViem() public {
        _anchor(VECTOR_ROOT, 1, 3);

        assertEq(anchors.hashLeaf(abi.encode(uint256(1), keccak256("audit-event-1"))), VECTOR_LEAF_1);
        assertEq(anchors.hashLeaf(abi.encode(uint256(2), keccak256("audit-event-2"))), VECTOR_LEAF_2);

        bytes32[] memory proof1 = new bytes32[](2);
        proof1[0] = VECTOR_LEAF_3;
        proof1[1] = VECTOR_LEAF_2;
        assertTrue(anchors.verify(1, VECTOR_LEAF_1, proof1));

        bytes32[] memory proof2 = new bytes32[](1);
        proof2[0] = VECTOR_NODE_13;
        assertTrue(anchors.verify(1, VECTOR_LEAF_2, proof2));
        assertFalse(anchors.verify(1, VECTOR_LEAF_3, proof2));
    }

    function test_Verify_FalseForUnknownBatch() public view {
        assertFalse(anchors.verify(1, VECTOR_LEAF_1, new bytes32[](0)));
    }

    function test_Verify_SingleLeafTree() public {
        bytes32 leaf = anchors.hashLeaf(abi.encode(uint256(1), keccak256("only")));
        _anchor(leaf, 1, 1);
        assertTrue(anchors.verify(1, leaf, new bytes32[](0)));
    }

    /// Random trees of 1..40 events (StandardMerkleTree layout): every leaf proves against its batch, and nothing proves against another batch.
    function testFuzz_Verify_RandomTrees(uint256 seed, uint8 size) public {
        uint64 n = uint64(size % 40) + 1;
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            leaves[i] = anchors.hashLeaf(abi.encode(i + 1, keccak256(abi.encode(seed, i))));
        }
        bytes32[] memory tree = MerkleTreeBuilder.build(leaves);
        _anchor(tree[0], 1, n);
        _anchor(keccak256(abi.encode(seed, "other")), n + 1, n + 1);

        for (uint256 i; i < n; ++i) {
            bytes32[] memory proof = MerkleTreeBuilder.proof(tree, leaves[i]);
            assertTrue(anchors.verify(1, leaves[i], proof), "leaf proves");
            assertFalse(anchors.verify(2, leaves[i], proof), "not in another batch");
        }
        bytes32 outsider = anchors.hashLeaf(abi.encode(n + 1, keccak256(abi.encode(seed, n))));
        assertFalse(anchors.verify(1, outsider, MerkleTreeBuilder.proof(tree, leaves[0])), "outsider rejected");
    }

    function testFuzz_Verify_RejectsInnerNodeAsLeaf(uint256 seed) public {
        bytes32[] memory leaves = new bytes32[](4);
        for (uint256 i; i < 4; ++i) {
            leaves[i] = anchors.hashLeaf(abi.encode(i + 1, keccak256(abi.encode(seed, i))));
        }
        bytes32[] memory tree = MerkleTreeBuilder.build(leaves);
        _anchor(tree[0], 1, 4);

        bytes32[] memory proof = new bytes32[](1);
        proof[0] = tree[2];
        assertTrue(anchors.verify(1, tree[1], proof), "sanity: inner node path");
        // A leaf is the double hash of its data, so an inner node's 64-byte preimage can never be presented as data.
        assertFalse(anchors.verify(1, anchors.hashLeaf(abi.encodePacked(tree[3], tree[4])), proof));
    }

    /// Steady state (not the first batch): one new slot for the root, the head slot updated, the role checked.
    function test_Gas_Anchor() public {
        _anchor(keccak256("root1"), 1, 1000);
        vm.cool(address(anchors));
        vm.cool(address(accessRegistry));
        _anchor(keccak256("root2"), 1001, 2000);
        uint256 gasUsed = vm.lastCallGas().gasTotalUsed;
        emit log_named_uint("anchor (per batch) execution gas", gasUsed);
        assertLt(gasUsed, 45_000);
    }
}
