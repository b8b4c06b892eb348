import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeFunctionData, keccak256, toHex, type Address } from "viem";
import { entryPoint07Address, toPackedUserOperation } from "viem/account-abstraction";
import { consentRegistryAbi, healthPaymasterAbi } from "./abi/index.ts";
import { getSponsorshipHash, SponsorshipRefusedError } from "./paymaster.ts";
import { sendSponsoredCalls, UserOperationRejectedError, waitForReceipt } from "./send.ts";
import { toPatientSafe, type PatientSafe } from "./smart-account.ts";
import { newOwnerKey, startTestStack, type TestStack } from "./test-stack.ts";

const scope = keccak256(toHex("medications"));
const grantee: Address = "0x000000000000000000000000000000000000dEaD";

describe("sponsored operations from a brand-new Safe", { timeout: 30_000 }, () => {
  let t: TestStack;
  let safe: PatientSafe;
  let consent: Address;

  beforeAll(async () => {
    t = await startTestStack();
    safe = await toPatientSafe(t.clients.publicClient, newOwnerKey());
    consent = t.stack.deployments.contracts.ConsentRegistry;
  }, 120_000);
  afterAll(() => t?.stop());

  const isAllowed = () =>
    t.clients.publicClient.readContract({ address: consent, abi: consentRegistryAbi, functionName: "isAllowed", args: [safe.address, grantee, scope] });

  it("grants and revokes consent with 0 ETH, the first operation deploying the Safe", async () => {
    const { publicClient, bundlerClient } = t.clients;
    expect(await publicClient.getBalance({ address: safe.address })).toBe(0n);
    expect(await publicClient.getCode({ address: safe.address })).toBeUndefined();
    expect(await isAllowed()).toBe(false);

    const expiry = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const grant = encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [grantee, scope, expiry] });
    const granted = await waitForReceipt(bundlerClient, await sendSponsoredCalls(bundlerClient, safe, [{ to: consent, data: grant }], t.sponsor()));
    expect(granted.success).toBe(true);
    expect(await publicClient.getCode({ address: safe.address })).not.toBeUndefined();
    expect(await isAllowed()).toBe(true);

    const revoke = encodeFunctionData({ abi: consentRegistryAbi, functionName: "revoke", args: [grantee, scope] });
    const revoked = await waitForReceipt(bundlerClient, await sendSponsoredCalls(bundlerClient, safe, [{ to: consent, data: revoke }], t.sponsor()));
    expect(revoked.success).toBe(true);
    expect(await isAllowed()).toBe(false);
    expect(await publicClient.getBalance({ address: safe.address })).toBe(0n);
  });

  it("rejects a call that would revert before sending it, with the contract's error", async () => {
    const { bundlerClient } = t.clients;
    const pastExpiry = encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [grantee, scope, 1n] });
    await expect(sendSponsoredCalls(bundlerClient, safe, [{ to: consent, data: pastExpiry }], t.sponsor())).rejects.toThrow(
      new UserOperationRejectedError("ExpiryNotInFuture()"),
    );
  });

  it("refuses to sponsor calls to foreign contracts, with a reason", async () => {
    const { bundlerClient } = t.clients;
    const send = (to: Address) => sendSponsoredCalls(bundlerClient, safe, [{ to, data: "0x" }], t.sponsor());
    await expect(send(entryPoint07Address)).rejects.toThrow(
      new SponsorshipRefusedError(`calls to ${entryPoint07Address} are not sponsored`),
    );
    await expect(send("0x1234567890123456789012345678901234567890")).rejects.toBeInstanceOf(SponsorshipRefusedError);
  });

  it("hashes exactly like HealthPaymaster.getHash", async () => {
    const op = {
      sender: safe.address,
      nonce: 7n,
      factory: t.stack.deployments.safe.proxyFactory,
      factoryData: "0xabcdef" as const,
      callData: "0x1234" as const,
      callGasLimit: 100_000n,
      verificationGasLimit: 300_000n,
      preVerificationGas: 50_000n,
      maxFeePerGas: 3n,
      maxPriorityFeePerGas: 2n,
      paymasterVerificationGasLimit: 40_000n,
      paymasterPostOpGasLimit: 1n,
    };
    const paymaster = t.stack.deployments.contracts.HealthPaymaster;
    const packed = toPackedUserOperation({ ...op, signature: "0x", paymaster, paymasterData: "0x" });
    const onChain = await t.clients.publicClient.readContract({
      address: paymaster,
      abi: healthPaymasterAbi,
      functionName: "getHash",
      args: [packed, 1_900_000_000, 5],
    });
    expect(getSponsorshipHash(op, { chainId: 31337, paymaster, validUntil: 1_900_000_000, validAfter: 5 })).toBe(onChain);
  });
});
