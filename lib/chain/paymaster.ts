import {
  concat,
  encodeAbiParameters,
  isAddressEqual,
  keccak256,
  numberToHex,
  pad,
  decodeFunctionData,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type {
  GetPaymasterDataParameters,
  GetPaymasterDataReturnType,
  GetPaymasterStubDataParameters,
  GetPaymasterStubDataReturnType,
} from "viem/account-abstraction";
import { careTokenAbi, consentRegistryAbi, prescriptionRegistryAbi } from "./abi/index.ts";
import type { ChainDeployment } from "./deployments.ts";
import { decodeSafeCalls, SafeCallDecodeError, type SafeCall } from "./safe-calls.ts";

/**
 * The app's ERC-7677 sponsorship service for HealthPaymaster (contracts/src/HealthPaymaster.sol): it signs a user
 * operation only when the policy allows it. viem takes the two functions in-process
 * (`paymaster: { getPaymasterStubData, getPaymasterData }`); an HTTP wrapper can expose them as pm_* methods.
 *
 * paymasterAndData = paymaster ‖ uint128 verificationGas ‖ uint128 postOpGas ‖ abi.encode(uint48 validUntil,
 * uint48 validAfter) ‖ 65-byte signature; viem packs the first three, `paymasterData` is the rest.
 */

export type SponsorshipDecision = { allowed: true } | { allowed: false; reason: string };

/** What the policy sees: the user operation as far as it is known (gas is estimated between stub and data). */
export type SponsorshipRequest = Pick<GetPaymasterDataParameters, "sender" | "nonce" | "callData" | "factory" | "factoryData">;

/**
 * Decides whether to pay. Called twice per operation: at "stub" (before gas estimation) and at "sign" (the
 * signature that commits the paymaster's deposit), so a budget should reserve only at "sign".
 */
export type SponsorshipPolicy<Context = unknown> = (
  userOp: SponsorshipRequest,
  context: Context,
  phase: "stub" | "sign",
) => Promise<SponsorshipDecision>;

export class SponsorshipRefusedError extends Error {
  override name = "SponsorshipRefusedError";
  constructor(readonly reason: string) {
    super(`sponsorship refused: ${reason}`);
  }
}

/** The v0.7 paymaster fields this service returns (a narrower form of viem's return types). */
export interface PaymasterFields {
  paymaster: Address;
  paymasterData: Hex;
  paymasterVerificationGasLimit?: bigint;
  paymasterPostOpGasLimit: bigint;
}

export interface SponsorshipSigner {
  paymaster: Address;
  getPaymasterStubData(parameters: GetPaymasterStubDataParameters): Promise<PaymasterFields & GetPaymasterStubDataReturnType>;
  getPaymasterData(parameters: GetPaymasterDataParameters): Promise<PaymasterFields & GetPaymasterDataReturnType>;
}

/** Fields of a v0.7 user operation that HealthPaymaster.getHash covers. */
export interface SponsoredUserOperation {
  sender: Address;
  nonce: bigint;
  factory?: Address | undefined;
  factoryData?: Hex | undefined;
  callData: Hex;
  callGasLimit: bigint;
  verificationGasLimit: bigint;
  preVerificationGas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
  paymasterVerificationGasLimit: bigint;
  paymasterPostOpGasLimit: bigint;
}

const uint128 = (n: bigint) => pad(numberToHex(n), { size: 16 });

/** Mirrors HealthPaymaster.getHash (checked against the contract in the integration tests). */
export function getSponsorshipHash(
  op: SponsoredUserOperation,
  window: { chainId: number; paymaster: Address; validUntil: number; validAfter: number },
): Hex {
  const initCode = op.factory ? concat([op.factory, op.factoryData ?? "0x"]) : "0x";
  return keccak256(
    encodeAbiParameters(
      [
        { type: "address" }, { type: "uint256" }, { type: "bytes32" }, { type: "bytes32" },
        { type: "bytes32" }, { type: "bytes32" }, { type: "uint256" }, { type: "bytes32" },
        { type: "uint256" }, { type: "address" }, { type: "uint48" }, { type: "uint48" },
      ],
      [
        op.sender,
        op.nonce,
        keccak256(initCode),
        keccak256(op.callData),
        concat([uint128(op.verificationGasLimit), uint128(op.callGasLimit)]),
        concat([uint128(op.paymasterVerificationGasLimit), uint128(op.paymasterPostOpGasLimit)]),
        op.preVerificationGas,
        concat([uint128(op.maxPriorityFeePerGas), uint128(op.maxFeePerGas)]),
        BigInt(window.chainId),
        window.paymaster,
        window.validUntil,
        window.validAfter,
      ],
    ),
  );
}

/** paymasterData = abi.encode(uint48 validUntil, uint48 validAfter) ‖ signature (65 bytes). */
export function encodePaymasterData(validUntil: number, validAfter: number, signature: Hex): Hex {
  return concat([encodeAbiParameters([{ type: "uint48" }, { type: "uint48" }], [validUntil, validAfter]), signature]);
}

/**
 * A well-formed but wrong 65-byte signature (r < n, low s, v = 28) for gas estimation: the paymaster runs the same
 * recovery as with a real one and reports SIG_VALIDATION_FAILED, which estimation tolerates.
 */
export const STUB_SIGNATURE: Hex =
  "0xfffffffffffffffffffffffffffffff0000000000000000000000000000000007aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1c";

export function createSponsorshipSigner<Context = unknown>(opts: {
  signerKey: Hex;
  paymaster: Address;
  entryPoint: Address;
  chainId: number;
  policy: SponsorshipPolicy<Context>;
  /** How long a signature stays valid; short, since it is used within seconds. */
  validForSeconds?: number;
  now?: () => number;
}): SponsorshipSigner {
  const signer = privateKeyToAccount(opts.signerKey);
  const validFor = opts.validForSeconds ?? 300;
  const now = opts.now ?? (() => Math.floor(Date.now() / 1000));

  async function authorize(p: GetPaymasterStubDataParameters | GetPaymasterDataParameters, phase: "stub" | "sign"): Promise<void> {
    if (p.chainId !== opts.chainId) throw new SponsorshipRefusedError(`chain ${p.chainId} is not served`);
    if (!isAddressEqual(p.entryPointAddress, opts.entryPoint)) {
      throw new SponsorshipRefusedError(`EntryPoint ${p.entryPointAddress} is not served`);
    }
    const request: SponsorshipRequest = {
      sender: p.sender,
      nonce: p.nonce,
      callData: p.callData,
      factory: "factory" in p ? p.factory : undefined,
      factoryData: "factoryData" in p ? p.factoryData : undefined,
    };
    const decision = await opts.policy(request, p.context as Context, phase);
    if (!decision.allowed) throw new SponsorshipRefusedError(decision.reason);
  }

  return {
    paymaster: opts.paymaster,
    // Refusing here already, before gas estimation, gives the caller the reason instead of an estimation error.
    async getPaymasterStubData(p) {
      await authorize(p, "stub");
      // postOp gas 0: HealthPaymaster returns an empty context, so the EntryPoint never calls postOp.
      return { paymaster: opts.paymaster, paymasterData: encodePaymasterData(0, 0, STUB_SIGNATURE), paymasterPostOpGasLimit: 0n };
    },
    async getPaymasterData(p) {
      await authorize(p, "sign");
      if (
        p.callGasLimit === undefined || p.verificationGasLimit === undefined || p.preVerificationGas === undefined ||
        p.maxFeePerGas === undefined || p.maxPriorityFeePerGas === undefined ||
        !("paymasterVerificationGasLimit" in p) || p.paymasterVerificationGasLimit === undefined
      ) {
        throw new SponsorshipRefusedError("gas limits and fees must be set before the paymaster signs");
      }
      const paymasterPostOpGasLimit = p.paymasterPostOpGasLimit ?? 0n;
      const validAfter = 0;
      const validUntil = now() + validFor;
      const hash = getSponsorshipHash(
        { ...p, paymasterVerificationGasLimit: p.paymasterVerificationGasLimit, paymasterPostOpGasLimit } as SponsoredUserOperation,
        { chainId: opts.chainId, paymaster: opts.paymaster, validUntil, validAfter },
      );
      const signature = await signer.signMessage({ message: { raw: hash } });
      return {
        paymaster: opts.paymaster,
        paymasterData: encodePaymasterData(validUntil, validAfter, signature),
        paymasterVerificationGasLimit: p.paymasterVerificationGasLimit,
        paymasterPostOpGasLimit,
      };
    },
  };
}

/** Which functions of which contracts the app sponsors by default (every call of a batch must match). */
export function defaultCallPolicy(deployments: ChainDeployment): SponsorshipPolicy {
  const allowed = new Map<string, { name: string; abi: Abi; functions: Set<string> }>();
  const allow = (name: string, address: Address, abi: Abi, functions: string[]) => {
    allowed.set(address.toLowerCase(), { name, abi, functions: new Set(functions) });
  };
  const { contracts } = deployments;
  allow("ConsentRegistry", contracts.ConsentRegistry, consentRegistryAbi, ["grant", "revoke", "breakGlass"]);
  allow("CareToken", contracts.CareToken, careTokenAbi, ["transfer", "permit"]);
  allow("PrescriptionRegistry", contracts.PrescriptionRegistry, prescriptionRegistryAbi, stateChanging(prescriptionRegistryAbi));

  return async (userOp) => {
    // The first operation deploys the Safe: only through the canonical Safe proxy factory.
    if (userOp.factory && !isAddressEqual(userOp.factory, deployments.safe.proxyFactory)) {
      return { allowed: false, reason: `account factory ${userOp.factory} is not the Safe proxy factory` };
    }
    let calls: SafeCall[];
    try {
      calls = decodeSafeCalls(userOp.callData, { multiSendCallOnly: deployments.safe.multiSendCallOnly });
    } catch (error) {
      if (error instanceof SafeCallDecodeError) return { allowed: false, reason: error.message };
      throw error;
    }
    for (const call of calls) {
      const reason = refusal(call);
      if (reason) return { allowed: false, reason };
    }
    return { allowed: true };
  };

  function refusal(call: SafeCall): string | undefined {
    const target = allowed.get(call.to.toLowerCase());
    if (!target) return `calls to ${call.to} are not sponsored`;
    if (call.value !== 0n) return `calls carrying ETH are not sponsored`;
    let functionName: string;
    try {
      ({ functionName } = decodeFunctionData({ abi: target.abi, data: call.data }));
    } catch {
      return `call data for ${target.name} does not match its ABI`;
    }
    return target.functions.has(functionName) ? undefined : `${target.name}.${functionName} is not sponsored`;
  }
}

function stateChanging(abi: Abi): string[] {
  return abi.flatMap((item) =>
    item.type === "function" && (item.stateMutability === "nonpayable" || item.stateMutability === "payable") ? [item.name] : [],
  );
}
