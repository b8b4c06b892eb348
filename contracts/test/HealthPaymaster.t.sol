// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {EntryPoint} from "@account-abstraction/contracts/core/EntryPoint.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {SimpleAccount} from "@account-abstraction/contracts/samples/SimpleAccount.sol";
import {SimpleAccountFactory} from "@account-abstraction/contracts/samples/SimpleAccountFactory.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {HealthPaymaster} from "../src/HealthPaymaster.sol";
import {CallCounter} from "./helpers/CallCounter.sol";

contract HealthPaymasterTest is Test {
    uint128 private constant PM_VERIFICATION_GAS = 100_000;
    uint128 private constant PM_POSTOP_GAS = 1;

    EntryPoint private entryPoint;
    HealthPaymaster private paymaster;
    SimpleAccount private account;
    CallCounter private counter;

    address private admin = makeAddr("adminSafe");
    address payable private bundler = payable(makeAddr("bundler"));
    uint256 private signerKey;
    address private signer;
    uint256 private accountOwnerKey;

    function setUp() public {
        (signer, signerKey) = makeAddrAndKey("sponsorshipService");
        address accountOwner;
        (accountOwner, accountOwnerKey) = makeAddrAndKey("patient");

        entryPoint = new EntryPoint();
        paymaster = new HealthPaymaster(entryPoint, signer, admin);
        vm.deal(admin, 10 ether);
        vm.prank(admin);
        paymaster.deposit{value: 1 ether}();

        account = new SimpleAccountFactory(entryPoint).createAccount(accountOwner, 0);
        counter = new CallCounter();
        vm.warp(1_750_000_000);
    }

    // --- helpers ---

    function _unsignedOp() private view returns (PackedUserOperation memory op) {
        op.sender = address(account);
        op.nonce = entryPoint.getNonce(address(account), 0);
        op.callData = abi.encodeCall(SimpleAccount.execute, (address(counter), 0, abi.encodeCall(CallCounter.ping, ())));
        op.accountGasLimits = bytes32(uint256(200_000) << 128 | uint256(100_000));
        op.preVerificationGas = 50_000;
        op.gasFees = bytes32(uint256(1 gwei) << 128 | uint256(2 gwei));
    }

    function _paymasterAndData(uint48 validUntil, uint48 validAfter, bytes memory signature)
        private
        view
        returns (bytes memory)
    {
        return abi.encodePacked(
            address(paymaster), PM_VERIFICATION_GAS, PM_POSTOP_GAS, abi.encode(validUntil, validAfter), signature
        );
    }

    /// Builds the operation the way the sponsorship service and the client will: stub, hash, sign, then account sig.
    function _sponsoredOp(uint48 validUntil, uint48 validAfter, uint256 sponsorKey)
        private
        view
        returns (PackedUserOperation memory op)
    {
        op = _unsignedOp();
        op.paymasterAndData = _paymasterAndData(validUntil, validAfter, new bytes(65));
        bytes32 digest = MessageHashUtils.toEthSignedMessageHash(paymaster.getHash(op, validUntil, validAfter));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(sponsorKey, digest);
        op.paymasterAndData = _paymasterAndData(validUntil, validAfter, abi.encodePacked(r, s, v));
        _signByAccount(op);
    }

    function _signByAccount(PackedUserOperation memory op) private view {
        bytes32 userOpHash = MessageHashUtils.toEthSignedMessageHash(entryPoint.getUserOpHash(op));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(accountOwnerKey, userOpHash);
        op.signature = abi.encodePacked(r, s, v);
    }

    function _handle(PackedUserOperation memory op) private {
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        entryPoint.handleOps(ops, bundler);
    }

    function _validate(PackedUserOperation memory op) private returns (uint256 validationData) {
        vm.prank(address(entryPoint));
        (bytes memory context, uint256 data) = paymaster.validatePaymasterUserOp(op, bytes32(0), 0);
        assertEq(context.length, 0, "no postOp context");
        return data;
    }

    function _packed(bool sigFailed, uint48 validUntil, uint48 validAfter) private pure returns (uint256) {
        return (sigFailed ? 1 : 0) | uint256(validUntil) << 160 | uint256(validAfter) << 208;
    }

    // --- through the EntryPoint ---

    function test_HandleOps_ValidSignature_SponsorsAccountWithoutEth() public {
        uint256 depositBefore = paymaster.getDeposit();
        _handle(_sponsoredOp(uint48(block.timestamp + 600), uint48(block.timestamp - 1), signerKey));

        assertEq(counter.calls(), 1);
        assertEq(address(account).balance, 0);
        assertLt(paymaster.getDeposit(), depositBefore, "paymaster paid the gas");
    }

    function test_HandleOps_RevertWhen_WrongSigner() public {
        (, uint256 strangerKey) = makeAddrAndKey("stranger");
        PackedUserOperation memory op = _sponsoredOp(uint48(block.timestamp + 600), 0, strangerKey);

        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, "AA34 signature error"));
        _handle(op);
    }

    function test_HandleOps_RevertWhen_WindowExpired() public {
        PackedUserOperation memory op = _sponsoredOp(uint48(block.timestamp - 1), 0, signerKey);

        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, "AA32 paymaster expired or not due"));
        _handle(op);
    }

    function test_HandleOps_RevertWhen_NotYetValid() public {
        PackedUserOperation memory op =
            _sponsoredOp(uint48(block.timestamp + 600), uint48(block.timestamp + 60), signerKey);

        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, "AA32 paymaster expired or not due"));
        _handle(op);
    }

    function test_HandleOps_RevertWhen_CallDataChangedAfterSigning() public {
        PackedUserOperation memory op = _sponsoredOp(uint48(block.timestamp + 600), 0, signerKey);
        op.callData = abi.encodeCall(SimpleAccount.execute, (address(counter), 0, ""));
        _signByAccount(op);

        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, "AA34 signature error"));
        _handle(op);
    }

    // --- validatePaymasterUserOp directly ---

    function test_Validate_ValidSignature_ReturnsWindow() public {
        uint48 validUntil = uint48(block.timestamp + 600);
        uint48 validAfter = uint48(block.timestamp - 10);
        PackedUserOperation memory op = _sponsoredOp(validUntil, validAfter, signerKey);

        assertEq(_validate(op), _packed(false, validUntil, validAfter));
    }

    function test_Validate_StubSignature_FailsWithoutRevert() public {
        PackedUserOperation memory op = _unsignedOp();
        bytes memory stub = abi.encodePacked(bytes32(type(uint256).max), bytes32(type(uint256).max), uint8(27));
        op.paymasterAndData = _paymasterAndData(0, 0, stub);

        assertEq(_validate(op), _packed(true, 0, 0));
    }

    function test_Validate_RevertWhen_WrongLength() public {
        PackedUserOperation memory op = _sponsoredOp(0, 0, signerKey);
        op.paymasterAndData = bytes.concat(op.paymasterAndData, hex"00");

        vm.prank(address(entryPoint));
        vm.expectRevert(abi.encodeWithSelector(HealthPaymaster.InvalidPaymasterDataLength.selector, 182));
        paymaster.validatePaymasterUserOp(op, bytes32(0), 0);
    }

    function test_Validate_RevertWhen_CallerNotEntryPoint() public {
        PackedUserOperation memory op = _sponsoredOp(0, 0, signerKey);

        vm.expectRevert(bytes("Sender not EntryPoint"));
        paymaster.validatePaymasterUserOp(op, bytes32(0), 0);
    }

    function testFuzz_Validate_EncodesAnyWindow(uint48 validUntil, uint48 validAfter) public {
        PackedUserOperation memory op = _sponsoredOp(validUntil, validAfter, signerKey);

        assertEq(_validate(op), _packed(false, validUntil, validAfter));
    }

    function testFuzz_Validate_FailsWhenSignedFieldsChange(uint256 nonce, uint128 pmGas) public {
        PackedUserOperation memory op = _sponsoredOp(0, 0, signerKey);
        vm.assume(nonce != op.nonce && pmGas != PM_VERIFICATION_GAS);
        PackedUserOperation memory tamperedNonce = op;
        tamperedNonce.nonce = nonce;
        assertEq(_validate(tamperedNonce) & 1, 1, "nonce is signed");

        op = _sponsoredOp(0, 0, signerKey);
        bytes memory data = op.paymasterAndData;
        assembly ("memory-safe") {
            // overwrite the 16-byte paymasterVerificationGasLimit at data[20:36]
            let slot := add(add(data, 32), 20)
            mstore(slot, or(shl(128, pmGas), and(mload(slot), sub(shl(128, 1), 1))))
        }
        assertEq(_validate(op) & 1, 1, "paymaster gas limits are signed");
    }

    function test_GetHash_BindsChainAndPaymaster() public {
        PackedUserOperation memory op = _sponsoredOp(0, 0, signerKey);
        bytes32 hashHere = paymaster.getHash(op, 0, 0);

        HealthPaymaster other = new HealthPaymaster(entryPoint, signer, admin);
        assertNotEq(other.getHash(op, 0, 0), hashHere);

        vm.chainId(8453);
        assertNotEq(paymaster.getHash(op, 0, 0), hashHere);
    }

    function test_ParsePaymasterAndData() public view {
        bytes memory sig = abi.encodePacked(bytes32(uint256(1)), bytes32(uint256(2)), uint8(28));
        (uint48 validUntil, uint48 validAfter, bytes memory parsed) =
            paymaster.parsePaymasterAndData(_paymasterAndData(123, 45, sig));
        assertEq(validUntil, 123);
        assertEq(validAfter, 45);
        assertEq(parsed, sig);
    }

    /// Golden vector computed off-chain with viem: encodeAbiParameters in the order documented in HealthPaymaster.sol,
    /// signed with account.signMessage({ message: { raw: hash } }). The TypeScript sponsorship service can reuse it.
    function test_GetHash_MatchesViemVector() public {
        address vectorPaymaster = 0x1000000000000000000000000000000000000001;
        address vectorSigner = 0x3CcC19d01e092D34512De3d0174812aB592Ce1bc;
        deployCodeTo("HealthPaymaster.sol:HealthPaymaster", abi.encode(entryPoint, vectorSigner, admin), vectorPaymaster);
        vm.chainId(31337);

        PackedUserOperation memory op;
        op.sender = 0x2000000000000000000000000000000000000002;
        op.nonce = 7;
        op.callData = hex"b61d27f6";
        op.accountGasLimits = bytes32(uint256(200_000) << 128 | uint256(100_000));
        op.preVerificationGas = 50_000;
        op.gasFees = bytes32(uint256(1 gwei) << 128 | uint256(2 gwei));
        bytes memory viemSignature =
            hex"105606d8b085d59366b6ce582d848be5796e1c92a6ed82ed7fb27e6616e39e0908dd74adc473bd2f1e9ff51394b0a04a9956fa66da886f89b2472ab7e0ede8641c";
        op.paymasterAndData = abi.encodePacked(
            vectorPaymaster, uint128(100_000), uint128(1), abi.encode(uint48(1_750_000_600), uint48(1_749_999_000)), viemSignature
        );

        HealthPaymaster vectorPm = HealthPaymaster(vectorPaymaster);
        assertEq(
            vectorPm.getHash(op, 1_750_000_600, 1_749_999_000),
            0x725d3da0addd0e15507d44054a46c8e49e2b755944ca39408943f26bc8ce2b2b
        );
        vm.prank(address(entryPoint));
        (, uint256 validationData) = vectorPm.validatePaymasterUserOp(op, bytes32(0), 0);
        assertEq(validationData, _packed(false, 1_750_000_600, 1_749_999_000));
    }

    // --- administration ---

    function test_Constructor_SetsOwnerSignerAndEntryPoint() public view {
        assertEq(paymaster.owner(), admin);
        assertEq(paymaster.verifyingSigner(), signer);
        assertEq(address(paymaster.entryPoint()), address(entryPoint));
    }

    function test_Constructor_RevertWhen_ZeroAddress() public {
        vm.expectRevert(HealthPaymaster.ZeroAddress.selector);
        new HealthPaymaster(entryPoint, address(0), admin);
        vm.expectRevert(HealthPaymaster.ZeroAddress.selector);
        new HealthPaymaster(entryPoint, signer, address(0));
    }

    function test_SetVerifyingSigner_RotatesKey() public {
        (address newSigner, uint256 newKey) = makeAddrAndKey("rotatedService");
        vm.expectEmit(address(paymaster));
        emit HealthPaymaster.VerifyingSignerChanged(signer, newSigner);
        vm.prank(admin);
        paymaster.setVerifyingSigner(newSigner);

        assertEq(_validate(_sponsoredOp(0, 0, signerKey)) & 1, 1, "old key no longer sponsors");
        assertEq(_validate(_sponsoredOp(0, 0, newKey)), 0, "new key sponsors");
    }

    function test_SetVerifyingSigner_RevertWhen_NotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        paymaster.setVerifyingSigner(address(this));
    }

    function test_SetVerifyingSigner_RevertWhen_Zero() public {
        vm.prank(admin);
        vm.expectRevert(HealthPaymaster.ZeroAddress.selector);
        paymaster.setVerifyingSigner(address(0));
    }

    function test_DepositAndWithdraw() public {
        paymaster.deposit{value: 0.5 ether}();
        assertEq(paymaster.getDeposit(), 1.5 ether);

        address payable treasury = payable(makeAddr("treasury"));
        vm.prank(admin);
        paymaster.withdrawTo(treasury, 0.25 ether);
        assertEq(treasury.balance, 0.25 ether);
        assertEq(paymaster.getDeposit(), 1.25 ether);
    }

    function test_WithdrawTo_RevertWhen_NotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        paymaster.withdrawTo(payable(address(this)), 1);
    }

    function test_Gas_ValidatePaymasterUserOp() public {
        PackedUserOperation memory op = _sponsoredOp(uint48(block.timestamp + 600), 0, signerKey);
        vm.cool(address(paymaster));
        _validate(op);
        uint256 gasUsed = vm.lastCallGas().gasTotalUsed;
        emit log_named_uint("validatePaymasterUserOp execution gas", gasUsed);
        assertLt(gasUsed, 20_000);
    }
}
