import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: every data function takes one and checks it against the policy before touching data. */
export interface Actor {
  userId: string;
  role: Role;
  sessionId: string;
}

export type { Role };
export const ROLES = ["PATIENT", "DOCTOR", "PHARMACIST", "ADMIN"] as const satisfies readonly Role[];
export const STAFF_ROLES = ["DOCTOR", "PHARMACIST", "ADMIN"] as const satisfies readonly Role[];

export function isStaff(role: Role): boolean {
  return role !== "PATIENT";
}
