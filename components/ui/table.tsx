import { useId, type HTMLAttributes, type ReactNode, type TableHTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { cn } from "./cn";

export type TableProps = TableHTMLAttributes<HTMLTableElement> & {
  /** Names the table (and its scroll region) for assistive technology. */
  caption: ReactNode;
  /** Keep the caption for screen readers only, when a visible heading already says the same. */
  captionHidden?: boolean;
};

/**
 * A table inside a horizontally scrolling region. The region is focusable so keyboard users can
 * scroll it, and it is labelled by the caption.
 */
export function Table({ caption, captionHidden = false, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="w-full overflow-x-auto rounded-xl border border-line bg-surface"
    >
      <table className={cn("w-full border-collapse text-left text-sm text-ink", className)} {...props}>
        <caption
          id={captionId}
          className={cn(captionHidden ? "sr-only" : "px-4 pt-4 pb-2 text-left text-base font-semibold text-ink")}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-line bg-canvas", className)} {...props} />;
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-line", className)} {...props} />;
}

export function TR({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("hover:bg-canvas/60", className)} {...props} />;
}

type CellAlignment = {
  /** Right-aligns with tabular figures, for amounts and counts. */
  numeric?: boolean;
};

export function TH({ scope = "col", numeric, className, ...props }: ThHTMLAttributes<HTMLTableCellElement> & CellAlignment) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-4 py-3 text-xs font-semibold tracking-wide whitespace-nowrap text-muted uppercase",
        numeric && "text-right",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ numeric, className, ...props }: TdHTMLAttributes<HTMLTableCellElement> & CellAlignment) {
  return <td className={cn("px-4 py-3 align-top", numeric && "text-right tabular-nums", className)} {...props} />;
}
