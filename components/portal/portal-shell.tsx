import type { ReactNode } from "react";
import { AppShell, roleNavigation } from "@/components/ui";
import { signOutHere } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";

/** The signed-in frame for every role: navigation of the user's role and a sign-out button. */
export function PortalShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return (
    <AppShell
      user={{ name: user.name ?? user.email, role: user.role }}
      links={roleNavigation[user.role]}
      signOut={
        <form action={signOutHere}>
          <button type="submit" className="rounded-lg border border-line-strong px-3 py-1.5 text-sm font-medium text-ink hover:bg-canvas">
            Sign out
          </button>
        </form>
      }
    >
      {children}
    </AppShell>
  );
}
