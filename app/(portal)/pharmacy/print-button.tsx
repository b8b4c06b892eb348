"use client";

import { Button } from "@/components/ui";

/** Prints the page (receipts and labels have print styles that hide the portal's frame). */
export function PrintButton({ autoFocus, label = "Print receipt" }: { autoFocus?: boolean; label?: string }) {
  return (
    <Button size="lg" autoFocus={autoFocus} onClick={() => window.print()}>
      {label}
    </Button>
  );
}
