"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-renders the page every few seconds while operations are pending, so their status updates by itself. */
export function RefreshWhilePending({ pending, intervalMs = 2_000 }: { pending: number; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (pending === 0) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [pending, intervalMs, router]);
  return (
    <p className="sr-only" role="status" aria-live="polite">
      {pending === 0 ? "No operations pending." : `${pending} operation${pending === 1 ? "" : "s"} pending; this page updates by itself.`}
    </p>
  );
}
