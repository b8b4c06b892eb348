import { describe, expect, it } from "vitest";
import { concat, encodeFunctionData, encodePacked, hashMessage, keccak256, recoverAddress, size, slice, toHex, decodeAbiParameters, type Address } from "viem";
import { entryPoint07Address, toPackedUserOperation } from "viem/account-abstraction";
import { privateKeyToAccount } from "viem/accounts";
import { careTokenAbi, consentRegistryAbi } from "./abi/index.ts";
import type { ChainDeployment } from "./deployments.ts";
import {
  createSponsorshipSigner,
  defaultCallPolicy,
  getSponsorshipHash,
  SponsorshipRefusedError,
  STUB_SIGNATURE,
  type SponsorshipRequest,
} from "./paymaster.ts";
import { MULTI_SEND_CALL_ONLY_141, multiSendAbi, safe4337ModuleAbi } from "./safe-calls.ts";

const signerKey = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
const paymaster: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const consent: Address = "0x1000000000000000000000000000000000000001";
const token: Address = "0x1000000000000000000000000000000000000002";
const deployments: ChainDeployment = {
  chainId: 31337,
  entryPoint: entryPoint07Address,
  safe: {
    singleton: "0x41675C099F32341bf84BFc5382aF534df5C7461a",
    proxyFactory: "0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67",
    multiSend: "0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526",
    multiSendCallOnly: MULTI_SEND_CALL_ONLY_141,
    fallbackHandler: "0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99",
    safe4337Module: "0x75cf11467937ce3F2f357CE24ffc3DBF8fD5c226",
    safeModuleSetup: "0x2dd68b007B46fBe91B9A7c3EDa5A7a1063cB5b47",
  },
  contracts: {
    HealthPaymaster: paymaster,
    AccessRegistry: "0x1000000000000000000000000000000000000003",
    ConsentRegistry: consent,
    CareToken: token,
    AuditAnchor: "0x1000000000000000000000000000000000000004",
    PrescriptionRegistry: "0x1000000000000000000000000000000000000005",
  },
  startBlock: 0,
  admin: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  paymasterSigner: privateKeyToAccount(signerKey).address,
  fingerprints: {},
};

const scope = keccak256(toHex("medications"));
const grantee: Address = "0x000000000000000000000000000000000000dEaD";
const viaSafe = (to: Address, data: `0x${string}`, value = 0n) =>
  encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOpWithErrorString", args: [to, value, data, 0] });
const grantCall = encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [grantee, scope, 2_000_000_000n] });

const baseOp = {
  sender: "0x69d8B4CBC3ddEE50b04dF63cFc0DED8d357DF6DE" as Address,
  nonce: 0n,
  callData: viaSafe(consent, grantCall),
  callGasLimit: 100_000n,
  verificationGasLimit: 300_000n,
  preVerificationGas: 50_000n,
  maxFeePerGas: 2_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
  paymasterVerificationGasLimit: 40_000n,
  paymasterPostOpGasLimit: 0n,
};
const common = { chainId: 31337, entryPointAddress: entryPoint07Address, context: undefined };
const signerWith = (policy = defaultCallPolicy(deployments)) =>
  createSponsorshipSigner({ signerKey, paymaster, entryPoint: entryPoint07Address, chainId: 31337, policy, now: () => 1_700_000_000 });

describe("paymaster data layout", () => {
  it("packs to the 181 bytes HealthPaymaster expects, at its offsets", async () => {
    const data = await signerWith().getPaymasterData({ ...common, ...baseOp });
    const packed = toPackedUserOperation({ ...baseOp, signature: "0x", ...data });
    expect(size(packed.paymasterAndData)).toBe(181);
    expect(slice(packed.paymasterAndData, 0, 20).toLowerCase()).toBe(paymaster.toLowerCase());
    expect(BigInt(slice(packed.paymasterAndData, 20, 36))).toBe(40_000n);
    expect(BigInt(slice(packed.paymasterAndData, 36, 52))).toBe(0n);
    const [validUntil, validAfter] = decodeAbiParameters([{ type: "uint48" }, { type: "uint48" }], slice(packed.paymasterAndData, 52, 116));
    expect([validUntil, validAfter]).toEqual([1_700_000_300, 0]);
    expect(size(slice(packed.paymasterAndData, 116))).toBe(65);
  });

  it("signs the EIP-191 message of getHash with the sponsorship key", async () => {
    const data = await signerWith().getPaymasterData({ ...common, ...baseOp });
    const signature = slice(data.paymasterData!, 64);
    const hash = getSponsorshipHash(baseOp, { chainId: 31337, paymaster, validUntil: 1_700_000_300, validAfter: 0 });
    expect(await recoverAddress({ hash: hashMessage({ raw: hash }), signature })).toBe(deployments.paymasterSigner);
  });

  it("covers the paymaster gas limits, so they cannot be raised after signing", () => {
    const window = { chainId: 31337, paymaster, validUntil: 1, validAfter: 0 };
    expect(getSponsorshipHash(baseOp, window)).not.toBe(getSponsorshipHash({ ...baseOp, paymasterVerificationGasLimit: 40_001n }, window));
  });

  it("stubs with the same length and a well-formed 65-byte signature", async () => {
    const stub = await signerWith().getPaymasterStubData({ ...common, ...baseOp });
    expect(size(stub.paymasterData!)).toBe(64 + 65);
    expect(size(STUB_SIGNATURE)).toBe(65);
    expect(stub.paymasterPostOpGasLimit).toBe(0n);
  });
});

describe("sponsorship policy", () => {
  it("passes the policy's reason on when it refuses", async () => {
    const signer = signerWith(async () => ({ allowed: false, reason: "monthly budget used up" }));
    await expect(signer.getPaymasterStubData({ ...common, ...baseOp })).rejects.toThrow(new SponsorshipRefusedError("monthly budget used up"));
    await expect(signer.getPaymasterData({ ...common, ...baseOp })).rejects.toThrow(/monthly budget used up/);
  });

  it("refuses other chains and EntryPoints", async () => {
    await expect(signerWith().getPaymasterData({ ...common, ...baseOp, chainId: 1 })).rejects.toThrow(/chain 1/);
    await expect(
      signerWith().getPaymasterData({ ...common, ...baseOp, entryPointAddress: "0x0000000000000000000000000000000000000007" }),
    ).rejects.toThrow(/EntryPoint/);
  });

  const policy = defaultCallPolicy(deployments);
  const judge = (callData: `0x${string}`, extra: Partial<SponsorshipRequest> = {}) =>
    policy({ sender: baseOp.sender, nonce: 0n, callData, ...extra }, undefined, "sign");

  it("allows consent grants and token transfers, alone or batched", async () => {
    const transfer = encodeFunctionData({ abi: careTokenAbi, functionName: "transfer", args: [grantee, 1n] });
    expect(await judge(viaSafe(consent, grantCall))).toEqual({ allowed: true });
    expect(await judge(viaSafe(token, transfer), { factory: deployments.safe.proxyFactory, factoryData: "0x" })).toEqual({ allowed: true });
    const pack = (to: Address, data: `0x${string}`) =>
      encodePacked(["uint8", "address", "uint256", "uint256", "bytes"], [0, to, 0n, BigInt(size(data)), data]);
    const batch = encodeFunctionData({ abi: multiSendAbi, functionName: "multiSend", args: [concat([pack(consent, grantCall), pack(token, transfer)])] });
    const batchCall = encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOpWithErrorString", args: [MULTI_SEND_CALL_ONLY_141, 0n, batch, 1] });
    expect(await judge(batchCall)).toEqual({ allowed: true });
    const mixed = encodeFunctionData({ abi: multiSendAbi, functionName: "multiSend", args: [concat([pack(consent, grantCall), pack(grantee, "0x")])] });
    const mixedCall = encodeFunctionData({ abi: safe4337ModuleAbi, functionName: "executeUserOpWithErrorString", args: [MULTI_SEND_CALL_ONLY_141, 0n, mixed, 1] });
    expect(await judge(mixedCall)).toMatchObject({ allowed: false });
  });

  it("refuses foreign targets, functions outside the list, value and foreign factories", async () => {
    const approve = encodeFunctionData({ abi: careTokenAbi, functionName: "approve", args: [grantee, 1n] });
    expect(await judge(viaSafe(entryPoint07Address, "0x"))).toMatchObject({ allowed: false, reason: expect.stringMatching(/not sponsored/) });
    expect(await judge(viaSafe(token, approve))).toEqual({ allowed: false, reason: "CareToken.approve is not sponsored" });
    expect(await judge(viaSafe(consent, grantCall, 1n))).toMatchObject({ allowed: false, reason: expect.stringMatching(/ETH/) });
    expect(await judge(viaSafe(consent, "0x12345678"))).toMatchObject({ allowed: false, reason: expect.stringMatching(/ABI/) });
    expect(await judge(viaSafe(consent, grantCall), { factory: grantee })).toMatchObject({ allowed: false, reason: expect.stringMatching(/factory/) });
  });
});
