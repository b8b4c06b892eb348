// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {ConsentRegistry} from "../src/ConsentRegistry.sol";

contract ConsentRegistryTest is Test {
    bytes32 private constant MEDICATIONS = keccak256("medications");
    bytes32 private constant LAB_RESULTS = keccak256("lab-results");
    /// The portal's default emergency access (BREAK_GLASS_MINUTES = 60).
    uint64 private constant ONE_HOUR = 1 hours;

    AccessRegistry private accessRegistry;
    ConsentRegistry private consents;
    address private admin = makeAddr("adminSafe");
    address private patient = makeAddr("patient");
    address private doctor = makeAddr("doctor");
    address private clinic = makeAddr("clinicOrg");
    bytes32 private allScope;
    uint64 private inADay;

    function setUp() public {
        vm.warp(1_750_000_000);
        accessRegistry = new AccessRegistry(admin);
        consents = new ConsentRegistry(accessRegistry);
        allScope = consents.SCOPE_ALL();
        inADay = uint64(block.timestamp + 1 days);
        bytes32 clinicianRole = accessRegistry.CLINICIAN_ROLE();
        vm.prank(admin);
        accessRegistry.grantRole(clinicianRole, doctor);
    }

    function _grant(address grantee, bytes32 scope, uint64 expiry) private {
        vm.prank(patient);
        consents.grant(grantee, scope, expiry);
    }

    function test_ScopeAllConstant() public view {
        assertEq(allScope, keccak256("ALL"));
        assertEq(consents.MAX_BREAK_GLASS_DURATION(), 24 hours);
    }

    function test_Grant_AllowsOnlyThatScopeAndGrantee() public {
        vm.expectEmit(address(consents));
        emit ConsentRegistry.ConsentGranted(patient, clinic, MEDICATIONS, inADay);
        _grant(clinic, MEDICATIONS, inADay);

        assertTrue(consents.isAllowed(patient, clinic, MEDICATIONS));
        assertFalse(consents.isAllowed(patient, clinic, LAB_RESULTS));
        assertFalse(consents.isAllowed(patient, doctor, MEDICATIONS));
        assertFalse(consents.isAllowed(clinic, patient, MEDICATIONS));
        assertEq(consents.consentExpiry(patient, clinic, MEDICATIONS), inADay);
    }

    function test_GrantAll_CoversEveryScope() public {
        _grant(clinic, allScope, inADay);

        assertTrue(consents.isAllowed(patient, clinic, MEDICATIONS));
        assertTrue(consents.isAllowed(patient, clinic, LAB_RESULTS));
        assertTrue(consents.isAllowed(patient, clinic, allScope));
    }

    function test_Grant_ExpiresAtExpiry() public {
        _grant(clinic, MEDICATIONS, inADay);

        vm.warp(inADay - 1);
        assertTrue(consents.isAllowed(patient, clinic, MEDICATIONS));
        vm.warp(inADay);
        assertFalse(consents.isAllowed(patient, clinic, MEDICATIONS));
    }

    function test_Grant_ReplacesExpiry() public {
        _grant(clinic, MEDICATIONS, inADay);
        _grant(clinic, MEDICATIONS, uint64(block.timestamp + 1 hours));

        vm.warp(block.timestamp + 2 hours);
        assertFalse(consents.isAllowed(patient, clinic, MEDICATIONS));
    }

    function test_Grant_RevertWhen_InvalidInput() public {
        vm.startPrank(patient);
        vm.expectRevert(ConsentRegistry.InvalidGrantee.selector);
        consents.grant(address(0), MEDICATIONS, inADay);
        vm.expectRevert(ConsentRegistry.InvalidGrantee.selector);
        consents.grant(patient, MEDICATIONS, inADay);
        vm.expectRevert(ConsentRegistry.InvalidScope.selector);
        consents.grant(clinic, bytes32(0), inADay);
        vm.expectRevert(ConsentRegistry.ExpiryNotInFuture.selector);
        consents.grant(clinic, MEDICATIONS, uint64(block.timestamp));
        vm.stopPrank();
    }

    function test_Revoke_EndsAccess() public {
        _grant(clinic, MEDICATIONS, inADay);

        vm.expectEmit(address(consents));
        emit ConsentRegistry.ConsentRevoked(patient, clinic, MEDICATIONS);
        vm.prank(patient);
        consents.revoke(clinic, MEDICATIONS);

        assertFalse(consents.isAllowed(patient, clinic, MEDICATIONS));
        assertEq(consents.consentExpiry(patient, clinic, MEDICATIONS), 0);
    }

    function test_Revoke_CategoryLeavesAllGrant() public {
        _grant(clinic, MEDICATIONS, inADay);
        _grant(clinic, allScope, inADay);
        vm.prank(patient);
        consents.revoke(clinic, MEDICATIONS);
        assertTrue(consents.isAllowed(patient, clinic, MEDICATIONS), "ALL still in force");

        vm.prank(patient);
        consents.revoke(clinic, allScope);
        assertFalse(consents.isAllowed(patient, clinic, MEDICATIONS));
    }

    function test_Revoke_RevertWhen_NoGrant() public {
        vm.prank(patient);
        vm.expectRevert(ConsentRegistry.NoConsent.selector);
        consents.revoke(clinic, MEDICATIONS);
    }

    function test_Revoke_OnlyPatientChangesOwnGrants() public {
        _grant(clinic, MEDICATIONS, inADay);

        vm.prank(clinic);
        vm.expectRevert(ConsentRegistry.NoConsent.selector);
        consents.revoke(clinic, MEDICATIONS);
        assertTrue(consents.isAllowed(patient, clinic, MEDICATIONS));
    }

    function test_BreakGlass_VerifiedClinicianGetsTimedAccess() public {
        bytes32 reasonHash = keccak256("case-file-123");
        uint64 until = uint64(block.timestamp + ONE_HOUR);

        vm.expectEmit(address(consents));
        emit ConsentRegistry.BreakGlass(patient, doctor, reasonHash, until);
        vm.prank(doctor);
        assertEq(consents.breakGlass(patient, reasonHash, ONE_HOUR), until);

        assertEq(consents.breakGlassUntil(patient, doctor), until);
        assertTrue(consents.isAllowed(patient, doctor, MEDICATIONS));
        assertTrue(consents.isAllowed(patient, doctor, LAB_RESULTS));
        vm.warp(until - 1);
        assertTrue(consents.isAllowed(patient, doctor, MEDICATIONS));
        vm.warp(until);
        assertFalse(consents.isAllowed(patient, doctor, MEDICATIONS));
        assertFalse(consents.isAllowed(patient, doctor, LAB_RESULTS));
    }

    function test_BreakGlass_MaxDurationIsTheCap() public {
        uint64 max = consents.MAX_BREAK_GLASS_DURATION();
        vm.startPrank(doctor);
        assertEq(consents.breakGlass(patient, keccak256("reason"), max), uint64(block.timestamp) + max);
        vm.expectRevert(ConsentRegistry.InvalidDuration.selector);
        consents.breakGlass(patient, keccak256("reason"), max + 1);
        vm.expectRevert(ConsentRegistry.InvalidDuration.selector);
        consents.breakGlass(patient, keccak256("reason"), 0);
        vm.expectRevert(ConsentRegistry.InvalidDuration.selector);
        consents.breakGlass(patient, keccak256("reason"), type(uint64).max);
        vm.stopPrank();
        assertEq(consents.breakGlassUntil(patient, doctor), uint64(block.timestamp) + max, "refusals change nothing");
    }

    function test_BreakGlass_AgainReplacesTheEnd() public {
        vm.startPrank(doctor);
        consents.breakGlass(patient, keccak256("first"), 24 hours);
        vm.warp(block.timestamp + 10 minutes);
        uint64 until = consents.breakGlass(patient, keccak256("second"), ONE_HOUR);
        vm.stopPrank();

        assertEq(until, uint64(block.timestamp) + ONE_HOUR);
        assertEq(consents.breakGlassUntil(patient, doctor), until);
        vm.warp(until);
        assertFalse(consents.isAllowed(patient, doctor, MEDICATIONS));
    }

    function test_BreakGlass_EndsWhenClinicianIsUnverified() public {
        vm.prank(doctor);
        consents.breakGlass(patient, keccak256("reason"), ONE_HOUR);
        bytes32 clinicianRole = accessRegistry.CLINICIAN_ROLE();
        vm.prank(admin);
        accessRegistry.revokeRole(clinicianRole, doctor);

        assertFalse(consents.isAllowed(patient, doctor, MEDICATIONS));
    }

    function test_BreakGlass_RevertWhen_NotVerifiedClinician() public {
        vm.prank(clinic);
        vm.expectRevert(ConsentRegistry.NotVerifiedClinician.selector);
        consents.breakGlass(patient, keccak256("reason"), ONE_HOUR);
    }

    function test_BreakGlass_RevertWhen_InvalidInput() public {
        vm.startPrank(doctor);
        vm.expectRevert(ConsentRegistry.InvalidPatient.selector);
        consents.breakGlass(address(0), keccak256("reason"), ONE_HOUR);
        vm.expectRevert(ConsentRegistry.InvalidPatient.selector);
        consents.breakGlass(doctor, keccak256("reason"), ONE_HOUR);
        vm.expectRevert(ConsentRegistry.MissingReason.selector);
        consents.breakGlass(patient, bytes32(0), ONE_HOUR);
        vm.stopPrank();
    }

    function testFuzz_IsAllowed_HonoursExpiry(uint64 expiry, uint64 checkAt, bytes32 scope) public {
        vm.assume(scope != bytes32(0));
        expiry = uint64(bound(expiry, block.timestamp + 1, type(uint64).max));
        checkAt = uint64(bound(checkAt, block.timestamp, type(uint64).max));
        _grant(clinic, scope, expiry);

        vm.warp(checkAt);
        assertEq(consents.isAllowed(patient, clinic, scope), checkAt < expiry);
    }

    function testFuzz_BreakGlass_LastsExactlyTheDuration(uint64 duration, uint64 checkAt, bytes32 scope) public {
        duration = uint64(bound(duration, 1, consents.MAX_BREAK_GLASS_DURATION()));
        uint64 expected = uint64(block.timestamp) + duration;
        vm.prank(doctor);
        uint64 until = consents.breakGlass(patient, keccak256("reason"), duration);
        assertEq(until, expected);
        assertEq(consents.breakGlassUntil(patient, doctor), expected);
        assertTrue(consents.isAllowed(patient, doctor, scope));

        checkAt = uint64(bound(checkAt, block.timestamp, uint256(until) + 2 days));
        vm.warp(checkAt);
        assertEq(consents.isAllowed(patient, doctor, scope), checkAt < until);
    }

    function testFuzz_BreakGlass_RevertWhen_DurationOutOfBounds(uint64 duration) public {
        uint64 max = consents.MAX_BREAK_GLASS_DURATION();
        if (duration != 0) duration = uint64(bound(duration, uint256(max) + 1, type(uint64).max));
        vm.prank(doctor);
        vm.expectRevert(ConsentRegistry.InvalidDuration.selector);
        consents.breakGlass(patient, keccak256("reason"), duration);
        assertFalse(consents.isAllowed(patient, doctor, MEDICATIONS));
    }

    function testFuzz_AllGrant_CoversAnyScope(bytes32 scope, uint64 expiry) public {
        expiry = uint64(bound(expiry, block.timestamp + 1, type(uint64).max));
        _grant(clinic, allScope, expiry);

        assertTrue(consents.isAllowed(patient, clinic, scope));
    }

    // --- gas budgets: execution gas of the call with cold storage (as in its own transaction), without the
    // 21k transaction base cost and calldata ---

    function test_Gas_Grant() public {
        vm.cool(address(consents));
        _grant(clinic, MEDICATIONS, inADay);
        uint256 gasUsed = vm.lastCallGas().gasTotalUsed;
        emit log_named_uint("grant (new grant) execution gas", gasUsed);
        assertLt(gasUsed, 30_000);
    }

    function test_Gas_Revoke() public {
        _grant(clinic, MEDICATIONS, inADay);
        vm.cool(address(consents));
        vm.prank(patient);
        consents.revoke(clinic, MEDICATIONS);
        uint256 gasUsed = vm.lastCallGas().gasTotalUsed;
        emit log_named_uint("revoke execution gas (before the storage refund)", gasUsed);
        assertLt(gasUsed, 10_000);
    }

    function test_Gas_BreakGlass() public {
        vm.cool(address(consents));
        vm.cool(address(accessRegistry));
        vm.prank(doctor);
        consents.breakGlass(patient, keccak256("reason"), ONE_HOUR);
        uint256 gasUsed = vm.lastCallGas().gasTotalUsed;
        emit log_named_uint("breakGlass execution gas", gasUsed);
        assertLt(gasUsed, 35_000);
    }
}
