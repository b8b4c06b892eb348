import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";
import type { Permission } from "@/lib/authz/policy";
import { PortalShell } from "./portal-shell";

/**
 * The layout of one role's area: an anonymous visitor is sent to sign in, the wrong role gets 403.
 * Pages check again (layouts are not re-run on every navigation), and the data layer checks every call.
 */
export function areaLayout(permission: Permission) {
  return async function AreaLayout({ children }: { children: ReactNode }) {
    const user = await requirePermission(permission);
    return <PortalShell user={user}>{children}</PortalShell>;
  };
}
