// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// A call target for sponsored user operations.
contract CallCounter {
    uint256 public calls;

    function ping() external {
        ++calls;
    }
}
