// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";

/// @title ConsentRegistry
/// @notice A patient's account grants a grantee access to a scope until an expiry, and revokes it.
/// Nothing but addresses, scope hashes and timestamps is stored: no health information.
/// A grant is active while block.timestamp < expiry. A grant of SCOPE_ALL covers every scope; it is a separate
/// entry, so revoking a category leaves an ALL grant in force (and the other way round).
/// Emergency access: a verified clinician may break the glass for a duration they give (the portal passes its own
/// configured length, so the chain and the portal agree), at most MAX_BREAK_GLASS_DURATION; that is recorded as
/// BreakGlass and honoured by isAllowed until then, while the clinician stays verified.
contract ConsentRegistry {
    /// Covers every scope. Category scopes are keccak256 of a lower-case name, e.g. keccak256("medications").
    bytes32 public constant SCOPE_ALL = keccak256("ALL");
    /// The longest emergency access one breakGlass call can open.
    uint64 public constant MAX_BREAK_GLASS_DURATION = 24 hours;

    IAccessRegistry public immutable accessRegistry;

    /// patient => grantee => scope => expiry (unix seconds; 0 = no grant)
    mapping(address => mapping(address => mapping(bytes32 => uint64))) public consentExpiry;
    /// patient => clinician => end of emergency access (unix seconds)
    mapping(address => mapping(address => uint64)) public breakGlassUntil;

    /// Emitted on every grant, also when it replaces an earlier expiry of the same (patient, grantee, scope).
    event ConsentGranted(address indexed patient, address indexed grantee, bytes32 indexed scope, uint64 expiry);
    event ConsentRevoked(address indexed patient, address indexed grantee, bytes32 indexed scope);
    event BreakGlass(address indexed patient, address indexed clinician, bytes32 reasonHash, uint64 until);

    error InvalidGrantee();
    error InvalidScope();
    error ExpiryNotInFuture();
    error NoConsent();
    error NotVerifiedClinician();
    error InvalidPatient();
    error MissingReason();
    error InvalidDuration();

    constructor(IAccessRegistry accessRegistry_) {
        accessRegistry = accessRegistry_;
    }

    /// Grants (or re-grants with a new expiry) msg.sender's consent to `grantee` for `scope`.
    function grant(address grantee, bytes32 scope, uint64 expiry) external {
        if (grantee == address(0) || grantee == msg.sender) revert InvalidGrantee();
        if (scope == bytes32(0)) revert InvalidScope();
        if (expiry <= block.timestamp) revert ExpiryNotInFuture();
        consentExpiry[msg.sender][grantee][scope] = expiry;
        emit ConsentGranted(msg.sender, grantee, scope, expiry);
    }

    /// Revokes msg.sender's grant to `grantee` for exactly `scope` (an expired grant can be revoked too).
    function revoke(address grantee, bytes32 scope) external {
        if (consentExpiry[msg.sender][grantee][scope] == 0) revert NoConsent();
        delete consentExpiry[msg.sender][grantee][scope];
        emit ConsentRevoked(msg.sender, grantee, scope);
    }

    /// Emergency access by a verified clinician to `patient` for `duration` seconds from now
    /// (1..MAX_BREAK_GLASS_DURATION, else InvalidDuration); `reasonHash` is a hash of the reason kept off-chain.
    /// Sets (replaces) breakGlassUntil[patient][msg.sender] = block.timestamp + duration and returns it.
    function breakGlass(address patient, bytes32 reasonHash, uint64 duration) external returns (uint64 until) {
        if (!accessRegistry.isVerifiedClinician(msg.sender)) revert NotVerifiedClinician();
        if (patient == address(0) || patient == msg.sender) revert InvalidPatient();
        if (reasonHash == bytes32(0)) revert MissingReason();
        if (duration == 0 || duration > MAX_BREAK_GLASS_DURATION) revert InvalidDuration();
        until = uint64(block.timestamp) + duration;
        breakGlassUntil[patient][msg.sender] = until;
        emit BreakGlass(patient, msg.sender, reasonHash, until);
    }

    /// True when `grantee` holds an active grant for `scope` or for SCOPE_ALL, or active break-glass access.
    function isAllowed(address patient, address grantee, bytes32 scope) external view returns (bool) {
        mapping(bytes32 => uint64) storage grants = consentExpiry[patient][grantee];
        if (block.timestamp < grants[scope] || block.timestamp < grants[SCOPE_ALL]) return true;
        return block.timestamp < breakGlassUntil[patient][grantee] && accessRegistry.isVerifiedClinician(grantee);
    }
}
