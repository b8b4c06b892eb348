// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {ConsentRegistry} from "../src/ConsentRegistry.sol";
import {ConsentHandler} from "./helpers/ConsentHandler.sol";

contract ConsentRegistryInvariantTest is Test {
    ConsentRegistry private consents;
    ConsentHandler private handler;

    function setUp() public {
        vm.warp(1_750_000_000);
        consents = new ConsentRegistry(new AccessRegistry(makeAddr("adminSafe")));
        handler = new ConsentHandler(consents);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](3);
        selectors[0] = ConsentHandler.grant.selector;
        selectors[1] = ConsentHandler.revoke.selector;
        selectors[2] = ConsentHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// isAllowed matches the model: an unexpired grant of the scope itself or of SCOPE_ALL.
    function invariant_IsAllowedMatchesModel() public view {
        bytes32 all = consents.SCOPE_ALL();
        for (uint256 p; p < 3; ++p) {
            for (uint256 g; g < 3; ++g) {
                for (uint256 s; s < 3; ++s) {
                    address patient = handler.patients(p);
                    address grantee = handler.grantees(g);
                    bytes32 scope = handler.scopes(s);
                    bool expected = block.timestamp < handler.modelExpiry(patient, grantee, scope)
                        || block.timestamp < handler.modelExpiry(patient, grantee, all);
                    assertEq(consents.isAllowed(patient, grantee, scope), expected);
                }
            }
        }
    }

    /// A revoked (and not re-granted) grant is gone; it allows nothing unless an ALL grant is in force.
    function invariant_RevokedGrantAllowsNothing() public view {
        bytes32 all = consents.SCOPE_ALL();
        for (uint256 p; p < 3; ++p) {
            for (uint256 g; g < 3; ++g) {
                address patient = handler.patients(p);
                address grantee = handler.grantees(g);
                bool allActive = block.timestamp < consents.consentExpiry(patient, grantee, all);
                for (uint256 s; s < 3; ++s) {
                    bytes32 scope = handler.scopes(s);
                    if (!handler.revoked(patient, grantee, scope)) continue;
                    assertEq(consents.consentExpiry(patient, grantee, scope), 0);
                    if (!allActive) assertFalse(consents.isAllowed(patient, grantee, scope));
                }
            }
        }
    }
}
