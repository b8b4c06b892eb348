import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { authorizeClinicalAccess } from "@/lib/authz/policy";
import { consentRegistryAbi } from "@/lib/chain/abi";
import { sendSponsoredCalls, waitForReceipt } from "@/lib/chain/send";
import { toPatientSafe } from "@/lib/chain/smart-account";
import { startTestStack, type TestStack } from "@/lib/chain/test-stack";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deliverDueOps, type DeliveryDeps } from "@/lib/outbox/deliver";
import { appSponsorshipPolicy } from "@/lib/sponsorship/policy";
import { ensureWallet, walletOwnerKey } from "@/lib/wallets/ensure-wallet";
import { createActor } from "@/test/factories";
import { grantConsent } from "./grant-consent";
import { indexConsentEvents, type IndexerChain } from "./indexer";
import { listMyConsents } from "./list-consents";
import { grantCall, revokeCall } from "./registry";
import { revokeConsent } from "./revoke-consent";
import { scopeHash, type Scope } from "./scopes";

const access = (p: Promise<unknown>) => p.then(() => "allowed", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("consent end to end: portal, outbox, chain and indexer", { timeout: 120_000 }, () => {
  let t: TestStack;
  let indexer: IndexerChain;

  const deps = (): DeliveryDeps => ({
    db: db(),
    publicClient: t.clients.publicClient,
    bundlerClient: t.clients.bundlerClient,
    deployments: t.stack.deployments,
    paymaster: t.sponsor(appSponsorshipPolicy(t.stack.deployments) as Parameters<TestStack["sponsor"]>[0]),
    workerId: "consent-test",
    backoff: () => 0,
    receiptTimeoutMs: 10_000,
    log: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
  });
  /** Delivers until nothing is due (a user's later op waits for the earlier one's receipt). */
  const deliverAll = async () => {
    for (let i = 0; i < 10; i++) {
      const counts = await deliverDueOps(deps());
      if (Object.values(counts).every((n) => n === 0)) return;
    }
  };
  const registry = () => t.stack.deployments.contracts.ConsentRegistry;
  const walletOf = async (userId: string) => (await db().$transaction((tx) => ensureWallet(tx, userId))).address;
  const allowedOnChain = async (patientId: string, doctorId: string, scope: Scope) =>
    t.clients.publicClient.readContract({ address: registry(), abi: consentRegistryAbi, functionName: "isAllowed", args: [await walletOf(patientId), await walletOf(doctorId), scopeHash(scope)] });
  const patientOwnerKey = async (userId: string) => {
    await walletOf(userId);
    return walletOwnerKey(db(), userId);
  };
  const indexAll = async () => {
    while (await indexConsentEvents(indexer));
  };

  beforeAll(async () => {
    t = await startTestStack();
    indexer = { publicClient: t.clients.publicClient, chainId: t.stack.deployments.chainId, registry: registry(), startBlock: BigInt(t.stack.deployments.startBlock) };
  }, 180_000);
  afterAll(() => t?.stop());

  it("a patient with 0 ETH grants and revokes through the outbox; a revocation shuts the doctor out at once", async () => {
    const patient = await createActor("PATIENT");
    const doctor = await createActor("DOCTOR");
    const { consentId } = await grantConsent(patient, { granteeId: doctor.userId, scope: "medications", until: inDays(30) }, t.stack.deployments);
    expect((await listMyConsents(patient))[0]).toMatchObject({ id: consentId, chainStatus: "pending", txHash: null, scope: "medications" });
    // The patient has decided: the doctor is let in while the operation is on its way.
    expect(await authorizeClinicalAccess(doctor, patient.userId, "medications")).toEqual({ basis: "consent", consentId });
    expect(await access(authorizeClinicalAccess(doctor, patient.userId, "lab-results"))).toBe("FORBIDDEN");
    expect(await access(authorizeClinicalAccess(await createActor("DOCTOR"), patient.userId, "medications"))).toBe("FORBIDDEN");

    await deliverAll();
    const [granted] = await listMyConsents(patient);
    expect(granted).toMatchObject({ chainStatus: "confirmed", txHash: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    expect(await allowedOnChain(patient.userId, doctor.userId, "medications")).toBe(true);
    const patientSafe = await walletOf(patient.userId);
    expect(await t.clients.publicClient.getBalance({ address: patientSafe })).toBe(0n);

    await revokeConsent(patient, { consentId }, t.stack.deployments);
    // Denied at once, while the chain still says yes.
    expect(await access(authorizeClinicalAccess(doctor, patient.userId, "medications"))).toBe("FORBIDDEN");
    expect(await allowedOnChain(patient.userId, doctor.userId, "medications")).toBe(true);
    expect((await listMyConsents(patient))[0]).toMatchObject({ chainStatus: "pending", revokedAt: expect.any(Date) });

    await deliverAll();
    expect(await allowedOnChain(patient.userId, doctor.userId, "medications")).toBe(false);
    expect((await listMyConsents(patient))[0]).toMatchObject({ chainStatus: "confirmed", txHash: expect.stringMatching(/^0x/) });
    expect(await t.clients.publicClient.getBalance({ address: patientSafe })).toBe(0n);
    // The indexer sees both events later and changes nothing. It starts where the app contracts were deployed.
    expect(t.stack.deployments.startBlock).toBeGreaterThan(0);
    expect((await indexConsentEvents(indexer))?.fromBlock).toBe(BigInt(t.stack.deployments.startBlock));
    await indexAll();
    const row = await db().consent.findUniqueOrThrow({ where: { id: consentId } });
    expect(row).toMatchObject({ grantStatus: "CONFIRMED", revokeStatus: "CONFIRMED" });
    expect(await db().consent.count({ where: { patientId: patient.userId } })).toBe(1);
    expect(await access(revokeConsent(patient, { consentId }, t.stack.deployments))).toBe("CONFLICT");
    expect(await access(revokeConsent(await createActor("PATIENT"), { consentId }, t.stack.deployments))).toBe("NOT_FOUND");
  });

  it("a grant revoked before it reached the chain is never brought back by the indexer", async () => {
    const patient = await createActor("PATIENT");
    const doctor = await createActor("DOCTOR");
    const { consentId } = await grantConsent(patient, { granteeId: doctor.userId, scope: "ALL", until: inDays(7) }, t.stack.deployments);
    await revokeConsent(patient, { consentId }, t.stack.deployments);
    await deliverAll();
    await indexAll();
    expect(await db().consent.findUniqueOrThrow({ where: { id: consentId } })).toMatchObject({ grantStatus: "CONFIRMED", revokeStatus: "CONFIRMED", revokedAt: expect.any(Date) });
    expect(await db().consent.count({ where: { patientId: patient.userId, revokedAt: null } })).toBe(0);
    expect(await access(authorizeClinicalAccess(doctor, patient.userId, "imaging"))).toBe("FORBIDDEN");
    expect(await allowedOnChain(patient.userId, doctor.userId, "imaging")).toBe(false);
  });

  it("honours a grant made directly on chain, found by the indexer, and its revocation; measures the indexer", async () => {
    const patient = await createActor("PATIENT");
    const doctor = await createActor("DOCTOR");
    const doctorSafe = await walletOf(doctor.userId);
    await indexAll();
    const safe = await toPatientSafe(t.clients.publicClient, await patientOwnerKey(patient.userId));
    const send = async (call: { to: Address; data: `0x${string}` }) => {
      const receipt = await waitForReceipt(t.clients.bundlerClient, await sendSponsoredCalls(t.clients.bundlerClient, safe, [call], t.sponsor()));
      expect(receipt.success).toBe(true);
      return receipt;
    };
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + 86_400) * 1000);
    await send(grantCall(registry(), doctorSafe, "ALL", expiresAt));
    expect(await access(authorizeClinicalAccess(doctor, patient.userId, "allergies"))).toBe("FORBIDDEN");

    const started = performance.now();
    const result = await indexConsentEvents(indexer);
    const indexMs = performance.now() - started;
    expect(result).toMatchObject({ events: 1, applied: 1 });
    console.log(`consent indexer: one range with one event applied in ${indexMs.toFixed(0)} ms`);
    const [mirrored] = await listMyConsents(patient);
    expect(mirrored).toMatchObject({ source: "CHAIN", scope: "ALL", chainStatus: "confirmed", expiresAt });
    expect(await authorizeClinicalAccess(doctor, patient.userId, "allergies")).toMatchObject({ basis: "consent" });
    expect(await indexConsentEvents(indexer)).toBeNull();

    await send(revokeCall(registry(), doctorSafe, "ALL"));
    await indexAll();
    expect(await access(authorizeClinicalAccess(doctor, patient.userId, "allergies"))).toBe("FORBIDDEN");
    expect((await listMyConsents(patient))[0]).toMatchObject({ revokedAt: expect.any(Date), chainStatus: "confirmed" });
    const events = await db().auditEvent.findMany({ where: { patientId: patient.userId, resourceType: "Consent" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["grant", "revoke"]);
  });

  it("applies each block range once: a second indexer racing the first rolls back", async () => {
    const patient = await createActor("PATIENT");
    const doctor = await createActor("DOCTOR");
    await indexAll();
    const safe = await toPatientSafe(t.clients.publicClient, await patientOwnerKey(patient.userId));
    const call = grantCall(registry(), await walletOf(doctor.userId), "visits", new Date(Date.now() + 3_600_000));
    await waitForReceipt(t.clients.bundlerClient, await sendSponsoredCalls(t.clients.bundlerClient, safe, [call], t.sponsor()));
    const outcomes = await Promise.all([access(indexConsentEvents(indexer)), access(indexConsentEvents(indexer))]);
    expect(outcomes.filter((o) => o === "allowed").length).toBeGreaterThanOrEqual(1);
    await indexAll();
    expect(await db().consent.count({ where: { patientId: patient.userId } })).toBe(1);
  });

  it("refuses grants to non-doctors, in the past, and by other roles", async () => {
    const patient = await createActor("PATIENT");
    const doctor = await createActor("DOCTOR");
    const grant = (actor: Awaited<ReturnType<typeof createActor>> | null, over = {}) =>
      access(grantConsent(actor, { granteeId: doctor.userId, scope: "ALL", until: inDays(3), ...over }, t.stack.deployments));
    expect(await grant(patient, { granteeId: (await createActor("PHARMACIST")).userId })).toBe("VALIDATION");
    expect(await grant(patient, { until: inDays(-1) })).toMatch(/Choose a day from today on/);
    expect(await grant(doctor)).toBe("FORBIDDEN");
    expect(await grant(null)).toBe("UNAUTHENTICATED");
  });
});
