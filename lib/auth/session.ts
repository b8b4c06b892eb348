import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/authz/actor";
import { resolveSession, type CurrentUser } from "./resolve-session";
import { can, type Permission } from "@/lib/authz/policy";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

export type { CurrentUser };

/** The signed-in user of this request, or null (see resolveSession). Cached per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  return token ? resolveSession(token) : null;
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
