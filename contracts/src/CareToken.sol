// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Pausable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Pausable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title CareToken (CARE)
/// @notice The portal's ERC-20 with EIP-2612 permit. Only the admin (a Safe in production) mints and pauses.
/// While paused, every balance change is blocked: transfers, transferFrom and minting.
/// 18 decimals (OpenZeppelin's default): wallets, viem's parseEther/formatEther and other ERC-20 tooling assume it,
/// and it leaves room to split rewards finely; prices shown in the app are formatted off-chain anyway.
contract CareToken is ERC20, ERC20Permit, ERC20Pausable, Ownable {
    constructor(address admin) ERC20("CareToken", "CARE") ERC20Permit("CareToken") Ownable(admin) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    function pause() external onlyOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Pausable) {
        super._update(from, to, value);
    }
}
