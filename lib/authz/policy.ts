import { AppError } from "@/lib/errors";
import { findActiveBreakGlass } from "@/lib/break-glass/find-active";
import { findLiveConsent } from "@/lib/consent/find-live-consent";
import type { Actor, Role } from "./actor";

/**
 * The single policy module. A permission names an operation; each role is granted a fixed set.
 * Record-level rules (a patient's own record, a clinician's consent) are checked by the functions below,
 * which the data layer calls with the record it is about to touch.
 */
export const PERMISSIONS = {
  "area:patient": ["PATIENT"],
  "area:doctor": ["DOCTOR"],
  "area:pharmacy": ["PHARMACIST"],
  "area:admin": ["ADMIN"],
  "profile:onboard": ["PATIENT"],
  "profile:read": ["PATIENT", "DOCTOR", "ADMIN"],
  "session:manage-own": ["PATIENT", "DOCTOR", "PHARMACIST", "ADMIN"],
  "staff:invite": ["ADMIN"],
  "users:list": ["ADMIN"],
  "users:disable": ["ADMIN"],
  "audit:read-all": ["ADMIN"],
  "wallet:read-own": ["PATIENT", "DOCTOR", "PHARMACIST", "ADMIN"],
  "wallet:sponsor-own": ["PATIENT", "DOCTOR", "PHARMACIST", "ADMIN"],
  "sponsorship:manage": ["ADMIN"],
  "doctors:search": ["PATIENT", "DOCTOR", "ADMIN"],
  "doctor-profile:edit-own": ["DOCTOR"],
  "appointments:book": ["PATIENT", "ADMIN"],
  "appointments:change": ["PATIENT", "ADMIN"],
  "appointments:read-own": ["PATIENT"],
  "appointments:list-all": ["ADMIN"],
  "appointments:check-in": ["DOCTOR", "ADMIN"],
  "schedule:manage": ["DOCTOR", "ADMIN"],
  "day:work": ["DOCTOR"],
  "visits:write": ["DOCTOR"],
  "visits:read": ["PATIENT", "DOCTOR"],
  "prescriptions:write": ["DOCTOR"],
  "prescriptions:read": ["PATIENT", "DOCTOR", "PHARMACIST"],
  "break-glass:open": ["DOCTOR"],
  "break-glass:review": ["ADMIN"],
  "drugs:search": ["DOCTOR", "PHARMACIST", "ADMIN"],
  "drugs:manage": ["PHARMACIST"],
  "stock:read": ["PHARMACIST", "ADMIN"],
  "stock:adjust": ["PHARMACIST"],
  "procurement:manage": ["PHARMACIST"],
  "sales:sell": ["PHARMACIST"],
  "pharmacy:dispense": ["PHARMACIST"],
  "pharmacy:reports": ["PHARMACIST", "ADMIN"],
  "records:read": ["PATIENT", "DOCTOR"],
  "records:edit-own-details": ["PATIENT"],
  "records:edit-clinical": ["DOCTOR"],
  "records:import": ["PATIENT", "ADMIN"],
  "documents:upload": ["PATIENT", "DOCTOR"],
  "documents:read": ["PATIENT", "DOCTOR"],
  "consent:manage-own": ["PATIENT"],
  "clinical:access": ["PATIENT", "DOCTOR"],
  "audit:read-own": ["PATIENT"],
  "audit:proof": ["PATIENT", "ADMIN"],
  "contracts:administer": ["ADMIN"],
  "reports:view": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** Throws unless the actor holds the permission: UNAUTHENTICATED for nobody, FORBIDDEN for the wrong role. */
export function authorize(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
}

/**
 * A patient's own record: the patient, or an admin acting for them.
 * Clinician access by consent or break-glass joins here with the consent mirror.
 */
export function authorizeOwnRecord(actor: Actor | null, patientId: string): asserts actor is Actor {
  authorize(actor, "profile:read");
  if (actor.role === "PATIENT" && actor.userId === patientId) return;
  if (actor.role === "ADMIN") return;
  throw new AppError("FORBIDDEN", "You may not see this patient's record.");
}

export type ClinicalAccess = { basis: "self" } | { basis: "consent"; consentId: string } | { basis: "break-glass"; accessId: string };

/**
 * Clinical data of one patient in one scope ("ALL" or a category, lib/consent/scopes.ts): the patient themself, or
 * a doctor holding a live consent in the database mirror (unrevoked, unexpired; a revocation counts at once, before
 * the chain confirms it). The basis is returned so the caller can record it in the audit event.
 */
export async function authorizeClinicalAccess(actor: Actor | null, patientId: string, scope: string): Promise<ClinicalAccess> {
  authorize(actor, "clinical:access");
  if (actor.role === "PATIENT") {
    if (actor.userId === patientId) return { basis: "self" };
    throw new AppError("FORBIDDEN", "You may not see this patient's record.");
  }
  const consent = await findLiveConsent(patientId, actor.userId, scope);
  if (consent) return { basis: "consent", consentId: consent.id };
  // An unexpired emergency access of this doctor to this patient (lib/break-glass), named in the audit event.
  const glass = await findActiveBreakGlass(patientId, actor.userId);
  if (glass) return { basis: "break-glass", accessId: glass.id };
  throw new AppError("FORBIDDEN", "You need this patient's consent to see this part of their record.");
}

/** Where each role lands after signing in. */
export const HOME_OF: Record<Role, string> = {
  PATIENT: "/patient",
  DOCTOR: "/doctor",
  PHARMACIST: "/pharmacy",
  ADMIN: "/admin",
};
