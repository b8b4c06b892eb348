import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEther, zeroHash } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { accessRegistryAbi, careTokenAbi, healthPaymasterAbi } from "@/lib/chain/abi";
import { parseDeploymentsFile } from "@/lib/chain/deployments";
import { startTestStack, type TestStack } from "@/lib/chain/test-stack";
import { DEV_KEYS } from "./services/chain";
import { deployContracts, type DeployOptions } from "./deploy-contracts";

// anvil's account 9: funded, and used by no service of the local stack.
const DEPLOYER_KEY = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

describe("scripts/deploy-contracts.ts", { timeout: 120_000 }, () => {
  let t: TestStack;
  let dir: string;
  let opts: DeployOptions;

  beforeAll(async () => {
    t = await startTestStack();
    dir = mkdtempSync(join(tmpdir(), "deploy-"));
    opts = {
      rpcUrl: t.stack.rpcUrl,
      chainId: 31337,
      deployerKey: DEPLOYER_KEY,
      adminSafe: t.stack.deployments.admin,
      paymasterSigner: privateKeyToAccount(DEV_KEYS.paymasterSigner).address,
      deploymentsFile: join(dir, "deployments.json"),
      depositWei: parseEther("1"),
      log: () => {},
    };
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("deploys every app contract owned by the admin Safe, writes the file, and reuses it on a second run", async () => {
    const { publicClient } = t.clients;
    const first = await deployContracts(opts);
    const deployer = privateKeyToAccount(DEPLOYER_KEY).address;
    const safe = t.stack.deployments.admin;
    for (const address of Object.values(first.contracts)) expect(await publicClient.getCode({ address })).toMatch(/^0x[0-9a-f]{10}/);
    expect(first.contracts.CareToken).not.toBe(t.stack.deployments.contracts.CareToken);
    expect(await publicClient.readContract({ address: first.contracts.CareToken, abi: careTokenAbi, functionName: "owner" })).toBe(safe);
    expect(await publicClient.readContract({ address: first.contracts.HealthPaymaster, abi: healthPaymasterAbi, functionName: "owner" })).toBe(safe);
    expect(await publicClient.readContract({ address: first.contracts.AccessRegistry, abi: accessRegistryAbi, functionName: "hasRole", args: [zeroHash, safe] })).toBe(true);
    expect(await publicClient.readContract({ address: first.contracts.AccessRegistry, abi: accessRegistryAbi, functionName: "hasRole", args: [zeroHash, deployer] })).toBe(false);
    expect(await publicClient.readContract({ address: first.contracts.HealthPaymaster, abi: healthPaymasterAbi, functionName: "getDeposit" })).toBe(parseEther("1"));

    const file = parseDeploymentsFile(JSON.parse(readFileSync(opts.deploymentsFile, "utf8")));
    expect(file["31337"]).toEqual(first);
    const second = await deployContracts({ ...opts, depositWei: undefined });
    expect(second.contracts).toEqual(first.contracts);
  });

  it("refuses a wrong chain id and an admin address that is not a Safe", async () => {
    await expect(deployContracts({ ...opts, chainId: 84532 })).rejects.toThrow("CHAIN_ID is 84532 but");
    await expect(deployContracts({ ...opts, adminSafe: privateKeyToAccount(DEPLOYER_KEY).address })).rejects.toThrow(/has no code/);
    await expect(deployContracts({ ...opts, adminSafe: t.stack.deployments.contracts.CareToken })).rejects.toThrow(/is not a Safe/);
  });
});
