import { readFileSync } from "node:fs";
import { getAddress } from "viem";
import { z } from "zod";

/**
 * The deployments file: contract addresses per chain id, written by the chain service (scripts/services/chain.ts)
 * for a local chain and committed for production chains. Validated on read so a stale or hand-edited file fails
 * loudly at start-up rather than as a revert later.
 */

const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte address")
  .transform((a) => getAddress(a));

export const APP_CONTRACTS = [
  "HealthPaymaster",
  "AccessRegistry",
  "ConsentRegistry",
  "CareToken",
  "AuditAnchor",
  "PrescriptionRegistry",
] as const;
export type AppContractName = (typeof APP_CONTRACTS)[number];

export const chainDeploymentSchema = z.object({
  chainId: z.number().int().positive(),
  /** ERC-4337 EntryPoint v0.7. */
  entryPoint: address,
  /** Safe 1.4.1 + Safe4337Module 0.3.0, as permissionless expects them. */
  safe: z.object({
    singleton: address,
    proxyFactory: address,
    multiSend: address,
    multiSendCallOnly: address,
    fallbackHandler: address,
    safe4337Module: address,
    safeModuleSetup: address,
  }),
  contracts: z.object({
    HealthPaymaster: address,
    AccessRegistry: address,
    ConsentRegistry: address,
    CareToken: address,
    AuditAnchor: address,
    PrescriptionRegistry: address,
  }),
  /** Owner/admin of the app contracts (a Safe in production; the deployer on a local chain). */
  admin: address,
  /** The address whose signatures HealthPaymaster accepts. */
  paymasterSigner: address,
  /**
   * A block at or before the first deployment of the app contracts: the indexers read events from here, not from
   * block 0 (on a real network that would be millions of empty blocks).
   */
  startBlock: z.number().int().nonnegative().default(0),
  /** keccak256 of each contract's creation code and arguments, so a rebuilt contract is redeployed locally. */
  fingerprints: z.record(z.string(), z.string()).default({}),
});
export type ChainDeployment = z.infer<typeof chainDeploymentSchema>;

export const deploymentsFileSchema = z.record(z.string().regex(/^\d+$/, "keys are chain ids"), chainDeploymentSchema);
export type DeploymentsFile = z.infer<typeof deploymentsFileSchema>;

/** Parses a whole deployments file (any chains). */
export function parseDeploymentsFile(json: unknown): DeploymentsFile {
  const result = deploymentsFileSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid deployments file:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** The deployment of one chain from a deployments file; throws with the file name when it is missing or invalid. */
export function readDeployments(file: string, chainId: number): ChainDeployment {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read deployments file ${file}: ${(error as Error).message}`);
  }
  const deployment = parseDeploymentsFile(json)[String(chainId)];
  if (!deployment) throw new Error(`Deployments file ${file} has no entry for chain ${chainId}`);
  return deployment;
}

/** Like readDeployments, but undefined when the file or the chain's entry does not exist or does not validate. */
export function tryReadDeployments(file: string, chainId: number): ChainDeployment | undefined {
  try {
    return readDeployments(file, chainId);
  } catch {
    return undefined;
  }
}
