// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";

/// @title PrescriptionRegistry
/// @notice A verified clinician anchors a prescription by its hash (the prescription itself stays off-chain; the
/// hash should be salted so it cannot be guessed) with an expiry and a number of fills; a registered pharmacy
/// records each dispense. The prescribing clinician can cancel. One storage slot per prescription.
contract PrescriptionRegistry {
    struct Prescription {
        address prescriber;
        uint64 expiresAt; // dispensable while block.timestamp < expiresAt
        uint8 fillsAllowed;
        uint8 fillsUsed;
        bool cancelled;
    }

    IAccessRegistry public immutable accessRegistry;

    mapping(bytes32 rxHash => Prescription) public prescriptions;

    event PrescriptionIssued(bytes32 indexed rxHash, address indexed prescriber, uint64 expiresAt, uint8 fillsAllowed);
    event PrescriptionDispensed(bytes32 indexed rxHash, address indexed pharmacy, uint8 fillNumber, uint8 fillsLeft);
    event PrescriptionCancelled(bytes32 indexed rxHash, address indexed prescriber);

    error NotVerifiedClinician();
    error NotPharmacy();
    error NotPrescriber();
    error InvalidHash();
    error AlreadyIssued();
    error ExpiryNotInFuture();
    error NoFills();
    error UnknownPrescription();
    error PrescriptionExpired();
    error NoFillsLeft();
    error Cancelled();

    constructor(IAccessRegistry accessRegistry_) {
        accessRegistry = accessRegistry_;
    }

    function issue(bytes32 rxHash, uint64 expiresAt, uint8 fillsAllowed) external {
        if (!accessRegistry.isVerifiedClinician(msg.sender)) revert NotVerifiedClinician();
        if (rxHash == bytes32(0)) revert InvalidHash();
        if (prescriptions[rxHash].prescriber != address(0)) revert AlreadyIssued();
        if (expiresAt <= block.timestamp) revert ExpiryNotInFuture();
        if (fillsAllowed == 0) revert NoFills();
        prescriptions[rxHash] = Prescription({
            prescriber: msg.sender, expiresAt: expiresAt, fillsAllowed: fillsAllowed, fillsUsed: 0, cancelled: false
        });
        emit PrescriptionIssued(rxHash, msg.sender, expiresAt, fillsAllowed);
    }

    /// Records one fill; returns how many fills are left.
    function dispense(bytes32 rxHash) external returns (uint8 fillsLeft) {
        if (!accessRegistry.isPharmacy(msg.sender)) revert NotPharmacy();
        Prescription storage rx = prescriptions[rxHash];
        if (rx.prescriber == address(0)) revert UnknownPrescription();
        if (rx.cancelled) revert Cancelled();
        if (block.timestamp >= rx.expiresAt) revert PrescriptionExpired();
        if (rx.fillsUsed >= rx.fillsAllowed) revert NoFillsLeft();
        uint8 fillNumber = rx.fillsUsed + 1;
        rx.fillsUsed = fillNumber;
        fillsLeft = rx.fillsAllowed - fillNumber;
        emit PrescriptionDispensed(rxHash, msg.sender, fillNumber, fillsLeft);
    }

    function cancel(bytes32 rxHash) external {
        Prescription storage rx = prescriptions[rxHash];
        if (rx.prescriber != msg.sender) revert NotPrescriber();
        if (rx.cancelled) revert Cancelled();
        rx.cancelled = true;
        emit PrescriptionCancelled(rxHash, msg.sender);
    }
}
