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

const CLINICIAN_ROLE = keccak256(toBytes("CLINICIAN"));

/**
 * On the local chain only: the demo doctors' Safes are verified clinicians in AccessRegistry (granted by the
 * 2-of-3 admin Safe with the development owner keys), so their prescriptions (PrescriptionRegistry.issue) and
 * emergency accesses (ConsentRegistry.breakGlass) succeed on chain. In production an administrator proposes each
 * verification and another confirms it (/admin/contracts). Doctors already verified are left alone.
 */
export async function verifyDemoClinicians(
  config: Pick<Env, "DATABASE_URL" | "CHAIN_RPC_URL" | "CHAIN_ID" | "DEPLOYMENTS_FILE" | "MASTER_KEY" | "MASTER_KEY_ID" | "PREVIOUS_MASTER_KEY" | "PREVIOUS_MASTER_KEY_ID">,
  log: (msg: string) => void = () => {},
): Promise<void> {
  const deployments = readDeployments(config.DEPLOYMENTS_FILE, config.CHAIN_ID);
  const transport = http(config.CHAIN_RPC_URL);
  const client = createPublicClient({ chain: foundry, transport });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL }) });
  try {
    const keys = masterKeysFrom(config);
    const doctors = await prisma.user.findMany({ where: { role: "DOCTOR", email: { in: DEMO_STAFF.filter((s) => s.doctor).map((s) => s.email) } }, select: { id: true } });
    const unverified: Address[] = [];
    for (const { id } of doctors) {
      const { address } = await prisma.$transaction((tx) => ensureWallet(tx, id, keys));
      const verified = await client.readContract({ address: deployments.contracts.AccessRegistry, abi: accessRegistryAbi, functionName: "isVerifiedClinician", args: [address] });
      if (!verified) unverified.push(address);
    }
    if (unverified.length === 0) return;
    // The portal works without it (their chain operations fail and say so): a failure here is logged, not fatal.
    await execAdminCalls({
      client,
      relayer: createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(DEV_KEYS.deployer) }),
      safe: deployments.admin,
      multiSendCallOnly: deployments.safe.multiSendCallOnly,
      ownerKeys: DEV_KEYS.adminOwners.slice(0, 2),
      calls: unverified.map((account) => ({ to: deployments.contracts.AccessRegistry, value: 0n, data: encodeFunctionData({ abi: accessRegistryAbi, functionName: "grantRole", args: [CLINICIAN_ROLE, account] }) })),
    });
    log(`chain: the admin Safe verified ${unverified.length} demo doctor${unverified.length === 1 ? "" : "s"} as clinicians`);
  } catch (error) {
    log(`chain: could not verify the demo doctors as clinicians: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  } finally {
    await prisma.$disconnect();
  }
}
