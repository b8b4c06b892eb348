// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {CareToken} from "../src/CareToken.sol";

contract CareTokenTest is Test {
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    CareToken private token;
    address private admin = makeAddr("adminSafe");
    address private alice;
    uint256 private aliceKey;
    address private bob = makeAddr("bob");

    function setUp() public {
        (alice, aliceKey) = makeAddrAndKey("alice");
        token = new CareToken(admin);
        vm.prank(admin);
        token.mint(alice, 1000 ether);
    }

    function test_Metadata() public view {
        assertEq(token.name(), "CareToken");
        assertEq(token.symbol(), "CARE");
        assertEq(token.decimals(), 18);
        assertEq(token.owner(), admin);
    }

    function test_Mint_RevertWhen_NotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        vm.prank(alice);
        token.mint(alice, 1);
    }

    function test_Transfer() public {
        vm.prank(alice);
        assertTrue(token.transfer(bob, 250 ether));
        assertEq(token.balanceOf(bob), 250 ether);
        assertEq(token.balanceOf(alice), 750 ether);
    }

    function test_Pause_BlocksTransfersAndMinting() public {
        vm.prank(admin);
        token.pause();

        vm.prank(alice);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        // forge-lint: disable-next-line(erc20-unchecked-transfer)
        token.transfer(bob, 1);

        vm.prank(admin);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        token.mint(bob, 1);

        vm.prank(admin);
        token.unpause();
        vm.prank(alice);
        assertTrue(token.transfer(bob, 1));
    }

    function test_PauseAndUnpause_RevertWhen_NotOwner() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        token.pause();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        token.unpause();
        vm.stopPrank();
    }

    function test_Permit_ThenTransferFrom() public {
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, alice, bob, 100 ether, token.nonces(alice), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);

        token.permit(alice, bob, 100 ether, deadline, v, r, s);
        assertEq(token.allowance(alice, bob), 100 ether);

        vm.prank(bob);
        assertTrue(token.transferFrom(alice, bob, 100 ether));
        assertEq(token.balanceOf(bob), 100 ether);
        assertEq(token.nonces(alice), 1);
    }

    function testFuzz_Transfer_MovesExactAmount(uint256 amount) public {
        amount = bound(amount, 0, token.balanceOf(alice));
        vm.prank(alice);
        assertTrue(token.transfer(bob, amount));
        assertEq(token.balanceOf(bob), amount);
        assertEq(token.balanceOf(alice), 1000 ether - amount);
        assertEq(token.totalSupply(), 1000 ether);
    }

    function testFuzz_Transfer_RevertWhen_AboveBalance(uint256 amount) public {
        amount = bound(amount, 1000 ether + 1, type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 1000 ether, amount)
        );
        vm.prank(alice);
        // forge-lint: disable-next-line(erc20-unchecked-transfer)
        token.transfer(bob, amount);
    }

    function testFuzz_Mint_AddsToSupply(address to, uint256 amount) public {
        vm.assume(to != address(0));
        amount = bound(amount, 0, type(uint256).max - token.totalSupply());
        uint256 before = token.balanceOf(to);
        vm.prank(admin);
        token.mint(to, amount);
        assertEq(token.balanceOf(to), before + amount);
        assertEq(token.totalSupply(), 1000 ether + amount);
    }

    function test_Gas_Transfer() public {
        vm.cool(address(token));
        vm.prank(alice);
        assertTrue(token.transfer(bob, 1 ether));
        emit log_named_uint("transfer to a new holder, execution gas", vm.lastCallGas().gasTotalUsed);
        vm.cool(address(token));
        vm.prank(alice);
        assertTrue(token.transfer(bob, 1 ether));
        uint256 gasUsed = vm.lastCallGas().gasTotalUsed;
        emit log_named_uint("transfer to an existing holder, execution gas", gasUsed);
        assertLt(gasUsed, 20_000);
    }
}
