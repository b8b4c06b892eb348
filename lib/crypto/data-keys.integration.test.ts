import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureWallet, walletOwnerKey } from "@/lib/wallets/ensure-wallet";
import { WORKER_COMMAND } from "@/scripts/services/worker.ts";
import { createActor } from "@/test/factories";
import { masterKeys, rotateDataKeys } from "./data-keys";
import type { MasterKeys } from "./envelope";

const root = join(import.meta.dirname, "..", "..");
const b64 = (k: Buffer) => k.toString("base64");

describe("rotating the master key", () => {
  it("re-seals every data key: wallets still open with the new key alone, and the old key is no longer needed", async () => {
    const k1 = masterKeys().current; // the key every wallet of this test run was sealed with
    const k2 = { id: "k2-rotation-test", key: randomBytes(32) };
    const users = [await createActor("PATIENT"), await createActor("DOCTOR")];
    const ownerKeys: string[] = [];
    for (const u of users) {
      await db().$transaction((tx) => ensureWallet(tx, u.userId));
      ownerKeys.push(await walletOwnerKey(db(), u.userId));
    }
    const rows = await db().dataKey.findMany({ where: { userId: { in: users.map((u) => u.userId) } } });
    expect(rows.map((r) => r.masterKeyId)).toEqual([k1.id, k1.id]);

    // Before the rotation, the new key alone cannot open them.
    await expect(walletOwnerKey(db(), users[0]!.userId, { current: k2 })).rejects.toThrow(/not configured/);

    const rotating: MasterKeys = { current: k2, previous: k1 };
    const result = await rotateDataKeys(db(), rotating, 1);
    expect(result.resealed).toBeGreaterThanOrEqual(2);
    expect(await db().dataKey.count({ where: { masterKeyId: { not: k2.id } } })).toBe(0);
    for (const [i, u] of users.entries()) {
      expect(await walletOwnerKey(db(), u.userId, { current: k2 })).toBe(ownerKeys[i]);
      await expect(walletOwnerKey(db(), u.userId, { current: k1 })).rejects.toThrow(/not configured/);
    }
    const after = await db().dataKey.findMany({ where: { userId: { in: users.map((u) => u.userId) } } });
    expect(after.every((r) => r.rotatedAt !== null)).toBe(true);
    expect(await rotateDataKeys(db(), rotating)).toMatchObject({ resealed: 0 });

    // `npm run keys:rotate` does the same from the environment: here, back to the run's key.
    const [node, ...nodeArgs] = WORKER_COMMAND;
    const script = spawnSync(node, [...nodeArgs.slice(0, -1), join(root, "scripts", "rotate-master-key.ts")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, MASTER_KEY: b64(k1.key), MASTER_KEY_ID: k1.id, PREVIOUS_MASTER_KEY: b64(k2.key), PREVIOUS_MASTER_KEY_ID: k2.id },
    });
    expect(script.status, script.stderr).toBe(0);
    const summary = JSON.parse(script.stdout.trim().split("\n").pop()!) as { current: string; resealed: number; remaining: number };
    expect(summary).toMatchObject({ current: k1.id, remaining: 0 });
    expect(summary.resealed).toBeGreaterThanOrEqual(2);
    for (const [i, u] of users.entries()) expect(await walletOwnerKey(db(), u.userId, { current: k1 })).toBe(ownerKeys[i]);
  });

  it("stops, naming the key, when a data key is sealed with a master key that is not configured", async () => {
    const user = await createActor("PATIENT");
    await db().$transaction((tx) => ensureWallet(tx, user.userId));
    const stray = { id: "k-unknown", key: randomBytes(32) };
    await db().dataKey.update({ where: { userId: user.userId }, data: { masterKeyId: stray.id } });
    try {
      await expect(rotateDataKeys(db(), { current: { id: "k-next", key: randomBytes(32) }, previous: masterKeys().current })).rejects.toThrow(/"k-unknown"/);
    } finally {
      await db().dataKey.delete({ where: { userId: user.userId } }).catch(() => undefined);
      await db().wallet.delete({ where: { userId: user.userId } });
    }
  });
});
