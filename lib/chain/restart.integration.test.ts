import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeFunctionData, keccak256, toHex, type Address, type Hex } from "viem";
import { consentRegistryAbi } from "./abi/index.ts";
import { sendSponsoredCalls, waitForReceipt } from "./send.ts";
import { toPatientSafe } from "./smart-account.ts";
import { newOwnerKey, startTestStack, type TestStack } from "./test-stack.ts";

const scope = keccak256(toHex("imaging"));
const grantee: Address = "0x000000000000000000000000000000000000bEEF";

describe("restarting the stack on the same data folder", { timeout: 60_000 }, () => {
  let t: TestStack;
  const ownerKey: Hex = newOwnerKey();

  beforeAll(async () => {
    t = await startTestStack();
  }, 120_000);
  afterAll(() => t?.stop());

  it("keeps the contracts, the Safe and its consent, deploys nothing and keeps sponsoring", async () => {
    const first = t.stack.deployments;
    const safe = await toPatientSafe(t.clients.publicClient, ownerKey);
    const consent = first.contracts.ConsentRegistry;
    const expiry = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const grant = encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [grantee, scope, expiry] });
    const { bundlerClient } = t.clients;
    expect((await waitForReceipt(bundlerClient, await sendSponsoredCalls(bundlerClient, safe, [{ to: consent, data: grant }], t.sponsor()))).success).toBe(true);

    await t.stop({ keepData: true });
    t = await startTestStack({ dataDir: t.dataDir });

    expect(t.stack.cold).toBe(false);
    expect(t.stack.deployments).toEqual(first);
    const { publicClient } = t.clients;
    const again = await toPatientSafe(publicClient, ownerKey);
    expect(again.address).toBe(safe.address);
    expect(await publicClient.getCode({ address: safe.address })).not.toBeUndefined();
    expect(await publicClient.readContract({ address: consent, abi: consentRegistryAbi, functionName: "isAllowed", args: [safe.address, grantee, scope] })).toBe(true);

    const revoke = encodeFunctionData({ abi: consentRegistryAbi, functionName: "revoke", args: [grantee, scope] });
    const revoked = await waitForReceipt(t.clients.bundlerClient, await sendSponsoredCalls(t.clients.bundlerClient, again, [{ to: consent, data: revoke }], t.sponsor()));
    expect(revoked.success).toBe(true);
  });
});
