// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {ConsentRegistry} from "../../src/ConsentRegistry.sol";

/// Drives ConsentRegistry with a few patients, grantees and scopes, and keeps a model of the expected grants.
contract ConsentHandler is CommonBase, StdUtils {
    ConsentRegistry public immutable consents;
    address[3] public patients = [address(0xA1), address(0xA2), address(0xA3)];
    address[3] public grantees = [address(0xB1), address(0xB2), address(0xB3)];
    bytes32[3] public scopes;

    mapping(address => mapping(address => mapping(bytes32 => uint64))) public modelExpiry;
    /// Set by revoke, cleared by a later grant of the same triple.
    mapping(address => mapping(address => mapping(bytes32 => bool))) public revoked;
    uint256 public revokeCount;

    constructor(ConsentRegistry consents_) {
        consents = consents_;
        scopes = [consents_.SCOPE_ALL(), keccak256("medications"), keccak256("lab-results")];
    }

    function grant(uint256 patientSeed, uint256 granteeSeed, uint256 scopeSeed, uint256 lifetime) external {
        (address patient, address grantee, bytes32 scope) = _pick(patientSeed, granteeSeed, scopeSeed);
        uint64 expiry = uint64(block.timestamp + bound(lifetime, 1, 30 days));
        vm.prank(patient);
        consents.grant(grantee, scope, expiry);
        modelExpiry[patient][grantee][scope] = expiry;
        revoked[patient][grantee][scope] = false;
    }

    function revoke(uint256 patientSeed, uint256 granteeSeed, uint256 scopeSeed) external {
        (address patient, address grantee, bytes32 scope) = _pick(patientSeed, granteeSeed, scopeSeed);
        if (modelExpiry[patient][grantee][scope] == 0) return;
        vm.prank(patient);
        consents.revoke(grantee, scope);
        modelExpiry[patient][grantee][scope] = 0;
        revoked[patient][grantee][scope] = true;
        ++revokeCount;
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 7 days));
    }

    function _pick(uint256 patientSeed, uint256 granteeSeed, uint256 scopeSeed)
        private
        view
        returns (address, address, bytes32)
    {
        return (patients[patientSeed % 3], grantees[granteeSeed % 3], scopes[scopeSeed % 3]);
    }
}
