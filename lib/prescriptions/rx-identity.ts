import { randomBytes } from "node:crypto";
import { keccak256, toBytes, type Hex } from "viem";
import { canonicalJson } from "@/lib/visits/content-hash";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new public code: 60 random bits, unguessable enough to be no way into anything (it reveals nothing by itself). */
export function newRxCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join("");
  return `RX-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export function newRxSalt(): Hex {
  return `0x${randomBytes(32).toString("hex")}`;
}

export interface RxContent {
  code: string;
  patientId: string;
  doctorId: string;
  drugId: string;
  drugName: string;
  dose: string;
  route: string;
  frequency: string;
  durationDays: number;
  quantity: number;
  refills: number;
  instructions: string;
  signedAt: Date;
  expiresAt: Date;
}

/**
 * The prescription's identity on chain: keccak256 over its content and a secret salt, so the hash says nothing and
 * cannot be guessed from a code, but anyone holding the record (the pharmacy) can recompute and check it.
 */
export function rxHashOf(content: RxContent, salt: Hex): Hex {
  return keccak256(toBytes(canonicalJson({ ...content, salt })));
}
