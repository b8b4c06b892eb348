import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePrivateKey } from "viem/accounts";
import type { Hex } from "viem";
import { DEV_KEYS, startChain, type ChainStack } from "@/scripts/services/chain.ts";
import { freePort } from "@/test/ports.ts";
import { createChainClients, type ChainClients } from "./clients.ts";
import { createSponsorshipSigner, defaultCallPolicy, type SponsorshipPolicy, type SponsorshipSigner } from "./paymaster.ts";

/**
 * A whole local stack (anvil + contracts + alto) for one integration test file or benchmark: its own free ports and
 * temporary data folder, so files can run in parallel and leave nothing behind.
 */

export interface TestStack {
  dataDir: string;
  stack: ChainStack;
  clients: ChainClients;
  /** A sponsorship signer with the given policy (the app's default call policy when omitted). */
  sponsor(policy?: SponsorshipPolicy): SponsorshipSigner;
  /** Stops the stack; keeps the data folder when `keepData` (for restart tests). */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

export async function startTestStack(opts: { dataDir?: string; log?: (msg: string) => void } = {}): Promise<TestStack> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "chain-test-"));
  const [rpcPort, bundlerPort] = [await freePort(), await freePort()];
  const stack = await startChain({ dataDir, rpcPort, bundlerPort, log: opts.log ?? (() => {}) });
  const clients = createChainClients({ rpcUrl: stack.rpcUrl, bundlerUrl: stack.bundlerUrl, chainId: stack.deployments.chainId });
  return {
    dataDir,
    stack,
    clients,
    sponsor: (policy) =>
      createSponsorshipSigner({
        signerKey: DEV_KEYS.paymasterSigner,
        paymaster: stack.deployments.contracts.HealthPaymaster,
        entryPoint: stack.deployments.entryPoint,
        chainId: stack.deployments.chainId,
        policy: policy ?? defaultCallPolicy(stack.deployments),
      }),
    async stop({ keepData = false } = {}) {
      await stack.stop();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const newOwnerKey = (): Hex => generatePrivateKey();
