// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {PrescriptionRegistry} from "../src/PrescriptionRegistry.sol";

contract PrescriptionRegistryTest is Test {
    bytes32 private constant RX = keccak256("salted-prescription-digest");

    AccessRegistry private accessRegistry;
    PrescriptionRegistry private prescriptions;
    address private admin = makeAddr("adminSafe");
    address private doctor = makeAddr("doctor");
    address private pharmacy = makeAddr("pharmacy");
    uint64 private inThirtyDays;

    function setUp() public {
        vm.warp(1_750_000_000);
        inThirtyDays = uint64(block.timestamp + 30 days);
        accessRegistry = new AccessRegistry(admin);
        prescriptions = new PrescriptionRegistry(accessRegistry);
        bytes32 clinicianRole = accessRegistry.CLINICIAN_ROLE();
        bytes32 pharmacyRole = accessRegistry.PHARMACY_ROLE();
        vm.startPrank(admin);
        accessRegistry.grantRole(clinicianRole, doctor);
        accessRegistry.grantRole(pharmacyRole, pharmacy);
        vm.stopPrank();
    }

    function _issue(uint8 fills) private {
        vm.prank(doctor);
        prescriptions.issue(RX, inThirtyDays, fills);
    }

    function _dispense() private returns (uint8) {
        vm.prank(pharmacy);
        return prescriptions.dispense(RX);
    }

    function test_Issue_StoresPrescription() public {
        vm.expectEmit(address(prescriptions));
        emit PrescriptionRegistry.PrescriptionIssued(RX, doctor, inThirtyDays, 2);
        _issue(2);

        (address prescriber, uint64 expiresAt, uint8 fillsAllowed, uint8 fillsUsed, bool cancelled) =
            prescriptions.prescriptions(RX);
        assertEq(prescriber, doctor);
        assertEq(expiresAt, inThirtyDays);
        assertEq(fillsAllowed, 2);
        assertEq(fillsUsed, 0);
        assertFalse(cancelled);
    }

    function test_Issue_RevertWhen_NotVerifiedClinician() public {
        vm.expectRevert(PrescriptionRegistry.NotVerifiedClinician.selector);
        vm.prank(pharmacy);
        prescriptions.issue(RX, inThirtyDays, 1);
    }

    function test_Issue_RevertWhen_InvalidInput() public {
        vm.startPrank(doctor);
        vm.expectRevert(PrescriptionRegistry.InvalidHash.selector);
        prescriptions.issue(bytes32(0), inThirtyDays, 1);
        vm.expectRevert(PrescriptionRegistry.ExpiryNotInFuture.selector);
        prescriptions.issue(RX, uint64(block.timestamp), 1);
        vm.expectRevert(PrescriptionRegistry.NoFills.selector);
        prescriptions.issue(RX, inThirtyDays, 0);
        prescriptions.issue(RX, inThirtyDays, 1);
        vm.expectRevert(PrescriptionRegistry.AlreadyIssued.selector);
        prescriptions.issue(RX, inThirtyDays, 1);
        vm.stopPrank();
    }

    function test_Dispense_CountsFillsDown() public {
        _issue(2);

        vm.expectEmit(address(prescriptions));
        emit PrescriptionRegistry.PrescriptionDispensed(RX, pharmacy, 1, 1);
        assertEq(_dispense(), 1);
        assertEq(_dispense(), 0);

        vm.expectRevert(PrescriptionRegistry.NoFillsLeft.selector);
        _dispense();
    }

    function test_Dispense_RevertWhen_Expired() public {
        _issue(1);
        vm.warp(inThirtyDays);
        vm.expectRevert(PrescriptionRegistry.PrescriptionExpired.selector);
        _dispense();
    }

    function test_Dispense_RevertWhen_Unknown() public {
        vm.expectRevert(PrescriptionRegistry.UnknownPrescription.selector);
        _dispense();
    }

    function test_Dispense_RevertWhen_NotPharmacy() public {
        _issue(1);
        vm.expectRevert(PrescriptionRegistry.NotPharmacy.selector);
        vm.prank(doctor);
        prescriptions.dispense(RX);
    }

    function test_Cancel_StopsDispensing() public {
        _issue(3);
        vm.expectEmit(address(prescriptions));
        emit PrescriptionRegistry.PrescriptionCancelled(RX, doctor);
        vm.prank(doctor);
        prescriptions.cancel(RX);

        vm.expectRevert(PrescriptionRegistry.Cancelled.selector);
        _dispense();
        vm.expectRevert(PrescriptionRegistry.Cancelled.selector);
        vm.prank(doctor);
        prescriptions.cancel(RX);
    }

    function test_Cancel_RevertWhen_NotPrescriber() public {
        _issue(1);
        address otherDoctor = makeAddr("otherDoctor");
        vm.expectRevert(PrescriptionRegistry.NotPrescriber.selector);
        vm.prank(otherDoctor);
        prescriptions.cancel(RX);
    }

    function testFuzz_Dispense_ExactlyAllowedFills(uint8 fills) public {
        fills = uint8(bound(fills, 1, 12));
        _issue(fills);
        for (uint8 i = 1; i <= fills; ++i) {
            assertEq(_dispense(), fills - i);
        }
        vm.expectRevert(PrescriptionRegistry.NoFillsLeft.selector);
        _dispense();
    }
}
