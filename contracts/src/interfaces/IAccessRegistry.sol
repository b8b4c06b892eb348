// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// The views other contracts use to check who is verified; implemented by AccessRegistry.
interface IAccessRegistry {
    function isVerifiedClinician(address account) external view returns (bool);
    function isPharmacy(address account) external view returns (bool);
    function isAnchorer(address account) external view returns (bool);
}
