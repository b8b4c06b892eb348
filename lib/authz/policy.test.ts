import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Actor, Role } from "./actor";
import { ROLES } from "./actor";
import { authorize, authorizeOwnRecord, can, HOME_OF, PERMISSIONS, type Permission } from "./policy";

// The specification, written out by hand: who may do what. It is not derived from PERMISSIONS.
const GRANTS: Record<Permission, Role[]> = {
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
};

const actorOf = (role: Role, userId = `${role.toLowerCase()}-1`): Actor => ({ userId, role, sessionId: "s-1" });

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
}

describe("policy", () => {
  it("has exactly the permissions of the specification", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(GRANTS).sort());
  });

  const cases = Object.entries(GRANTS).flatMap(([permission, granted]) =>
    ROLES.map((role) => [permission as Permission, role, granted.includes(role)] as const),
  );

  it.each(cases)("%s for %s: allowed=%s", (permission, role, allowed) => {
    expect(can(actorOf(role), permission)).toBe(allowed);
    expect(codeOf(() => authorize(actorOf(role), permission))).toBe(allowed ? null : "FORBIDDEN");
  });

  it.each(Object.keys(GRANTS) as Permission[])("%s: nobody signed in is UNAUTHENTICATED", (permission) => {
    expect(can(null, permission)).toBe(false);
    expect(codeOf(() => authorize(null, permission))).toBe("UNAUTHENTICATED");
  });

  it("gives every role a home in its own area", () => {
    for (const role of ROLES) {
      const area = Object.entries(GRANTS).find(([p, roles]) => p.startsWith("area:") && roles.length === 1 && roles[0] === role)![0];
      expect(HOME_OF[role]).toBe(`/${area.slice(5)}`);
    }
  });
});

describe("authorizeOwnRecord", () => {
  it("lets a patient see their own record", () => {
    expect(codeOf(() => authorizeOwnRecord(actorOf("PATIENT", "p-1"), "p-1"))).toBeNull();
  });

  it("refuses a patient another patient's record (IDOR)", () => {
    expect(codeOf(() => authorizeOwnRecord(actorOf("PATIENT", "p-1"), "p-2"))).toBe("FORBIDDEN");
  });

  it("lets an admin see any record", () => {
    expect(codeOf(() => authorizeOwnRecord(actorOf("ADMIN"), "p-2"))).toBeNull();
  });

  it("refuses clinicians without consent, and pharmacists outright", () => {
    expect(codeOf(() => authorizeOwnRecord(actorOf("DOCTOR"), "p-2"))).toBe("FORBIDDEN");
    expect(codeOf(() => authorizeOwnRecord(actorOf("PHARMACIST"), "p-2"))).toBe("FORBIDDEN");
    // A clinician whose user id happens to equal the patient's id is still not the patient.
    expect(codeOf(() => authorizeOwnRecord(actorOf("DOCTOR", "p-2"), "p-2"))).toBe("FORBIDDEN");
  });

  it("refuses nobody signed in as UNAUTHENTICATED", () => {
    expect(codeOf(() => authorizeOwnRecord(null, "p-1"))).toBe("UNAUTHENTICATED");
  });
});
