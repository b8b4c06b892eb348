import Link from "next/link";
import type { ReactNode } from "react";
import { LogoIcon } from "@/components/ui";

/** The frame of pages seen before signing in: a centred card on the canvas. */
export function PublicFrame({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-canvas px-4 py-10">
      <header className="mb-8">
        <Link href="/" className="flex items-center gap-2 rounded-lg text-xl font-semibold text-brand-700">
          <LogoIcon className="size-8" />
          CareChain Health
        </Link>
      </header>
      <main id="main-content" className={`w-full ${wide ? "max-w-2xl" : "max-w-md"} rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8`}>
        {children}
      </main>
    </div>
  );
}
