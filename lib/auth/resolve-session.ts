import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor, Role } from "@/lib/authz/actor";
import { isStaff } from "@/lib/authz/actor";

// lastSeenAt is written at most this often, so a busy page does not write on every request.
const TOUCH_EVERY_MS = 30_000;

export function idleLimitMs(role: Role): number {
  const { SESSION_IDLE_MINUTES_STAFF, SESSION_IDLE_MINUTES_PATIENT } = env();
  return (isStaff(role) ? SESSION_IDLE_MINUTES_STAFF : SESSION_IDLE_MINUTES_PATIENT) * 60_000;
}

export interface CurrentUser extends Actor {
  email: string;
  name: string | null;
  onboarded: boolean;
}

/**
 * The user behind a session token, or null when the session is unknown, expired, of a disabled account, or idle for
 * longer than the role allows — an idle session is ended here, so it cannot come back.
 */
export async function resolveSession(token: string, now = new Date()): Promise<CurrentUser | null> {
  const session = await db().session.findUnique({
    where: { sessionToken: token },
    include: { user: { select: { id: true, role: true, status: true, email: true, name: true, patientProfile: { select: { userId: true } } } } },
  });
  if (!session || session.expires < now || session.user.status !== "ACTIVE") return null;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (idleFor > idleLimitMs(session.user.role)) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    userId: user.id,
    role: user.role,
    sessionId: session.id,
    email: user.email,
    name: user.name,
    onboarded: user.role !== "PATIENT" || user.patientProfile !== null,
  };
}
