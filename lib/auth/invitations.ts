import "server-only";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";

/** A staff member may sign in once they have signed in before, or while an open invitation stands. */
export async function mayStaffSignIn(user: Pick<User, "id" | "role" | "emailVerified">): Promise<boolean> {
  if (user.role === "PATIENT" || user.emailVerified) return true;
  const open = await db().invitation.count({
    where: { userId: user.id, revokedAt: null, acceptedAt: null, expiresAt: { gt: new Date() } },
  });
  return open > 0;
}

export async function acceptInvitation(userId: string): Promise<void> {
  await db().invitation.updateMany({
    where: { userId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
}
