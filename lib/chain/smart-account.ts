import type { Hex, PublicClient } from "viem";
import { entryPoint07Address } from "viem/account-abstraction";
import { privateKeyToAccount } from "viem/accounts";
import { toSafeSmartAccount } from "permissionless/accounts";

/**
 * A patient's (or clinician's) wallet: a Safe 1.4.1 with one owner key and the Safe4337Module, driven through
 * EntryPoint v0.7. Its address is counterfactual: known (and usable in consents) before the first operation deploys it.
 */

export type PatientSafe = Awaited<ReturnType<typeof toPatientSafe>>;

export function toPatientSafe(client: PublicClient, ownerPrivateKey: Hex, opts: { saltNonce?: bigint } = {}) {
  return toSafeSmartAccount({
    client,
    owners: [privateKeyToAccount(ownerPrivateKey)],
    version: "1.4.1",
    entryPoint: { address: entryPoint07Address, version: "0.7" },
    saltNonce: opts.saltNonce ?? 0n,
  });
}
