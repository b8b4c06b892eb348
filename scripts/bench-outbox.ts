/**
 * Outbox benchmark: how long a user waits between the change that enqueues an on-chain operation and its CONFIRMED
 * row, through the worker's delivery loop (claim, sponsor, send, receipt, record), on a local stack and a fresh
 * database. Two shapes: one user's ops in a row (each waits for the previous), and many users' ops at once.
 * Prints a table and writes bench/outbox.json.   Run: npm run bench:outbox
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { encodeFunctionData, keccak256, toHex, type Address } from "viem";
import { consentRegistryAbi } from "@/lib/chain/abi";
import { startTestStack } from "@/lib/chain/test-stack";
import { applyMigrations } from "./db/migrate.ts";
import { startEmbeddedPostgres } from "./services/postgres.ts";
import { freePort } from "../test/ports.ts";

const SEQUENTIAL_OPS = 10;
const CONCURRENT_USERS = 20;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n);

const dataDir = mkdtempSync(join(tmpdir(), "bench-outbox-"));
const pgServer = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "bench", log: () => {} });
await applyMigrations(pgServer.url);
Object.assign(process.env, { DATABASE_URL: pgServer.url, AUTH_SECRET: randomBytes(32).toString("base64"), MASTER_KEY: randomBytes(32).toString("base64"), LOG_LEVEL: "warn" });
// Imported after the environment is set: they read it on first use.
const { db } = await import("@/lib/db");
const { enqueueOnchainOp } = await import("@/lib/outbox/enqueue");
const { deliverDueOps } = await import("@/lib/outbox/deliver");
const { appSponsorshipPolicy } = await import("@/lib/sponsorship/policy");

const t = await startTestStack();
try {
  const consent = t.stack.deployments.contracts.ConsentRegistry;
  const scope = keccak256(toHex("bench"));
  const grant = (i: number) => ({
    to: consent,
    data: encodeFunctionData({ abi: consentRegistryAbi, functionName: "grant", args: [`0x${(i + 1).toString(16).padStart(40, "0")}` as Address, scope, BigInt(Math.floor(Date.now() / 1000) + 86_400)] }),
  });
  const deps = {
    db: db(),
    publicClient: t.clients.publicClient,
    bundlerClient: t.clients.bundlerClient,
    deployments: t.stack.deployments,
    paymaster: t.sponsor(appSponsorshipPolicy(t.stack.deployments) as Parameters<typeof t.sponsor>[0]),
    workerId: "bench",
    log: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
  };
  // The worker's loop, as in lib/outbox/job.ts but polling every 50 ms.
  let running = true;
  const worker = (async () => {
    while (running) {
      const counts = await deliverDueOps(deps, 25);
      if (Object.values(counts).every((n) => n === 0)) await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const newUser = async () => (await db().user.create({ data: { email: `bench-${randomUUID()}@example.com`, role: "PATIENT" } })).id;
  const confirmed = async (id: string) => {
    for (;;) {
      const op = await db().onchainOp.findUniqueOrThrow({ where: { id } });
      if (op.status === "CONFIRMED") return op;
      if (op.status === "FAILED") throw new Error(`op failed: ${op.error}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const timed = async (userId: string, i: number) => {
    const started = performance.now();
    const { id } = await db().$transaction((tx) => enqueueOnchainOp(tx, { userId, kind: "consent.grant", calls: [grant(i)] }));
    const op = await confirmed(id);
    return { ms: performance.now() - started, gas: Number(op.gasUsed) };
  };

  const one = await newUser();
  const sequential = [];
  for (let i = 0; i < SEQUENTIAL_OPS; i++) sequential.push(await timed(one, i));
  const users = await Promise.all(Array.from({ length: CONCURRENT_USERS }, newUser));
  const started = performance.now();
  const concurrent = await Promise.all(users.map((u, i) => timed(u, i)));
  const wallMs = performance.now() - started;
  running = false;
  await worker;

  const seqMs = sequential.slice(1).map((s) => s.ms).sort((a, b) => a - b);
  const conMs = concurrent.map((c) => c.ms).sort((a, b) => a - b);
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadavg1m: Math.round(loadavg()[0]! * 100) / 100 },
    enqueueToConfirmedMs: {
      firstOpDeploysSafe: round(sequential[0]!.ms),
      oneUserInARow: { ops: seqMs.length, p50: round(percentile(seqMs, 50)), p95: round(percentile(seqMs, 95)) },
      manyUsersAtOnce: { users: CONCURRENT_USERS, p50: round(percentile(conMs, 50)), p95: round(percentile(conMs, 95)), allConfirmedMs: round(wallMs) },
    },
    gas: { firstOpDeploysSafe: sequential[0]!.gas, consentGrant: sequential[1]!.gas },
  };
  const rows: [string, string][] = [
    ["first op of a user (deploys the Safe), enqueue→CONFIRMED", `${result.enqueueToConfirmedMs.firstOpDeploysSafe} ms`],
    [`one user's ops in a row, p50 / p95 (${seqMs.length} ops)`, `${result.enqueueToConfirmedMs.oneUserInARow.p50} / ${result.enqueueToConfirmedMs.oneUserInARow.p95} ms`],
    [`${CONCURRENT_USERS} users at once (first ops), p50 / p95`, `${result.enqueueToConfirmedMs.manyUsersAtOnce.p50} / ${result.enqueueToConfirmedMs.manyUsersAtOnce.p95} ms`],
    [`${CONCURRENT_USERS} users at once, all confirmed after`, `${result.enqueueToConfirmedMs.manyUsersAtOnce.allConfirmedMs} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/outbox.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log("\nwrote bench/outbox.json");
} finally {
  await t.stop();
  const { db: database } = await import("@/lib/db");
  await database().$disconnect();
  await pgServer.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
