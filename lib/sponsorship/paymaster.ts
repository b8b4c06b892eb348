import "server-only";
import { http, type Hex } from "viem";
import { createPaymasterClient } from "viem/account-abstraction";
import { createSponsorshipSigner, type SponsorshipSigner } from "@/lib/chain/paymaster";
import type { ChainDeployment } from "@/lib/chain/deployments";
import type { Paymaster } from "@/lib/chain/send";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { chainDeployments } from "@/lib/wallets/runtime";
import { appSponsorshipPolicy, type SponsorshipContext } from "./policy";

/** How long a paymaster signature is valid. An operation sent longer ago than this can no longer execute. */
export const SPONSORSHIP_VALID_SECONDS = 300;

const signers = new WeakMap<ChainDeployment, SponsorshipSigner>();

/** This app's own ERC-7677 sponsorship signer (PAYMASTER_MODE=local), with the app's policy. */
export function localSponsorshipSigner(deployments: ChainDeployment = chainDeployments()): SponsorshipSigner {
  const { PAYMASTER_SIGNER_KEY } = env();
  if (!PAYMASTER_SIGNER_KEY) throw new AppError("UNAVAILABLE", "Gas sponsorship is not configured (PAYMASTER_SIGNER_KEY).");
  let signer = signers.get(deployments);
  if (!signer) {
    signer = createSponsorshipSigner<SponsorshipContext | undefined>({
      signerKey: PAYMASTER_SIGNER_KEY as Hex,
      paymaster: deployments.contracts.HealthPaymaster,
      entryPoint: deployments.entryPoint,
      chainId: deployments.chainId,
      policy: appSponsorshipPolicy(deployments),
      validForSeconds: SPONSORSHIP_VALID_SECONDS,
    });
    signers.set(deployments, signer);
  }
  return signer;
}

/** Who pays for the worker's operations: the local signer in-process, or the external ERC-7677 service. */
export function appPaymaster(deployments: ChainDeployment = chainDeployments(), config: Pick<Env, "PAYMASTER_MODE" | "PAYMASTER_URL"> = env()): Paymaster {
  if (config.PAYMASTER_MODE === "external") return createPaymasterClient({ transport: http(config.PAYMASTER_URL) });
  return localSponsorshipSigner(deployments);
}
