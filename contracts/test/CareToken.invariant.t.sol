// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {CareToken} from "../src/CareToken.sol";
import {CareTokenHandler} from "./helpers/CareTokenHandler.sol";

contract CareTokenInvariantTest is Test {
    CareToken private token;
    CareTokenHandler private handler;

    function setUp() public {
        address admin = makeAddr("adminSafe");
        token = new CareToken(admin);
        handler = new CareTokenHandler(token, admin);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](4);
        selectors[0] = CareTokenHandler.mint.selector;
        selectors[1] = CareTokenHandler.transfer.selector;
        selectors[2] = CareTokenHandler.approveAndPull.selector;
        selectors[3] = CareTokenHandler.togglePause.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// Only the handler's holders ever hold CARE, so their balances add up to the total supply.
    function invariant_TotalSupplyEqualsSumOfBalances() public view {
        uint256 sum;
        for (uint256 i; i < handler.holderCount(); ++i) {
            sum += token.balanceOf(handler.holders(i));
        }
        assertEq(token.totalSupply(), sum);
    }
}
