// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/*
 * HealthPaymaster: a verifying paymaster for ERC-4337 EntryPoint v0.7.
 * It pays gas for a user operation when the app's sponsorship service signed it off-chain.
 *
 * paymasterAndData layout (181 bytes, byte offsets):
 *   [  0: 20]  paymaster address (this contract)
 *   [ 20: 36]  paymasterVerificationGasLimit  uint128, big-endian
 *   [ 36: 52]  paymasterPostOpGasLimit        uint128, big-endian
 *   [ 52: 84]  validUntil  uint48, abi.encode'd (left-padded to 32 bytes); 0 = no expiry
 *   [ 84:116]  validAfter  uint48, abi.encode'd (left-padded to 32 bytes)
 *   [116:181]  signature   65 bytes r ‖ s ‖ v of the sponsorship signer
 *   i.e. concat(paymaster, uint128 vgl, uint128 pgl, abi.encode(uint48 validUntil, uint48 validAfter), sig)
 *
 * Signed message: signature = sign(toEthSignedMessageHash(getHash(userOp, validUntil, validAfter)))  (EIP-191,
 * "\x19Ethereum Signed Message:\n32" ‖ hash; viem: signMessage({ message: { raw: hash } })), where
 *   getHash = keccak256(abi.encode(
 *     address sender, uint256 nonce, bytes32 keccak256(initCode), bytes32 keccak256(callData),
 *     bytes32 accountGasLimits, bytes32 paymasterAndData[20:52], uint256 preVerificationGas, bytes32 gasFees,
 *     uint256 block.chainid, address paymaster, uint48 validUntil, uint48 validAfter))
 * The signature cannot cover paymasterAndData as a whole since it carries the signature; the gas limits inside it
 * are covered explicitly so the sponsored gas cannot be raised after signing.
 *
 * A wrong signer or an unparseable signature returns SIG_VALIDATION_FAILED (as ERC-4337 requires for simulation with
 * stub signatures); a paymasterAndData of the wrong length reverts. The validity window is enforced by the EntryPoint.
 */

import {BasePaymaster} from "@account-abstraction/contracts/core/BasePaymaster.sol";
import {_packValidationData} from "@account-abstraction/contracts/core/Helpers.sol";
import {UserOperationLib} from "@account-abstraction/contracts/core/UserOperationLib.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

contract HealthPaymaster is BasePaymaster {
    uint256 private constant VALIDITY_OFFSET = UserOperationLib.PAYMASTER_DATA_OFFSET; // 52
    uint256 private constant SIGNATURE_OFFSET = VALIDITY_OFFSET + 64; // 116
    uint256 private constant SIGNATURE_LENGTH = 65;
    uint256 private constant PAYMASTER_AND_DATA_LENGTH = SIGNATURE_OFFSET + SIGNATURE_LENGTH; // 181

    /// The sponsorship service's key; only operations it signed are paid for.
    address public verifyingSigner;

    event VerifyingSignerChanged(address indexed previousSigner, address indexed newSigner);

    error InvalidPaymasterDataLength(uint256 length);
    error ZeroAddress();

    /// @param entryPoint_ EntryPoint v0.7 (0x0000000071727De22E5E9d8BAf0edAc6f37da032 on every chain)
    /// @param verifyingSigner_ the sponsorship service's signing address
    /// @param owner_ the admin (a Safe in production); it sets the signer and withdraws the deposit
    constructor(IEntryPoint entryPoint_, address verifyingSigner_, address owner_) BasePaymaster(entryPoint_) {
        if (verifyingSigner_ == address(0) || owner_ == address(0)) revert ZeroAddress();
        verifyingSigner = verifyingSigner_;
        emit VerifyingSignerChanged(address(0), verifyingSigner_);
        _transferOwnership(owner_);
    }

    function setVerifyingSigner(address newSigner) external onlyOwner {
        if (newSigner == address(0)) revert ZeroAddress();
        emit VerifyingSignerChanged(verifyingSigner, newSigner);
        verifyingSigner = newSigner;
    }

    /// The hash the sponsorship service signs (with EIP-191) for this operation and validity window.
    function getHash(PackedUserOperation calldata userOp, uint48 validUntil, uint48 validAfter)
        public
        view
        returns (bytes32)
    {
        return keccak256(
            abi.encode(
                userOp.sender,
                userOp.nonce,
                keccak256(userOp.initCode),
                keccak256(userOp.callData),
                userOp.accountGasLimits,
                bytes32(userOp.paymasterAndData[UserOperationLib.PAYMASTER_VALIDATION_GAS_OFFSET:VALIDITY_OFFSET]),
                userOp.preVerificationGas,
                userOp.gasFees,
                block.chainid,
                address(this),
                validUntil,
                validAfter
            )
        );
    }

    /// Splits paymasterAndData into the validity window and the signature (reverts on a wrong length).
    function parsePaymasterAndData(bytes calldata paymasterAndData)
        public
        pure
        returns (uint48 validUntil, uint48 validAfter, bytes calldata signature)
    {
        if (paymasterAndData.length != PAYMASTER_AND_DATA_LENGTH) {
            revert InvalidPaymasterDataLength(paymasterAndData.length);
        }
        (validUntil, validAfter) = abi.decode(paymasterAndData[VALIDITY_OFFSET:SIGNATURE_OFFSET], (uint48, uint48));
        signature = paymasterAndData[SIGNATURE_OFFSET:];
    }

    function _validatePaymasterUserOp(PackedUserOperation calldata userOp, bytes32, uint256)
        internal
        view
        override
        returns (bytes memory context, uint256 validationData)
    {
        (uint48 validUntil, uint48 validAfter, bytes calldata signature) =
            parsePaymasterAndData(userOp.paymasterAndData);
        bytes32 digest = MessageHashUtils.toEthSignedMessageHash(getHash(userOp, validUntil, validAfter));
        (address recovered, ECDSA.RecoverError error,) = ECDSA.tryRecoverCalldata(digest, signature);
        bool sigFailed = error != ECDSA.RecoverError.NoError || recovered != verifyingSigner;
        // Empty context: nothing to settle after execution, so the EntryPoint skips postOp.
        return ("", _packValidationData(sigFailed, validUntil, validAfter));
    }
}
