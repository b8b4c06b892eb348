import type { Hex } from "viem";

/**
 * Anvil's well-known development accounts (mnemonic "test test … junk", indexes 0–7), each funded with 10,000 ETH on
 * a fresh chain. Public knowledge: never use them outside a local chain. One role per key so that nonces of the
 * deployer, the bundler and the services never race each other.
 */
export const DEV_KEYS = {
  /** Deploys contracts and is their admin until an admin Safe takes over. */
  deployer: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  /** alto's executor: submits handleOps bundles. */
  bundlerExecutor: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  /** alto's utility wallet: deploys its simulation contract and refills the executor. */
  bundlerUtility: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  /** Signs sponsorships for HealthPaymaster: pass it to the app as PAYMASTER_SIGNER_KEY. */
  paymasterSigner: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  /** Anchors audit roots and sends plain transactions: pass it to the app as OPERATOR_KEY. */
  operator: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  /** Owners of the 2-of-3 admin Safe that owns the app contracts (indexes 5, 6, 7). */
  adminOwners: [
    "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
    "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
    "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
  ],
} as const satisfies Record<string, Hex | readonly Hex[]>;
