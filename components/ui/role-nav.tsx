"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";
import { cn } from "./cn";
import { ChevronDownIcon, MenuIcon } from "./icons";
import { activeHref, type NavLink } from "./role-navigation";

/**
 * The role navigation: a sidebar from md up; below that, a disclosure button that shows and hides
 * the same list. It closes when a link is followed and on Escape (returning focus to the button).
 */
export function RoleNav({ links, label = "Main" }: { links: NavLink[]; label?: string }) {
  const pathname = usePathname();
  const current = activeHref(links, pathname);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  return (
    <nav
      aria-label={label}
      className="border-b border-line bg-surface md:w-60 md:shrink-0 md:border-r md:border-b-0"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="flex h-12 w-full items-center gap-2 px-4 text-sm font-medium text-ink outline-offset-[-3px] hover:bg-canvas md:hidden"
      >
        <MenuIcon className="size-5" />
        Menu
        <ChevronDownIcon className={cn("ml-auto size-5 transition-transform", open && "rotate-180")} />
      </button>
      <ul id={listId} className={cn("flex-col gap-1 p-3 md:sticky md:top-0 md:flex", open ? "flex" : "hidden")}>
        {links.map((link) => {
          const active = link.href === current;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={cn(
                  "flex min-h-11 items-center rounded-lg px-3 text-sm font-medium transition-colors",
                  active ? "bg-brand-50 text-brand-800" : "text-muted hover:bg-canvas hover:text-ink",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
