import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ensureWallet, walletOwnerKey } from "@/lib/wallets/ensure-wallet";
import { applyMigrations } from "@/scripts/db/migrate.ts";
import { WORKER_COMMAND } from "@/scripts/services/worker.ts";
import { masterKeys, rotateDataKeys } from "./data-keys";
import type { MasterKeys } from "./envelope";

const root = join(import.meta.dirname, "..", "..");
const b64 = (k: Buffer) => k.toString("base64");

/**
 * A rotation re-seals every data key of a database, so this file has a database of its own: the run's shared one
 * holds other files' keys, sealed with keys of their own.
 */
describe("rotating the master key", () => {
  const name = `rotation_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let url: string;
  let prisma: PrismaClient;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
    await applyMigrations(url);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  const newUser = async (role: "PATIENT" | "DOCTOR") =>
    (await prisma.user.create({ data: { email: `${randomUUID()}@example.com`, role } })).id;

  it("re-seals every data key: wallets still open with the new key alone, and the old key is no longer needed", async () => {
    const k1 = masterKeys().current;
    const k2 = { id: "k2-rotation-test", key: randomBytes(32) };
    const users = [await newUser("PATIENT"), await newUser("DOCTOR"), await newUser("PATIENT")];
    const ownerKeys: string[] = [];
    for (const u of users) {
      await prisma.$transaction((tx) => ensureWallet(tx, u, { current: k1 }));
      ownerKeys.push(await walletOwnerKey(prisma, u, { current: k1 }));
    }
    expect((await prisma.dataKey.findMany()).map((r) => r.masterKeyId)).toEqual([k1.id, k1.id, k1.id]);
    // Before the rotation, the new key alone cannot open them.
    await expect(walletOwnerKey(prisma, users[0]!, { current: k2 })).rejects.toThrow(/not configured/);

    const rotating: MasterKeys = { current: k2, previous: k1 };
    expect(await rotateDataKeys(prisma, rotating, 2)).toEqual({ resealed: 3, total: 3 });
    for (const [i, u] of users.entries()) {
      expect(await walletOwnerKey(prisma, u, { current: k2 })).toBe(ownerKeys[i]);
      await expect(walletOwnerKey(prisma, u, { current: k1 })).rejects.toThrow(/not configured/);
    }
    expect((await prisma.dataKey.findMany()).every((r) => r.masterKeyId === k2.id && r.rotatedAt !== null)).toBe(true);
    expect(await rotateDataKeys(prisma, rotating)).toEqual({ resealed: 0, total: 3 });

    // `npm run keys:rotate` does the same from the environment: here, back to k1.
    const [node, ...nodeArgs] = WORKER_COMMAND;
    const script = spawnSync(node, [...nodeArgs.slice(0, -1), join(root, "scripts", "rotate-master-key.ts")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url, MASTER_KEY: b64(k1.key), MASTER_KEY_ID: k1.id, PREVIOUS_MASTER_KEY: b64(k2.key), PREVIOUS_MASTER_KEY_ID: k2.id },
    });
    expect(script.status, script.stderr).toBe(0);
    expect(JSON.parse(script.stdout.trim().split("\n").pop()!)).toMatchObject({ current: k1.id, previous: k2.id, resealed: 3, total: 3, remaining: 0 });
    for (const [i, u] of users.entries()) expect(await walletOwnerKey(prisma, u, { current: k1 })).toBe(ownerKeys[i]);
  });

  it("stops, naming the key, when a data key is sealed with a master key that is not configured", async () => {
    const user = await newUser("PATIENT");
    await prisma.$transaction((tx) => ensureWallet(tx, user, masterKeys()));
    await prisma.dataKey.update({ where: { userId: user }, data: { masterKeyId: "k-unknown" } });
    await expect(rotateDataKeys(prisma, { current: { id: "k-next", key: randomBytes(32) }, previous: masterKeys().current })).rejects.toThrow(/"k-unknown"/);
  });
});
