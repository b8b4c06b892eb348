import { createWalletClient, encodeFunctionData, http, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { buildProposalCall } from "@/lib/admin-safe/calls";
import { prescriptionRegistryAbi } from "@/lib/chain/abi";
import { execAdminCalls } from "@/lib/chain/admin-safe";
import { sendSponsoredCalls, waitForReceipt } from "@/lib/chain/send";
import { toPatientSafe } from "@/lib/chain/smart-account";
import { startTestStack, type TestStack } from "@/lib/chain/test-stack";
import { db } from "@/lib/db";
import { deliverDueOps, type DeliveryDeps, type DeliveryResult } from "@/lib/outbox/deliver";
import { appSponsorshipPolicy } from "@/lib/sponsorship/policy";
import { ensureWallet, walletOwnerKey } from "@/lib/wallets/ensure-wallet";
import { DEV_KEYS } from "@/scripts/services/chain";
import type { DispensingChain } from "../dispensing/dispense-prescription";
import { prescriptionRegistryReader } from "../dispensing/registry-reader";
import { prescribed } from "./dispensing-fixtures";

/** A change of a staff member's verification on AccessRegistry, as an administrator proposes it. */
export type StaffChange =
  | { kind: "verify-clinician" | "unverify-clinician"; doctorId: string }
  | { kind: "verify-pharmacy" | "unverify-pharmacy"; pharmacistId: string };

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } };

/**
 * Dispensing against a real local chain (anvil, our contracts, alto, the paymaster; lib/chain/test-stack.ts): the
 * registry is read from it, outbox ops are delivered to it from the users' Safes, and staff are verified on
 * AccessRegistry by the 2-of-3 admin Safe with the calls the admin pages propose.
 */
export async function startDispensingChain() {
  const t: TestStack = await startTestStack();
  const { deployments } = t.stack;
  const { publicClient, bundlerClient } = t.clients;
  const relayer = createWalletClient({ chain: t.clients.chain, transport: http(t.stack.rpcUrl), account: privateKeyToAccount(DEV_KEYS.deployer) });
  const deps: DeliveryDeps = {
    db: db(),
    publicClient,
    bundlerClient,
    deployments,
    paymaster: t.sponsor(appSponsorshipPolicy(deployments) as Parameters<TestStack["sponsor"]>[0]),
    workerId: "dispensing-test",
    backoff: () => 0,
    receiptTimeoutMs: 10_000,
    log: quiet,
  };
  const chain: Required<DispensingChain> = { readRegistry: prescriptionRegistryReader({ publicClient, contracts: deployments.contracts }), deployment: deployments };

  /** Changes staff verifications in one admin Safe transaction (signed by two of the three owners). */
  async function admin(changes: StaffChange[]) {
    const calls = await db().$transaction(async (tx) => {
      const built = [];
      for (const change of changes) built.push((await buildProposalCall(tx, deployments, change)).call);
      return built;
    });
    // Both the Safe's MultiSendCallOnly and its deployment: execAdminCalls is moving to protocol-kit, which takes the latter.
    const target = { client: publicClient, relayer, safe: deployments.admin, deployment: deployments, multiSendCallOnly: deployments.safe.multiSendCallOnly, ownerKeys: DEV_KEYS.adminOwners.slice(0, 2), calls };
    await execAdminCalls(target);
  }

  return {
    t,
    deployments,
    /** What dispensing is given: the registry read from this chain, ops addressed to its contracts. */
    chain,
    admin,
    /** Delivers the outbox until nothing is due (a user's later op waits for the earlier one's receipt); the totals. */
    async deliverAll(): Promise<Record<DeliveryResult, number>> {
      const total: Record<DeliveryResult, number> = { confirmed: 0, failed: 0, retrying: 0, deferred: 0, "lease-lost": 0 };
      for (let i = 0; i < 10; i++) {
        const counts = await deliverDueOps(deps);
        if (Object.values(counts).every((n) => n === 0)) return total;
        for (const [k, n] of Object.entries(counts)) total[k as DeliveryResult] += n;
      }
      throw new Error("the outbox did not settle");
    },
    /** A signed prescription (see prescribed) for this chain; its doctor (unless `doctorVerified: false`) and pharmacist verified on chain. */
    async prescribe(opts: Omit<NonNullable<Parameters<typeof prescribed>[0]>, "chain"> & { doctorVerified?: boolean } = {}) {
      const made = await prescribed({ ...opts, chain: deployments });
      const changes: StaffChange[] = [{ kind: "verify-pharmacy", pharmacistId: made.pharmacist.userId }];
      if (opts.doctorVerified !== false) changes.push({ kind: "verify-clinician", doctorId: made.doctor.userId });
      await admin(changes);
      return made;
    },
    /** PrescriptionRegistry's entry for a hash, read straight from the contract. */
    async registryEntry(rxHash: string) {
      const [prescriber, expiresAt, fillsAllowed, fillsUsed, cancelled] = await publicClient.readContract({
        address: deployments.contracts.PrescriptionRegistry,
        abi: prescriptionRegistryAbi,
        functionName: "prescriptions",
        args: [rxHash as Hex],
      });
      return { prescriber, expiresAt, fillsAllowed, fillsUsed, cancelled };
    },
    /** The address of a user's Safe. */
    async walletOf(userId: string): Promise<Address> {
      return (await db().$transaction((tx) => ensureWallet(tx, userId))).address;
    },
    /**
     * A fill marked on chain by another pharmacy, outside this portal: PrescriptionRegistry.dispense sent straight
     * from that pharmacist's Safe (sponsored), not through the outbox.
     */
    async fillElsewhere(pharmacistId: string, rxHash: string) {
      const safe = await toPatientSafe(publicClient, await walletOwnerKey(db(), pharmacistId));
      const call = { to: deployments.contracts.PrescriptionRegistry, data: encodeFunctionData({ abi: prescriptionRegistryAbi, functionName: "dispense", args: [rxHash as Hex] }) };
      const outcome = await waitForReceipt(bundlerClient, await sendSponsoredCalls(bundlerClient, safe, [call], t.sponsor()), { timeoutMs: 10_000 });
      if (!outcome.success) throw new Error(`the fill elsewhere reverted: ${outcome.reason}`);
      return outcome;
    },
    stop: () => t.stop(),
  };
}

export type DispensingTestChain = Awaited<ReturnType<typeof startDispensingChain>>;
