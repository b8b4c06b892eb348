import { keccak256, toBytes, type Hex } from "viem";

/**
 * What a consent covers: the whole record ("ALL", ConsentRegistry.SCOPE_ALL) or one category of it. On chain a
 * scope is keccak256 of the same string, so the registry never learns more than which category was shared.
 * The database checks the same list (Consent_scope_known).
 */
export const SCOPES = ["ALL", "conditions", "allergies", "medications", "immunizations", "lab-results", "imaging", "visits"] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = {
  ALL: "Whole record",
  conditions: "Conditions",
  allergies: "Allergies",
  medications: "Medications",
  immunizations: "Immunizations",
  "lab-results": "Lab results",
  imaging: "Imaging",
  visits: "Visits and notes",
};

export const scopeHash = (scope: Scope): Hex => keccak256(toBytes(scope));

const BY_HASH = new Map<string, Scope>(SCOPES.map((s) => [scopeHash(s), s]));

/** The scope a hash from ConsentRegistry stands for, or undefined for one this portal does not know. */
export const scopeOfHash = (hash: Hex): Scope | undefined => BY_HASH.get(hash.toLowerCase());

/** The scopes whose consent opens `scope`: itself and the whole record. */
export const scopesCovering = (scope: string): string[] => (scope === "ALL" ? ["ALL"] : [scope, "ALL"]);
