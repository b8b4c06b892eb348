import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor, Role } from "@/lib/authz/actor";
import { isStaff } from "@/lib/authz/actor";
import { can, type Permission } from "@/lib/authz/policy";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
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
 * The signed-in user of this request, or null. A session idle for longer than the role allows is ended here.
 * Cached per request.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { sessionToken: token },
    include: { user: { select: { id: true, role: true, status: true, email: true, name: true, patientProfile: { select: { userId: true } } } } },
  });
  if (!session || session.expires < new Date() || session.user.status !== "ACTIVE") return null;
  const idleFor = Date.now() - session.lastSeenAt.getTime();
  if (idleFor > idleLimitMs(session.user.role)) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
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
});

export async function currentActor(): Promise<Actor | null> {
  const user = await currentUser();
  return user && { userId: user.userId, role: user.role, sessionId: user.sessionId };
}

/**
 * For pages and layouts: an anonymous visitor goes to sign-in (and comes back afterwards),
 * the wrong role gets the 403 page. The data layer checks again on every call.
 */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const returnTo = (await headers()).get("x-pathname") ?? "/";
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(user, permission)) forbidden();
  if (!user.onboarded) redirect("/onboarding");
  return user;
}
