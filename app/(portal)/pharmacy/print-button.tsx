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

/**
 * On a page with this, printing shows only the elements marked data-print (the receipt, the label), not the
 * portal's header and navigation.
 */
export function PrintOnlyMarked() {
  return (
    <style>{`@media print {
  body * { visibility: hidden; }
  [data-print], [data-print] * { visibility: visible; }
  [data-print] { break-inside: avoid; }
  #print-area { position: absolute; left: 0; top: 0; }
}`}</style>
  );
}
