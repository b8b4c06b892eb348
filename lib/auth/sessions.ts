import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";

/** The signed-in user's own sessions, newest first. */
export async function listMySessions(actor: Actor | null) {
  authorize(actor, "session:manage-own");
  const sessions = await db().session.findMany({
    where: { userId: actor.userId, expires: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true },
  });
  return sessions.map((s) => ({ ...s, current: s.id === actor.sessionId }));
}
