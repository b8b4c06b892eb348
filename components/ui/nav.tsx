import Link from "next/link";
import type { ReactNode } from "react";
import { LogoIcon } from "./icons";
import { RoleNav } from "./role-nav";
import { roleLabel, type NavLink, type Role } from "./role-navigation";

export { activeHref, roleLabel, roleNavigation, type NavLink, type Role } from "./role-navigation";

export type AppShellProps = {
  user: { name: string; role: Role };
  links: NavLink[];
  /** The sign-out control, e.g. a <form> whose action signs out. */
  signOut: ReactNode;
  children: ReactNode;
};

/**
 * The frame of the signed-in area: skip link, top bar, role navigation and the page's <main>.
 * It is a server component; only the navigation (active link, mobile menu) runs on the client.
 */
export function AppShell({ user, links, signOut, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col bg-canvas">
      <a
        href="#main-content"
        className="fixed top-2 left-2 z-50 -translate-y-24 rounded-lg bg-brand-700 px-4 py-2 font-medium text-white focus:translate-y-0"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="flex min-h-16 flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2 sm:px-6">
          <Link
            href={links[0]?.href ?? "/"}
            className="flex items-center gap-2 rounded-lg text-lg font-semibold text-brand-700"
          >
            <LogoIcon className="size-7" />
            CareChain Health
          </Link>
          <div className="flex items-center gap-4">
            <p className="flex flex-col text-right text-sm leading-tight">
              <span className="font-medium text-ink">{user.name}</span>
              <span className="text-muted">{roleLabel[user.role]}</span>
            </p>
            {signOut}
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <RoleNav links={links} />
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-8 sm:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
