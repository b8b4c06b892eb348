import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createWalletClient, encodeFunctionData, hashTypedData, http, parseEther, recoverTypedDataAddress, type Address, type Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { ADMIN_THRESHOLD, DEV_KEYS } from "@/scripts/services/chain.ts";
import { careTokenAbi, accessRegistryAbi } from "./abi/index.ts";
import { AdminSafeError, buildSafeTx, execAdminCalls, execSafeTx, readSafeState, signSafeTx, type SafeTarget, type SafeTx } from "./admin-safe.ts";
import { encodeMultiSendCallOnly } from "./safe-calls.ts";
import { startTestStack, type TestStack } from "./test-stack.ts";

const patient: Address = "0x000000000000000000000000000000000000c0de";

/** The EIP-712 SafeTx of Safe 1.4.1, written out independently of protocol-kit. */
const safeTxTypedData = (safe: Address, chainId: number, tx: SafeTx) => ({
  domain: { chainId, verifyingContract: safe },
  types: {
    SafeTx: [
      { name: "to", type: "address" },
      { name: "value", type: "uint256" },
      { name: "data", type: "bytes" },
      { name: "operation", type: "uint8" },
      { name: "safeTxGas", type: "uint256" },
      { name: "baseGas", type: "uint256" },
      { name: "gasPrice", type: "uint256" },
      { name: "gasToken", type: "address" },
      { name: "refundReceiver", type: "address" },
      { name: "nonce", type: "uint256" },
    ],
  } as const,
  primaryType: "SafeTx" as const,
  message: tx,
});

describe("the admin Safe", { timeout: 30_000 }, () => {
  let t: TestStack;
  let target: SafeTarget;
  beforeAll(async () => {
    t = await startTestStack();
    target = { client: t.clients.publicClient, safe: t.stack.deployments.admin, deployment: t.stack.deployments };
  }, 120_000);
  afterAll(() => t?.stop());

  const relayer = () => createWalletClient({ chain: t.clients.chain, transport: http(t.stack.rpcUrl), account: privateKeyToAccount(DEV_KEYS.deployer) });
  const exec = (ownerKeys: readonly Hex[], calls: Parameters<typeof execAdminCalls>[0]["calls"]) => execAdminCalls({ ...target, relayer: relayer(), ownerKeys, calls });
  const mintCall = (amount: string) => ({
    to: t.stack.deployments.contracts.CareToken,
    value: 0n,
    data: encodeFunctionData({ abi: careTokenAbi, functionName: "mint", args: [patient, parseEther(amount)] }),
  });
  const balance = () => t.clients.publicClient.readContract({ address: t.stack.deployments.contracts.CareToken, abi: careTokenAbi, functionName: "balanceOf", args: [patient] });

  it("is a 2-of-3 Safe that owns the app contracts", async () => {
    const state = await readSafeState(target);
    expect(state.threshold).toBe(ADMIN_THRESHOLD);
    expect([...state.owners].sort()).toEqual(DEV_KEYS.adminOwners.map((k) => privateKeyToAccount(k).address).sort());
    expect(await t.clients.publicClient.readContract({ address: t.stack.deployments.contracts.CareToken, abi: careTokenAbi, functionName: "owner" })).toBe(target.safe);
  });

  it("builds the EIP-712 SafeTx of one call at a nonce; each owner's signature recovers to that owner", async () => {
    const call = mintCall("1");
    const { tx, hash } = await buildSafeTx(target, [call], 7n);
    expect(tx).toEqual({ ...call, operation: 0, safeTxGas: 0n, baseGas: 0n, gasPrice: 0n, gasToken: expect.stringMatching(/^0x0{40}$/), refundReceiver: expect.stringMatching(/^0x0{40}$/), nonce: 7n });
    const typed = safeTxTypedData(target.safe, t.stack.deployments.chainId, tx);
    expect(hash).toBe(hashTypedData(typed));
    // The hash covers the nonce, so a signature is for one place in the Safe's order.
    expect((await buildSafeTx(target, [call], 8n)).hash).not.toBe(hash);
    for (const key of DEV_KEYS.adminOwners) {
      const signed = await signSafeTx(target, key, [call], 7n);
      expect(signed.owner).toBe(privateKeyToAccount(key).address);
      expect(await recoverTypedDataAddress({ ...typed, signature: signed.signature })).toBe(signed.owner);
    }
    await expect(signSafeTx(target, generatePrivateKey(), [call], 7n)).rejects.toBeInstanceOf(AdminSafeError);
  });

  it("batches several calls through MultiSendCallOnly", async () => {
    const calls = [mintCall("1"), mintCall("2")];
    const { tx } = await buildSafeTx(target, calls, 0n);
    expect(tx).toMatchObject({ to: t.stack.deployments.safe.multiSendCallOnly, operation: 1, value: 0n });
    // The same packed calls as the encoder the sponsorship policy decodes against.
    expect(tx.data).toBe(encodeMultiSendCallOnly(calls));
  });

  it("refuses one signature without mining anything, then runs with two collected in any order", async () => {
    const call = mintCall("3");
    const { nonce } = await readSafeState(target);
    const [first, second] = await Promise.all(DEV_KEYS.adminOwners.slice(0, 2).map((key) => signSafeTx(target, key, [call], nonce)));
    const before = await balance();
    const blockBefore = await t.clients.publicClient.getBlockNumber();
    const refused = await execSafeTx({ ...target, relayer: relayer(), calls: [call], nonce, signatures: [first!] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AdminSafeError);
    expect((refused as Error).message).toMatch(/fewer signatures than the threshold/);
    expect(await t.clients.publicClient.getBlockNumber()).toBe(blockBefore);
    expect((await readSafeState(target)).nonce).toBe(nonce);

    // A signature for another nonce does not count.
    const stale = await signSafeTx(target, DEV_KEYS.adminOwners[2]!, [call], nonce + 1n);
    await expect(execSafeTx({ ...target, relayer: relayer(), calls: [call], nonce, signatures: [first!, stale] })).rejects.toBeInstanceOf(AdminSafeError);

    // The Safe wants signatures in ascending owner order; they are given here in the opposite one.
    const descending = [first!, second!].sort((a, b) => (BigInt(a.owner) > BigInt(b.owner) ? -1 : 1));
    const hash = await execSafeTx({ ...target, relayer: relayer(), calls: [call], nonce, signatures: descending });
    expect((await t.clients.publicClient.getTransactionReceipt({ hash })).status).toBe("success");
    expect(await balance()).toBe(before + parseEther("3"));
    expect((await readSafeState(target)).nonce).toBe(nonce + 1n);
  });

  it("refuses one owner key and runs a batch with two", async () => {
    const registry = t.stack.deployments.contracts.AccessRegistry;
    const before = await balance();
    await expect(exec(DEV_KEYS.adminOwners.slice(0, 1), [mintCall("5")])).rejects.toBeInstanceOf(AdminSafeError);

    const role = await t.clients.publicClient.readContract({ address: registry, abi: accessRegistryAbi, functionName: "CLINICIAN_ROLE" });
    const verifyClinician = { to: registry, value: 0n, data: encodeFunctionData({ abi: accessRegistryAbi, functionName: "grantRole", args: [role, patient] }) };
    await exec(DEV_KEYS.adminOwners.slice(1), [mintCall("5"), verifyClinician]);
    expect(await balance()).toBe(before + parseEther("5"));
    expect(await t.clients.publicClient.readContract({ address: registry, abi: accessRegistryAbi, functionName: "isVerifiedClinician", args: [patient] })).toBe(true);
  });

  it("asks nothing of any server but the chain's RPC (no Safe Transaction Service, no public endpoints)", async () => {
    const fetched = vi.spyOn(globalThis, "fetch");
    try {
      await exec(DEV_KEYS.adminOwners.slice(0, 2), [mintCall("1")]);
      const origins = new Set(fetched.mock.calls.map(([input]) => new URL(input instanceof Request ? input.url : String(input)).origin));
      expect(origins).toEqual(new Set([new URL(t.stack.rpcUrl).origin]));
    } finally {
      fetched.mockRestore();
    }
  });

  it("refuses a batch whose call reverts, as a whole", async () => {
    const { nonce } = await readSafeState(target);
    const notOwned = { to: t.stack.deployments.contracts.CareToken, value: 0n, data: encodeFunctionData({ abi: careTokenAbi, functionName: "transferOwnership", args: ["0x0000000000000000000000000000000000000000"] }) };
    await expect(exec(DEV_KEYS.adminOwners.slice(0, 2), [mintCall("1"), notOwned])).rejects.toThrow(/a call in it failed \(GS013\)/);
    expect((await readSafeState(target)).nonce).toBe(nonce);
  });
});
