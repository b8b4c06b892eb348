// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {CareToken} from "../../src/CareToken.sol";

/// Mints, transfers, approves and pulls CARE among a fixed set of holders, pausing now and then.
contract CareTokenHandler is CommonBase, StdUtils {
    CareToken public immutable token;
    address public immutable admin;
    address[4] public holders = [address(0xC1), address(0xC2), address(0xC3), address(0xC4)];

    constructor(CareToken token_, address admin_) {
        token = token_;
        admin = admin_;
    }

    function mint(uint256 holderSeed, uint256 amount) external {
        if (token.paused()) return;
        amount = bound(amount, 0, 1e30);
        vm.prank(admin);
        token.mint(holders[holderSeed % 4], amount);
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = holders[fromSeed % 4];
        if (token.paused()) return;
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        require(token.transfer(holders[toSeed % 4], amount), "transfer failed");
    }

    function approveAndPull(uint256 ownerSeed, uint256 spenderSeed, uint256 amount) external {
        address owner = holders[ownerSeed % 4];
        address spender = holders[spenderSeed % 4];
        if (token.paused()) return;
        amount = bound(amount, 0, token.balanceOf(owner));
        vm.prank(owner);
        require(token.approve(spender, amount), "approve failed");
        vm.prank(spender);
        require(token.transferFrom(owner, spender, amount), "transferFrom failed");
    }

    function togglePause() external {
        bool paused = token.paused();
        vm.prank(admin);
        if (paused) token.unpause();
        else token.pause();
    }

    function holderCount() external pure returns (uint256) {
        return 4;
    }
}
