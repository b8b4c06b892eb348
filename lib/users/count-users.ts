import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz/policy";
import type { Actor, Role } from "@/lib/authz/actor";

/** Active accounts per role, for the admin overview. */
export async function countUsersByRole(actor: Actor | null): Promise<Record<Role, number>> {
  authorize(actor, "users:list");
  const groups = await db().user.groupBy({ by: ["role"], where: { status: "ACTIVE" }, _count: { _all: true } });
  const counts: Record<Role, number> = { PATIENT: 0, DOCTOR: 0, PHARMACIST: 0, ADMIN: 0 };
  for (const g of groups) counts[g.role] = g._count._all;
  return counts;
}
