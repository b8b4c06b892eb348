/**
 * Chain benchmark: stack start-up (cold, then warm on the same data), sponsored user-operation latency from send to
 * receipt, gas per kind of operation, and audit anchoring gas per event at several batch sizes.
 * Prints a table and writes bench/chain.json.   Run: node_modules/.bin/tsx scripts/bench-chain.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createWalletClient, encodeFunctionData, http, keccak256, parseEther, toHex, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { auditAnchorAbi, careTokenAbi, consentRegistryAbi } from "@/lib/chain/abi/index.ts";
import { auditLeaf, merkleProof, merkleRoot } from "@/lib/chain/audit-merkle.ts";
import { sendSponsoredCalls, waitForReceipt, type Call } from "@/lib/chain/send.ts";
import { toPatientSafe, type PatientSafe } from "@/lib/chain/smart-account.ts";
import { newOwnerKey, startTestStack, type TestStack } from "@/lib/chain/test-stack.ts";
import { execAdminCalls } from "@/lib/chain/admin-safe.ts";
import { ADMIN_THRESHOLD, DEV_KEYS } from "@/scripts/services/chain.ts";
import { ensureContractsBuilt } from "@/scripts/services/chain/app-contracts.ts";

const LATENCY_OPS = 30;
const BATCH_SIZES = [1, 100, 1_000];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function sponsored(t: TestStack, safe: PatientSafe, call: Call) {
  const started = performance.now();
  const hash = await sendSponsoredCalls(t.clients.bundlerClient, safe, [call], t.sponsor());
  const outcome = await waitForReceipt(t.clients.bundlerClient, hash);
  if (!outcome.success) throw new Error(`operation failed: ${outcome.reason}`);
  return { ms: performance.now() - started, gas: outcome.gasUsed };
}

async function main() {
  // Build first if needed, so the cold figure is deployment only.
  ensureContractsBuilt(console.log);
  const cold = await startTestStack();
  await cold.stop({ keepData: true });
  const t = await startTestStack({ dataDir: cold.dataDir });
  try {
    const { deployments } = t.stack;
    const consent = deployments.contracts.ConsentRegistry;
    const token = deployments.contracts.CareToken;
    const anchor = deployments.contracts.AuditAnchor;
    const { publicClient } = t.clients;
    const scope = keccak256(toHex("medications"));
    const expiry = BigInt(Math.floor(Date.now() / 1000) + 86_400);
    const grantTo = (grantee: Address): Call => ({
      to: consent,
      data: encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [grantee, scope, expiry] }),
    });
    const grantee = (i: number) => `0x${(i + 1).toString(16).padStart(40, "0")}` as Address;

    const safe = await toPatientSafe(publicClient, newOwnerKey());
    const firstOp = await sponsored(t, safe, grantTo(grantee(0)));
    const grant = await sponsored(t, safe, grantTo(grantee(1)));
    const revoke = await sponsored(t, safe, {
      to: consent,
      data: encodeFunctionData({ abi: consentRegistryAbi, functionName: "revoke", args: [grantee(1), scope] }),
    });

    const transport = http(t.stack.rpcUrl);
    await execAdminCalls({
      client: publicClient,
      relayer: createWalletClient({ chain: t.clients.chain, transport, account: privateKeyToAccount(DEV_KEYS.deployer) }),
      safe: deployments.admin,
      deployment: deployments,
      ownerKeys: DEV_KEYS.adminOwners.slice(0, ADMIN_THRESHOLD),
      calls: [{ to: token, value: 0n, data: encodeFunctionData({ abi: careTokenAbi, functionName: "mint", args: [safe.address, parseEther("100")] }) }],
    });
    const transfer = await sponsored(t, safe, {
      to: token,
      data: encodeFunctionData({ abi: careTokenAbi, functionName: "transfer", args: [grantee(2), parseEther("1")] }),
    });

    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_OPS; i++) latencies.push((await sponsored(t, safe, grantTo(grantee(10 + i)))).ms);
    latencies.sort((a, b) => a - b);

    // Audit anchoring is a plain transaction from the operator (it holds ANCHORER_ROLE): one root per batch.
    const operator = createWalletClient({ chain: t.clients.chain, transport, account: privateKeyToAccount(DEV_KEYS.operator) });
    let nextSeq = (await publicClient.readContract({ address: anchor, abi: auditAnchorAbi, functionName: "lastSequence" })) + 1n;
    const anchoring = [];
    // The very first anchor also initialises the contract's head slot (+~17k gas once): measure the steady state.
    for (const size of [1, ...BATCH_SIZES]) {
      const leaves = Array.from({ length: size }, (_, i) => auditLeaf(nextSeq + BigInt(i), keccak256(toHex(`audit event ${nextSeq + BigInt(i)}`))));
      const root = merkleRoot(leaves);
      const hash = await operator.writeContract({
        address: anchor,
        abi: auditAnchorAbi,
        functionName: "anchor",
        args: [root, BigInt(size), nextSeq, nextSeq + BigInt(size) - 1n],
      });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      const batch = await publicClient.readContract({ address: anchor, abi: auditAnchorAbi, functionName: "batchCount" });
      const last = size - 1;
      const proven = await publicClient.readContract({
        address: anchor,
        abi: auditAnchorAbi,
        functionName: "verify",
        args: [BigInt(batch), leaves[last]!, merkleProof(leaves, last)],
      });
      if (!proven) throw new Error(`the proof of the last event of the ${size}-event batch does not verify`);
      if (batch > 1n) anchoring.push({ events: size, gas: Number(receipt.gasUsed), gasPerEvent: round(Number(receipt.gasUsed) / size) });
      nextSeq += BigInt(size);
    }

    const result = {
      measuredAt: new Date().toISOString(),
      // Latency is sensitive to whatever else runs on the machine: the 1-minute load average puts it in context.
      machine: { cpus: cpus().length, node: process.version, loadAverage1m: round(loadavg()[0]!) },
      stackReadyMs: { cold: cold.stack.readyMs, warm: t.stack.readyMs },
      userOperationLatencyMs: { ops: LATENCY_OPS, p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(latencies.at(-1)!) },
      gas: {
        firstOperationDeploysSafe: Number(firstOp.gas),
        consentGrant: Number(grant.gas),
        consentRevoke: Number(revoke.gas),
        tokenTransfer: Number(transfer.gas),
      },
      auditAnchoring: anchoring,
    };
    printTable(result);
    mkdirSync("bench", { recursive: true });
    writeFileSync("bench/chain.json", `${JSON.stringify(result, null, 2)}\n`);
    console.log("\nwrote bench/chain.json");
  } finally {
    await t.stop();
  }
}

function printTable(r: {
  stackReadyMs: { cold: number; warm: number };
  userOperationLatencyMs: { ops: number; p50: number; p95: number; max: number };
  gas: Record<string, number>;
  auditAnchoring: { events: number; gas: number; gasPerEvent: number }[];
}) {
  const rows: [string, string][] = [
    ["stack ready, cold (deploys everything)", `${r.stackReadyMs.cold} ms`],
    ["stack ready, warm (saved state)", `${r.stackReadyMs.warm} ms`],
    [`user op send→receipt p50 (${r.userOperationLatencyMs.ops} ops)`, `${r.userOperationLatencyMs.p50} ms`],
    ["user op send→receipt p95", `${r.userOperationLatencyMs.p95} ms`],
    ...Object.entries(r.gas).map(([k, v]): [string, string] => [`gas: ${k}`, v.toLocaleString("en")]),
    ...r.auditAnchoring.map((a): [string, string] => [
      `gas: audit anchor, batch of ${a.events.toLocaleString("en")}`,
      `${a.gas.toLocaleString("en")} (${a.gasPerEvent.toLocaleString("en")} per event)`,
    ]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

await main();
