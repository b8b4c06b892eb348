import { AppError } from "@/lib/errors";
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
  "drugs:search": ["DOCTOR", "PHARMACIST", "ADMIN"],
  "drugs:manage": ["PHARMACIST"],
  "stock:read": ["PHARMACIST", "ADMIN"],
  "stock:adjust": ["PHARMACIST"],
  "procurement:manage": ["PHARMACIST"],
  "sales:sell": ["PHARMACIST"],
  "pharmacy:dispense": ["PHARMACIST"],
  "pharmacy:reports": ["PHARMACIST", "ADMIN"],
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

/** Where each role lands after signing in. */
export const HOME_OF: Record<Role, string> = {
  PATIENT: "/patient",
  DOCTOR: "/doctor",
  PHARMACIST: "/pharmacy",
  ADMIN: "/admin",
};
