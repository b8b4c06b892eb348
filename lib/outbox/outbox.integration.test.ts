import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { custom, encodeFunctionData, keccak256, toHex, type Address } from "viem";
import { createPaymasterClient, entryPoint07Abi, entryPoint07Address } from "viem/account-abstraction";
import { consentRegistryAbi } from "@/lib/chain/abi";
import { SponsorshipRefusedError } from "@/lib/chain/paymaster";
import { handlePaymasterRpc } from "@/lib/chain/paymaster-rpc";
import { sendSponsoredCalls, waitForReceipt } from "@/lib/chain/send";
import { toPatientSafe } from "@/lib/chain/smart-account";
import { startTestStack, type TestStack } from "@/lib/chain/test-stack";
import { db } from "@/lib/db";
import { indexSponsoredOperations } from "@/lib/sponsorship/index-sponsored-operations";
import { appPaymaster } from "@/lib/sponsorship/paymaster";
import { appSponsorshipPolicy } from "@/lib/sponsorship/policy";
import { sponsorUserOperation } from "@/lib/sponsorship/sponsor-user-operation";
import { walletOwnerKey } from "@/lib/wallets/ensure-wallet";
import { DEV_KEYS } from "@/scripts/services/chain.ts";
import { startAlto, type OwnedProcess } from "@/scripts/services/chain/processes.ts";
import { readPidFile, stopPid } from "@/scripts/services/process.ts";
import { createActor } from "@/test/factories";
import { freePort } from "@/test/ports";
import { deliverDueOps, type DeliveryDeps } from "./deliver";
import { enqueueOnchainOp } from "./enqueue";
import { nonceOf } from "./nonce";

/**
 * The on-chain outbox against a real local stack (anvil, alto, HealthPaymaster) and the real database: wallets of
 * users with 0 ETH, sponsorship refusals, and exactly-once delivery across a bundler stop, a bundler killed in the
 * middle of a send, and a worker that dies after sending.
 */

const scope = keccak256(toHex("outbox-test"));
const expiry = () => BigInt(Math.floor(Date.now() / 1000) + 3600);
let granteeCounter = 0;
const nextGrantee = (): Address => `0x${(0xbeef0000 + ++granteeCounter).toString(16).padStart(40, "0")}`;

describe("the on-chain outbox", { timeout: 120_000 }, () => {
  let t: TestStack;
  let consent: Address;
  let restartedAlto: OwnedProcess | undefined;

  const deps = (over: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
    db: db(),
    publicClient: t.clients.publicClient,
    bundlerClient: t.clients.bundlerClient,
    deployments: t.stack.deployments,
    paymaster: t.sponsor(appSponsorshipPolicy(t.stack.deployments) as Parameters<TestStack["sponsor"]>[0]),
    workerId: "worker-1",
    backoff: () => 0,
    // A freshly restarted bundler can take a while to bundle on a loaded machine; a timeout here would read as "retrying".
    receiptTimeoutMs: 30_000,
    log: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
    ...over,
  });

  const grantCall = (grantee: Address) => ({
    to: consent,
    data: encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [grantee, scope, expiry()] }),
  });

  async function enqueueGrant(userId: string, grantee = nextGrantee(), to?: Address) {
    const call = to ? { to, data: "0x12345678" as const } : grantCall(grantee);
    return db().$transaction((tx) => enqueueOnchainOp(tx, { userId, kind: "consent.grant", calls: [call], refType: "Test", refId: grantee }));
  }

  /** How many times the EntryPoint executed the op (its UserOperationEvents with the op's sender and nonce). */
  async function executions(opId: string): Promise<number> {
    const op = await db().onchainOp.findUniqueOrThrow({ where: { id: opId } });
    const events = await t.clients.publicClient.getContractEvents({
      address: entryPoint07Address,
      abi: entryPoint07Abi,
      eventName: "UserOperationEvent",
      args: { sender: op.sender as Address },
      fromBlock: 0n,
      strict: true,
    });
    return events.filter((e) => e.args.nonce === nonceOf(BigInt(op.nonceKey))).length;
  }

  const altoPidFile = () => `${t.dataDir}/alto.pid`;
  async function stopBundler(signal: NodeJS.Signals = "SIGTERM") {
    if (restartedAlto) {
      await (signal === "SIGKILL" ? stopPid(restartedAlto.child.pid!, 0, "SIGKILL") : restartedAlto.stop());
      restartedAlto = undefined;
      return;
    }
    const pid = readPidFile(altoPidFile());
    if (!pid) throw new Error("alto is not running");
    await stopPid(pid, signal === "SIGKILL" ? 0 : 10_000, signal);
  }
  async function startBundler() {
    restartedAlto = await startAlto({
      port: Number(new URL(t.stack.bundlerUrl).port),
      rpcUrl: t.stack.rpcUrl,
      entryPoint: entryPoint07Address,
      executorKey: DEV_KEYS.bundlerExecutor,
      utilityKey: DEV_KEYS.bundlerUtility,
      pidFile: altoPidFile(),
    });
  }

  beforeAll(async () => {
    t = await startTestStack();
    consent = t.stack.deployments.contracts.ConsentRegistry;
    // For the ERC-7677 service as the route handler runs it (it reads these on first use).
    Object.assign(process.env, { PAYMASTER_SIGNER_KEY: DEV_KEYS.paymasterSigner, DEPLOYMENTS_FILE: t.stack.deploymentsFile, PAYMASTER_MODE: "local" });
    // The database is shared by the run's test files: ops other files left unfinished (for chains that are gone) must
    // not be claimed by this file's deliveries, which expect to see only their own.
    await db().onchainOp.updateMany({ where: { status: { in: ["QUEUED", "SENT"] } }, data: { nextAttemptAt: new Date("2999-01-01T00:00:00Z") } });
  }, 120_000);
  afterAll(async () => {
    await restartedAlto?.stop();
    await t?.stop();
  });

  it("gives a new user with 0 ETH a wallet; an op through the outbox is confirmed and deploys the Safe", async () => {
    const user = await createActor("PATIENT");
    const grantee = nextGrantee();
    const { id, sender } = await enqueueGrant(user.userId, grantee);
    const { publicClient } = t.clients;

    // The stored counterfactual address is the Safe the owner key controls, as the chain computes it.
    const safe = await toPatientSafe(publicClient, await walletOwnerKey(db(), user.userId));
    expect(safe.address).toBe(sender);
    expect(await publicClient.getBalance({ address: sender })).toBe(0n);
    expect(await publicClient.getCode({ address: sender })).toBeUndefined();
    expect((await db().onchainOp.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");

    expect(await deliverDueOps(deps())).toMatchObject({ confirmed: 1, failed: 0, retrying: 0 });

    const op = await db().onchainOp.findUniqueOrThrow({ where: { id } });
    expect(op).toMatchObject({ status: "CONFIRMED", attempts: 1, error: null, leaseOwner: null });
    expect(op.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(op.gasUsed).toBeGreaterThan(300_000n); // the first op deploys the Safe
    expect(await publicClient.getCode({ address: sender })).not.toBeUndefined();
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: user.userId } })).deployedAt).not.toBeNull();
    expect(await publicClient.readContract({ address: consent, abi: consentRegistryAbi, functionName: "isAllowed", args: [sender, grantee, scope] })).toBe(true);
    expect(await publicClient.getBalance({ address: sender })).toBe(0n);
    const spend = await db().sponsorshipSpend.findFirstOrThrow({ where: { userId: user.userId } });
    expect(spend).toMatchObject({ gasUsed: op.gasUsed, ops: 1 });
    expect(await executions(id)).toBe(1);
    expect(await deliverDueOps(deps())).toMatchObject({ confirmed: 0, failed: 0, retrying: 0 });
  });

  it("writes the op in the caller's transaction: rolled back with it", async () => {
    const user = await createActor("PATIENT");
    await expect(
      db().$transaction(async (tx) => {
        await enqueueOnchainOp(tx, { userId: user.userId, kind: "consent.grant", calls: [grantCall(nextGrantee())] });
        throw new Error("the data change failed");
      }),
    ).rejects.toThrow("the data change failed");
    expect(await db().onchainOp.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("refuses to sponsor a call to a foreign contract, with the reason on the op", async () => {
    const user = await createActor("PATIENT");
    const foreign: Address = "0x1234567890123456789012345678901234567890";
    const { id } = await enqueueGrant(user.userId, undefined, foreign);
    expect(await deliverDueOps(deps())).toMatchObject({ failed: 1 });
    const op = await db().onchainOp.findUniqueOrThrow({ where: { id } });
    expect(op.status).toBe("FAILED");
    expect(op.error).toBe(`sponsorship refused: calls to ${foreign} are not sponsored`);
    expect(op.txHash).toBeNull();
    expect(await executions(id)).toBe(0);
  });

  it("refuses another user's Safe and an exhausted daily budget, with reasons; an over-budget op waits for tomorrow", async () => {
    const { bundlerClient, publicClient } = t.clients;
    const owner = await createActor("PATIENT");
    const other = await createActor("PATIENT");
    await enqueueGrant(owner.userId); // makes the wallet
    await db().$transaction((tx) => enqueueOnchainOp(tx, { userId: other.userId, kind: "consent.grant", calls: [grantCall(nextGrantee())] }));
    await db().onchainOp.deleteMany({ where: { userId: { in: [owner.userId, other.userId] } } });
    const safe = await toPatientSafe(publicClient, await walletOwnerKey(db(), owner.userId));
    const signer = deps().paymaster;

    await expect(sendSponsoredCalls(bundlerClient, safe, [grantCall(nextGrantee())], signer, { userId: other.userId })).rejects.toThrow(
      new SponsorshipRefusedError(`the sender ${safe.address} is not this user's wallet`),
    );

    await db().sponsorshipUserBudget.create({ data: { userId: owner.userId, dailyGas: 0n } });
    await expect(sendSponsoredCalls(bundlerClient, safe, [grantCall(nextGrantee())], signer, { userId: owner.userId })).rejects.toThrow(
      /sponsorship refused: daily gas budget used up \(0 of 0 gas today\)/,
    );

    const { id } = await enqueueGrant(owner.userId);
    const nextMidnight = () => new Date(new Date().setUTCHours(24, 0, 0, 0)).getTime();
    const midnights = [nextMidnight()]; // and the one after, should the run cross midnight
    expect(await deliverDueOps(deps())).toMatchObject({ deferred: 1 });
    midnights.push(nextMidnight());
    const op = await db().onchainOp.findUniqueOrThrow({ where: { id } });
    expect(op.status).toBe("QUEUED");
    expect(op.error).toMatch(/daily gas budget used up/);
    expect(midnights).toContain(op.nextAttemptAt.getTime());
    expect(await executions(id)).toBe(0);
    await db().onchainOp.deleteMany({ where: { id } });
  });

  it("never lets two workers take the same op", async () => {
    const user = await createActor("PATIENT");
    const { id } = await enqueueGrant(user.userId);
    const [a, b] = await Promise.all([deliverDueOps(deps({ workerId: "worker-a" })), deliverDueOps(deps({ workerId: "worker-b" }))]);
    expect(a.confirmed + b.confirmed).toBe(1);
    expect((await db().onchainOp.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);
    expect(await executions(id)).toBe(1);
  });

  it("keeps ops queued while the bundler is down (the portal keeps enqueueing), then delivers each exactly once", async () => {
    const [u1, u2] = [await createActor("PATIENT"), await createActor("PATIENT")];
    const first = await enqueueGrant(u1.userId);
    await stopBundler();
    try {
      expect(await deliverDueOps(deps({ backoff: () => 60_000 }))).toMatchObject({ retrying: 1, confirmed: 0 });
      const waiting = await db().onchainOp.findUniqueOrThrow({ where: { id: first.id } });
      expect(waiting).toMatchObject({ status: "QUEUED", attempts: 1, leaseOwner: null });
      expect(waiting.error).toMatch(/HTTP request failed|fetch failed/i);
      expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
      // Not due yet: the backoff holds it.
      expect(await deliverDueOps(deps())).toMatchObject({ retrying: 0, confirmed: 0 });
      const second = await enqueueGrant(u2.userId);
      expect((await db().onchainOp.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("QUEUED");
    } finally {
      await startBundler();
    }
    await db().onchainOp.updateMany({ where: { userId: { in: [u1.userId, u2.userId] } }, data: { nextAttemptAt: new Date() } });
    expect(await deliverDueOps(deps())).toMatchObject({ confirmed: 2 });
    const ops = await db().onchainOp.findMany({ where: { userId: { in: [u1.userId, u2.userId] } } });
    expect(ops.map((o) => o.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    for (const op of ops) expect(await executions(op.id)).toBe(1);
    expect(await deliverDueOps(deps())).toMatchObject({ confirmed: 0 });
  });

  it("delivers exactly once when the bundler is killed in the middle of a send and restarted", async () => {
    const user = await createActor("PATIENT");
    const { id } = await enqueueGrant(user.userId);
    const result = await deliverDueOps(deps({ afterSend: () => stopBundler("SIGKILL") }));
    expect(result).toMatchObject({ retrying: 1 });
    const sent = await db().onchainOp.findUniqueOrThrow({ where: { id } });
    expect(sent.status).toBe("SENT");
    expect(sent.userOpHash).toMatch(/^0x[0-9a-f]{64}$/);

    await startBundler();
    expect(await deliverDueOps(deps())).toMatchObject({ confirmed: 1 });
    expect((await db().onchainOp.findUniqueOrThrow({ where: { id } })).status).toBe("CONFIRMED");
    expect(await executions(id)).toBe(1);
    expect(await db().onchainOp.count({ where: { userId: user.userId, status: "CONFIRMED" } })).toBe(1);
  });

  it("detects an op a dead worker sent but never recorded, and records it without sending it again", async () => {
    const user = await createActor("PATIENT");
    const { id } = await enqueueGrant(user.userId);
    // Worker 1 sends, then hangs forever before recording anything more (as if killed); its lease runs out.
    let sentHash: string | undefined;
    void deliverDueOps(deps({ workerId: "dying-worker", leaseMs: 1_500, afterSend: async ({ userOpHash }) => {
      sentHash = userOpHash;
      await new Promise(() => {});
    } }));
    const deadline = Date.now() + 20_000;
    while ((await executions(id)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await executions(id)).toBe(1);
    await new Promise((r) => setTimeout(r, 1_600));

    let sends = 0;
    const { bundlerClient } = t.clients;
    const counting = {
      ...bundlerClient,
      request: ((args: { method: string }, opts?: unknown) => {
        if (args.method === "eth_sendUserOperation") sends += 1;
        return (bundlerClient.request as (a: unknown, o?: unknown) => Promise<unknown>)(args, opts);
      }) as typeof bundlerClient.request,
    };
    expect(await deliverDueOps(deps({ workerId: "worker-2", bundlerClient: counting }))).toMatchObject({ confirmed: 1 });
    expect(sends).toBe(0);
    const op = await db().onchainOp.findUniqueOrThrow({ where: { id } });
    expect(op).toMatchObject({ status: "CONFIRMED", attempts: 2, userOpHash: sentHash });
    expect(await executions(id)).toBe(1);
  });

  it("sponsors over ERC-7677 JSON-RPC for the session's own Safe only, and counts such operations once from the chain", async () => {
    const { bundlerClient, publicClient } = t.clients;
    const user = await createActor("PATIENT");
    const stranger = await createActor("DOCTOR");
    const { id } = await enqueueGrant(user.userId);
    expect(await deliverDueOps(deps())).toMatchObject({ confirmed: 1 });
    const viaOutbox = await db().onchainOp.findUniqueOrThrow({ where: { id } });
    const safe = await toPatientSafe(publicClient, await walletOwnerKey(db(), user.userId));

    // POST /api/paymaster as its route handler runs it, for a given session.
    const rpcAs = (actor: typeof user) =>
      createPaymasterClient({
        transport: custom({
          async request({ method, params }) {
            const response = await sponsorUserOperation(actor, { jsonrpc: "2.0", id: 1, method, params });
            if ("error" in response) throw new Error(response.error.message);
            return response.result;
          },
        }),
      });
    // Over JSON-RPC the refusal arrives as the service's error message, with the reason.
    const refused = (await sendSponsoredCalls(bundlerClient, safe, [grantCall(nextGrantee())], rpcAs(stranger)).catch((e: unknown) => e)) as Error;
    expect(String(refused.cause)).toMatch(new RegExp(`sponsorship refused: the sender ${safe.address} is not this user's wallet`));
    const hash = await sendSponsoredCalls(bundlerClient, safe, [grantCall(nextGrantee())], rpcAs(user));
    const direct = await waitForReceipt(bundlerClient, hash);
    expect(direct.success).toBe(true);

    // Only the outbox's op is counted so far; the indexer adds the direct one, once.
    expect(await db().sponsorshipSpend.findFirstOrThrow({ where: { userId: user.userId } })).toMatchObject({ gasUsed: viaOutbox.gasUsed, ops: 1 });
    const index = () => indexSponsoredOperations({ db: db(), publicClient, deployments: t.stack.deployments, maxBlocks: 10_000n });
    while (!(await index()).caughtUp);
    expect(await db().sponsorshipSpend.findFirstOrThrow({ where: { userId: user.userId } })).toMatchObject({ gasUsed: viaOutbox.gasUsed! + direct.gasUsed, ops: 2 });
    expect(await index()).toMatchObject({ counted: 0 });
    expect(await db().sponsoredOperation.count({ where: { userId: user.userId } })).toBe(2);
  });

  it("with PAYMASTER_MODE=external, the worker gets sponsorship from an ERC-7677 service over HTTP", async () => {
    // A separate ERC-7677 service on its own port, as a hosted paymaster would be: it signs for HealthPaymaster.
    const signer = t.sponsor(appSponsorshipPolicy(t.stack.deployments) as Parameters<TestStack["sponsor"]>[0]);
    const methods: string[] = [];
    const service = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", async () => {
        const request = JSON.parse(body) as { method: string; params: unknown[] };
        methods.push(request.method);
        const response = await handlePaymasterRpc(signer, request, request.params[3]);
        res.setHeader("content-type", "application/json").end(JSON.stringify(response));
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => service.listen(port, "127.0.0.1", resolve));
    try {
      const paymaster = appPaymaster(t.stack.deployments, { PAYMASTER_MODE: "external", PAYMASTER_URL: `http://127.0.0.1:${port}` });
      const user = await createActor("PATIENT");
      const { id } = await enqueueGrant(user.userId);
      expect(await deliverDueOps(deps({ paymaster }))).toMatchObject({ confirmed: 1 });
      expect(methods).toEqual(["pm_getPaymasterStubData", "pm_getPaymasterData"]);
      expect(await executions(id)).toBe(1);
      // A hosted service's refusal may be passing (a quota), so the op waits and retries; it keeps the service's words.
      const foreign: Address = "0x000000000000000000000000000000000000dEaD";
      const { id: refusedId } = await enqueueGrant(user.userId, nextGrantee(), foreign);
      expect(await deliverDueOps(deps({ paymaster, backoff: () => 60_000 }))).toMatchObject({ retrying: 1, confirmed: 0 });
      const refused = await db().onchainOp.findUniqueOrThrow({ where: { id: refusedId } });
      expect(refused).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(refused.error).toContain(`sponsorship refused: calls to ${foreign} are not sponsored`);
      expect(await executions(refusedId)).toBe(0);
      await db().onchainOp.deleteMany({ where: { id: refusedId } });
    } finally {
      await new Promise((resolve) => service.close(resolve));
    }
  });
});
