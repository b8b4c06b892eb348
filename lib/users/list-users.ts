import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz/policy";
import type { Actor, Role } from "@/lib/authz/actor";

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  status: "ACTIVE" | "DISABLED";
  createdAt: Date;
  invitation: "none" | "pending" | "accepted" | "expired";
}

/** Every account, newest first, for the admin's user list. */
export async function listUsers(actor: Actor | null, filter: { role?: Role } = {}): Promise<UserRow[]> {
  authorize(actor, "users:list");
  const users = await db().user.findMany({
    where: filter.role ? { role: filter.role } : {},
    orderBy: { createdAt: "desc" },
    take: 500,
    include: { invitationsAccepted: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const now = new Date();
  return users.map((u) => {
    const inv = u.invitationsAccepted[0];
    const invitation = !inv ? "none" : inv.acceptedAt ? "accepted" : inv.expiresAt < now || inv.revokedAt ? "expired" : "pending";
    return { id: u.id, email: u.email, name: u.name, role: u.role, status: u.status, createdAt: u.createdAt, invitation };
  });
}
