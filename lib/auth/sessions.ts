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

/** Ends every other session of the signed-in user; the current one is ended by Auth.js's signOut, which clears its cookie. */
export async function endOtherSessions(actor: Actor | null): Promise<number> {
  authorize(actor, "session:manage-own");
  const { count } = await db().session.deleteMany({ where: { userId: actor.userId, id: { not: actor.sessionId } } });
  return count;
}
