// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";

contract AccessRegistryTest is Test {
    AccessRegistry private registry;
    address private admin = makeAddr("adminSafe");
    address private clinician = makeAddr("clinician");
    address private pharmacy = makeAddr("pharmacy");
    address private anchorer = makeAddr("anchorer");

    function setUp() public {
        registry = new AccessRegistry(admin);
    }

    function test_RoleConstants() public view {
        assertEq(registry.CLINICIAN_ROLE(), keccak256("CLINICIAN"));
        assertEq(registry.PHARMACY_ROLE(), keccak256("PHARMACY"));
        assertEq(registry.ANCHORER_ROLE(), keccak256("ANCHORER"));
        assertTrue(registry.hasRole(registry.DEFAULT_ADMIN_ROLE(), admin));
    }

    function test_Constructor_RevertWhen_ZeroAdmin() public {
        vm.expectRevert(AccessRegistry.ZeroAddress.selector);
        new AccessRegistry(address(0));
    }

    function test_AdminGrantsAndRevokesEveryRole() public {
        bytes32 clinicianRole = registry.CLINICIAN_ROLE();
        bytes32 pharmacyRole = registry.PHARMACY_ROLE();
        bytes32 anchorerRole = registry.ANCHORER_ROLE();

        vm.expectEmit(address(registry));
        emit IAccessControl.RoleGranted(clinicianRole, clinician, admin);
        vm.startPrank(admin);
        registry.grantRole(clinicianRole, clinician);
        registry.grantRole(pharmacyRole, pharmacy);
        registry.grantRole(anchorerRole, anchorer);

        assertTrue(registry.isVerifiedClinician(clinician));
        assertTrue(registry.isPharmacy(pharmacy));
        assertTrue(registry.isAnchorer(anchorer));
        assertFalse(registry.isPharmacy(clinician));
        assertFalse(registry.isVerifiedClinician(pharmacy));

        vm.expectEmit(address(registry));
        emit IAccessControl.RoleRevoked(clinicianRole, clinician, admin);
        registry.revokeRole(clinicianRole, clinician);
        vm.stopPrank();

        assertFalse(registry.isVerifiedClinician(clinician));
    }

    function test_GrantRole_RevertWhen_NotAdmin() public {
        bytes32 clinicianRole = registry.CLINICIAN_ROLE();
        bytes32 adminRole = registry.DEFAULT_ADMIN_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, clinician, adminRole)
        );
        vm.prank(clinician);
        registry.grantRole(clinicianRole, clinician);
    }

    function test_RenounceRole_RevertAlways() public {
        bytes32 clinicianRole = registry.CLINICIAN_ROLE();
        vm.prank(admin);
        registry.grantRole(clinicianRole, clinician);

        vm.expectRevert(AccessRegistry.RenounceDisabled.selector);
        vm.prank(clinician);
        registry.renounceRole(clinicianRole, clinician);
        assertTrue(registry.isVerifiedClinician(clinician));
    }

    function test_AdminRotation_NewSafeTakesOver() public {
        address newSafe = makeAddr("newAdminSafe");
        bytes32 adminRole = registry.DEFAULT_ADMIN_ROLE();
        vm.startPrank(admin);
        registry.grantRole(adminRole, newSafe);
        registry.revokeRole(adminRole, admin);
        vm.stopPrank();

        assertTrue(registry.hasRole(adminRole, newSafe));
        assertFalse(registry.hasRole(adminRole, admin));
    }

    function testFuzz_OnlyGrantedAccountsAreVerified(address account, address other) public {
        vm.assume(account != other);
        bytes32 clinicianRole = registry.CLINICIAN_ROLE();
        vm.prank(admin);
        registry.grantRole(clinicianRole, account);

        assertTrue(registry.isVerifiedClinician(account));
        assertFalse(registry.isVerifiedClinician(other));
    }
}
