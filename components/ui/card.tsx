import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("rounded-xl border border-line bg-surface shadow-sm", className)} {...props} />;
}

export type CardHeaderProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** A button or link aligned to the right of the title. */
  actions?: ReactNode;
  /** Heading level of the title, to fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
};

export function CardHeader({ title, description, actions, headingLevel = 2, className, ...props }: CardHeaderProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cn("flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4", className)}
      {...props}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <Heading className="text-base font-semibold text-ink">{title}</Heading>
        {description && <p className="text-sm text-muted">{description}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}

export function CardBody({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("px-5 py-4", className)} {...props} />;
}
