import { PrismaPg } from "@prisma/adapter-pg";
import { createPublicClient, createWalletClient, encodeFunctionData, http, keccak256, toBytes, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { accessRegistryAbi } from "../../lib/chain/abi/index.ts";
import { execAdminCalls } from "../../lib/chain/admin-safe.ts";
import { readDeployments } from "../../lib/chain/deployments.ts";
import { masterKeysFrom } from "../../lib/crypto/envelope.ts";
import type { Env } from "../../lib/env.ts";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { ensureWallet } from "../../lib/wallets/ensure-wallet.ts";
import { DEV_KEYS } from "../services/chain/dev-keys.ts";
import { DEMO_STAFF } from "./demo-clinic.ts";

/** The AccessRegistry role each kind of demo staff needs for its on-chain work. */
const ROLE_OF = { DOCTOR: keccak256(toBytes("CLINICIAN")), PHARMACIST: keccak256(toBytes("PHARMACY")) } as const;

/**
 * On the local chain only: the demo doctors' Safes are verified clinicians and the demo pharmacists' Safes verified
 * pharmacies in AccessRegistry (granted by the 2-of-3 admin Safe with the development owner keys), so prescriptions
 * (PrescriptionRegistry.issue), emergency accesses (ConsentRegistry.breakGlass) and dispenses
 * (PrescriptionRegistry.dispense) succeed on chain. In production an administrator proposes each verification and
 * another confirms it (/admin/contracts). Staff already verified are left alone.
 */
export async function verifyDemoStaff(
  config: Pick<Env, "DATABASE_URL" | "CHAIN_RPC_URL" | "CHAIN_ID" | "DEPLOYMENTS_FILE" | "MASTER_KEY" | "MASTER_KEY_ID" | "PREVIOUS_MASTER_KEY" | "PREVIOUS_MASTER_KEY_ID">,
  log: (msg: string) => void = () => {},
): Promise<void> {
  const deployments = readDeployments(config.DEPLOYMENTS_FILE, config.CHAIN_ID);
  const transport = http(config.CHAIN_RPC_URL);
  const client = createPublicClient({ chain: foundry, transport });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL }) });
  try {
    const keys = masterKeysFrom(config);
    const staff = await prisma.user.findMany({
      where: { role: { in: ["DOCTOR", "PHARMACIST"] }, email: { in: DEMO_STAFF.map((s) => s.email) } },
      select: { id: true, role: true },
    });
    const unverified: { role: `0x${string}`; account: Address }[] = [];
    for (const { id, role } of staff) {
      const { address } = await prisma.$transaction((tx) => ensureWallet(tx, id, keys));
      const grant = { role: ROLE_OF[role as keyof typeof ROLE_OF], account: address as Address };
      const verified = await client.readContract({ address: deployments.contracts.AccessRegistry, abi: accessRegistryAbi, functionName: "hasRole", args: [grant.role, grant.account] });
      if (!verified) unverified.push(grant);
    }
    if (unverified.length === 0) return;
    // The portal works without it (their chain operations fail and say so): a failure here is logged, not fatal.
    await execAdminCalls({
      client,
      relayer: createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(DEV_KEYS.deployer) }),
      safe: deployments.admin,
      deployment: deployments,
      ownerKeys: DEV_KEYS.adminOwners.slice(0, 2),
      calls: unverified.map(({ role, account }) => ({
        to: deployments.contracts.AccessRegistry,
        value: 0n,
        data: encodeFunctionData({ abi: accessRegistryAbi, functionName: "grantRole", args: [role, account] }),
      })),
    });
    log(`chain: the admin Safe verified ${unverified.length} demo staff wallet${unverified.length === 1 ? "" : "s"} (doctors as clinicians, pharmacists as pharmacies)`);
  } catch (error) {
    log(`chain: could not verify the demo staff on chain: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  } finally {
    await prisma.$disconnect();
  }
}
