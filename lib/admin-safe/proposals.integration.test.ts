import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatEther, keccak256, toBytes } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { operatorChainFrom, type OperatorChain } from "@/lib/audit/anchor-chain";
import { accessRegistryAbi, careTokenAbi } from "@/lib/chain/abi";
import { AdminSafeError, buildSafeTx, execSafeTx, readSafeState, type SafeTarget } from "@/lib/chain/admin-safe";
import { startTestStack, type TestStack } from "@/lib/chain/test-stack";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEV_KEYS } from "@/scripts/services/chain";
import { createActor } from "@/test/factories";
import { enrollAdminOwner } from "./owner-keys";
import { confirmProposal, getAdminSafeOverview, proposeChange, withdrawProposal } from "./proposals";

const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("admin Safe proposals (2 of 3)", { timeout: 60_000 }, () => {
  let t: TestStack;
  let chain: OperatorChain;
  let target: SafeTarget;
  let admins: Awaited<ReturnType<typeof createActor>>[];

  beforeAll(async () => {
    t = await startTestStack();
    chain = operatorChainFrom({ publicClient: t.clients.publicClient, deployments: t.stack.deployments, operatorKey: DEV_KEYS.operator, rpcUrl: t.stack.rpcUrl });
    target = { client: chain.publicClient, safe: chain.deployments.admin, deployment: chain.deployments };
    admins = [await createActor("ADMIN"), await createActor("ADMIN"), await createActor("ADMIN")];
    await db().$transaction(async (tx) => {
      for (const [i, admin] of admins.entries()) await enrollAdminOwner(tx, admin.userId, DEV_KEYS.adminOwners[i]!);
    });
  }, 180_000);
  afterAll(() => t?.stop());

  const paused = () => t.clients.publicClient.readContract({ address: chain.deployments.contracts.CareToken, abi: careTokenAbi, functionName: "paused" });

  it("runs a change only after a second administrator confirms it; one signature is refused by the Safe", async () => {
    const [a, b] = admins;
    const proposed = await proposeChange(a!, { kind: "pause-token" }, chain);
    expect(proposed.status).toBe("PENDING");
    expect(await paused()).toBe(false);

    // The proposer cannot confirm their own proposal, and one signature alone does not move the Safe.
    expect(await codeOf(confirmProposal(a!, { proposalId: proposed.id }, chain))).toBe("CONFLICT");
    const row = await db().adminProposal.findUniqueOrThrow({ where: { id: proposed.id }, include: { signatures: true } });
    expect(row.signatures).toHaveLength(1);
    const relayer = chain.operator!;
    const call = { to: row.to as `0x${string}`, value: 0n, data: row.data as `0x${string}` };
    expect(row.safeTxHash).toBe((await buildSafeTx(target, [call], row.nonce)).hash);
    await expect(execSafeTx({ ...target, relayer, calls: [call], nonce: row.nonce, signatures: row.signatures })).rejects.toBeInstanceOf(AdminSafeError);
    // A second open proposal would take the same nonce: refused while this one waits.
    expect(await codeOf(proposeChange(b!, { kind: "unpause-token" }, chain))).toBe("CONFLICT");

    const before = (await readSafeState(target)).nonce;
    expect(await confirmProposal(b!, { proposalId: proposed.id }, chain)).toEqual({ status: "EXECUTED" });
    expect(await paused()).toBe(true);
    expect((await readSafeState(target)).nonce).toBe(before + 1n);
    const executed = await db().adminProposal.findUniqueOrThrow({ where: { id: proposed.id } });
    expect(executed).toMatchObject({ status: "EXECUTED", txHash: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    const receipt = await t.clients.publicClient.getTransactionReceipt({ hash: executed.txHash as `0x${string}` });
    expect(receipt.status).toBe("success");
    expect(await codeOf(confirmProposal(admins[2]!, { proposalId: proposed.id }, chain))).toBe("CONFLICT");
  });

  it("verifies a doctor's and a pharmacist's wallets and mints CARE to a patient, each with two of the three owners", async () => {
    const [a, b, c] = admins;
    const doctor = await createActor("DOCTOR");
    const patient = await createActor("PATIENT");
    const unpause = await proposeChange(c!, { kind: "unpause-token" }, chain);
    await confirmProposal(a!, { proposalId: unpause.id }, chain);
    expect(await paused()).toBe(false);

    const verify = await proposeChange(b!, { kind: "verify-clinician", doctorId: doctor.userId }, chain);
    expect(await confirmProposal(c!, { proposalId: verify.id }, chain)).toEqual({ status: "EXECUTED" });
    const doctorWallet = await db().wallet.findUniqueOrThrow({ where: { userId: doctor.userId } });
    expect(await t.clients.publicClient.readContract({ address: chain.deployments.contracts.AccessRegistry, abi: accessRegistryAbi, functionName: "hasRole", args: [keccak256(toBytes("CLINICIAN")), doctorWallet.address as `0x${string}`] })).toBe(true);

    const pharmacist = await createActor("PHARMACIST");
    const pharmacy = await proposeChange(a!, { kind: "verify-pharmacy", pharmacistId: pharmacist.userId }, chain);
    expect(await confirmProposal(c!, { proposalId: pharmacy.id }, chain)).toEqual({ status: "EXECUTED" });
    const pharmacistWallet = await db().wallet.findUniqueOrThrow({ where: { userId: pharmacist.userId } });
    expect(await t.clients.publicClient.readContract({ address: chain.deployments.contracts.AccessRegistry, abi: accessRegistryAbi, functionName: "isPharmacy", args: [pharmacistWallet.address as `0x${string}`] })).toBe(true);
    expect(await codeOf(proposeChange(a!, { kind: "verify-pharmacy", pharmacistId: doctor.userId }, chain))).toBe("VALIDATION");

    const mint = await proposeChange(a!, { kind: "mint-care", userId: patient.userId, amount: "12.5" }, chain);
    await confirmProposal(b!, { proposalId: mint.id }, chain);
    const patientWallet = await db().wallet.findUniqueOrThrow({ where: { userId: patient.userId } });
    const balance = await t.clients.publicClient.readContract({ address: chain.deployments.contracts.CareToken, abi: careTokenAbi, functionName: "balanceOf", args: [patientWallet.address as `0x${string}`] });
    expect(formatEther(balance)).toBe("12.5");

    const overview = await getAdminSafeOverview(a!, chain);
    expect(overview).toMatchObject({ threshold: 2, safe: chain.deployments.admin });
    expect(overview.owners).toHaveLength(3);
    expect(overview.proposals.find((p) => p.id === mint.id)).toMatchObject({ status: "EXECUTED", signers: [expect.anything(), expect.anything()] });
  });

  it("withdraws an open proposal; refuses administrators without an owner key and other roles", async () => {
    const [a, b] = admins;
    const open = await proposeChange(a!, { kind: "pause-token" }, chain);
    // A sealed key that is not one of the Safe's owners cannot sign for it.
    const outsider = await createActor("ADMIN");
    await db().$transaction((tx) => enrollAdminOwner(tx, outsider.userId, generatePrivateKey()));
    expect(await codeOf(confirmProposal(outsider, { proposalId: open.id }, chain))).toBe("FORBIDDEN");
    await withdrawProposal(b!, { proposalId: open.id });
    expect(await codeOf(confirmProposal(b!, { proposalId: open.id }, chain))).toBe("CONFLICT");
    expect(await paused()).toBe(false);
    expect(await codeOf(proposeChange(await createActor("ADMIN"), { kind: "pause-token" }, chain))).toBe("FORBIDDEN");
    expect(await codeOf(proposeChange(await createActor("DOCTOR"), { kind: "pause-token" }, chain))).toBe("FORBIDDEN");
    expect(await codeOf(proposeChange(null, { kind: "pause-token" }, chain))).toBe("UNAUTHENTICATED");
  });

  it("lets exactly one of two administrators racing to propose win", async () => {
    const [a, b] = admins;
    const results = await Promise.all([codeOf(proposeChange(a!, { kind: "pause-token" }, chain)), codeOf(proposeChange(b!, { kind: "pause-token" }, chain))]);
    expect(results.sort()).toEqual(["CONFLICT", "allowed"]);
    const open = await db().adminProposal.findFirstOrThrow({ where: { status: "PENDING", safeAddress: chain.deployments.admin } });
    await withdrawProposal(a!, { proposalId: open.id });
  });
});
