// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";

/// @title AccessRegistry
/// @notice Who is verified: clinicians, pharmacies (their smart-account addresses) and the audit anchoring service.
/// Only the admin (DEFAULT_ADMIN_ROLE, a 2-of-3 Safe in production) grants and revokes roles, through
/// AccessControl's grantRole / revokeRole, which emit RoleGranted / RoleRevoked for the indexer.
/// Role holders cannot renounce: every change goes through the admin.
contract AccessRegistry is AccessControl, IAccessRegistry {
    bytes32 public constant CLINICIAN_ROLE = keccak256("CLINICIAN");
    bytes32 public constant PHARMACY_ROLE = keccak256("PHARMACY");
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER");

    error RenounceDisabled();
    error ZeroAddress();

    constructor(address admin) {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    function isVerifiedClinician(address account) external view returns (bool) {
        return hasRole(CLINICIAN_ROLE, account);
    }

    function isPharmacy(address account) external view returns (bool) {
        return hasRole(PHARMACY_ROLE, account);
    }

    function isAnchorer(address account) external view returns (bool) {
        return hasRole(ANCHORER_ROLE, account);
    }

    /// Disabled so that role changes come only from the admin (who can still revoke, including its own role).
    function renounceRole(bytes32, address) public pure override {
        revert RenounceDisabled();
    }
}
