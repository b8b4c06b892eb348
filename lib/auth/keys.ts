import "server-only";
import { deriveKey } from "@/lib/crypto/aead";
import { env } from "@/lib/env";

/** Keys derived from AUTH_SECRET, one per purpose. */
export const authKeys = {
  signInLink: () => deriveKey(env().AUTH_SECRET, "sign-in-link"),
  signInCode: () => deriveKey(env().AUTH_SECRET, "sign-in-code"),
  rateLimit: () => deriveKey(env().AUTH_SECRET, "sign-in-rate-limit"),
};
