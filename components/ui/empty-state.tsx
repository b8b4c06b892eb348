import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";
import { InboxIcon } from "./icons";

export type EmptyStateProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Defaults to an inbox; pass a decorative icon element to replace it. */
  icon?: ReactNode;
  /** Usually a Button or ButtonLink that creates the first item. */
  action?: ReactNode;
  /** Heading level of the title, to fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
};

export function EmptyState({
  title,
  description,
  icon,
  action,
  headingLevel = 2,
  className,
  ...props
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-3 rounded-xl border border-dashed border-line-strong/50 bg-surface px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700">
        {icon ?? <InboxIcon className="size-6" />}
      </span>
      <Heading className="text-base font-semibold text-ink">{title}</Heading>
      {description && <p className="max-w-md text-sm text-muted">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
