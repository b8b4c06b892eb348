import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWalletClient, encodeFunctionData, http, parseEther, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ADMIN_THRESHOLD, DEV_KEYS } from "@/scripts/services/chain.ts";
import { careTokenAbi, accessRegistryAbi } from "./abi/index.ts";
import { AdminSafeError, execAdminCalls, safeAbi } from "./admin-safe.ts";
import { startTestStack, type TestStack } from "./test-stack.ts";

const patient: Address = "0x000000000000000000000000000000000000c0de";

describe("the admin Safe", { timeout: 30_000 }, () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 120_000);
  afterAll(() => t?.stop());

  const exec = (ownerKeys: readonly `0x${string}`[], calls: Parameters<typeof execAdminCalls>[0]["calls"]) =>
    execAdminCalls({
      client: t.clients.publicClient,
      relayer: createWalletClient({ chain: t.clients.chain, transport: http(t.stack.rpcUrl), account: privateKeyToAccount(DEV_KEYS.deployer) }),
      safe: t.stack.deployments.admin,
      multiSendCallOnly: t.stack.deployments.safe.multiSendCallOnly,
      ownerKeys,
      calls,
    });

  it("is a 2-of-3 Safe that owns the app contracts", async () => {
    const { publicClient } = t.clients;
    const admin = t.stack.deployments.admin;
    expect(await publicClient.readContract({ address: admin, abi: safeAbi, functionName: "getThreshold" })).toBe(BigInt(ADMIN_THRESHOLD));
    expect(await publicClient.readContract({ address: admin, abi: safeAbi, functionName: "getOwners" })).toHaveLength(3);
    const token = t.stack.deployments.contracts.CareToken;
    expect(await publicClient.readContract({ address: token, abi: careTokenAbi, functionName: "owner" })).toBe(admin);
  });

  it("refuses one signature and runs a batch with two", async () => {
    const { publicClient } = t.clients;
    const token = t.stack.deployments.contracts.CareToken;
    const registry = t.stack.deployments.contracts.AccessRegistry;
    const mint = { to: token, value: 0n, data: encodeFunctionData({ abi: careTokenAbi, functionName: "mint", args: [patient, parseEther("5")] }) };
    await expect(exec(DEV_KEYS.adminOwners.slice(0, 1), [mint])).rejects.toBeInstanceOf(AdminSafeError);

    const role = await publicClient.readContract({ address: registry, abi: accessRegistryAbi, functionName: "CLINICIAN_ROLE" });
    const verifyClinician = { to: registry, value: 0n, data: encodeFunctionData({ abi: accessRegistryAbi, functionName: "grantRole", args: [role, patient] }) };
    await exec(DEV_KEYS.adminOwners.slice(1), [mint, verifyClinician]);
    expect(await publicClient.readContract({ address: token, abi: careTokenAbi, functionName: "balanceOf", args: [patient] })).toBe(parseEther("5"));
    expect(await publicClient.readContract({ address: registry, abi: accessRegistryAbi, functionName: "isVerifiedClinician", args: [patient] })).toBe(true);
  });
});
