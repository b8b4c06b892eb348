import type { HTMLAttributes } from "react";
import { cn } from "./cn";

type SkeletonBaseProps = HTMLAttributes<HTMLDivElement> & {
  /** Text for screen readers; `false` when a surrounding placeholder already says it. */
  label?: string | false;
};

function LoadingLabel({ label }: { label: string | false }) {
  return label ? <span className="sr-only">{label}</span> : null;
}

const shimmer = "rounded-md bg-line motion-safe:animate-pulse";

/** A placeholder block; size it with className (e.g. "h-24 w-full"). */
export function Skeleton({ label = "Loading…", className, ...props }: SkeletonBaseProps) {
  return (
    <div {...props}>
      <LoadingLabel label={label} />
      <div aria-hidden="true" className={cn(shimmer, "h-4", className)} />
    </div>
  );
}

export type SkeletonTextProps = SkeletonBaseProps & { lines?: number };

/** Lines of placeholder text; the last one is shorter, as a paragraph's usually is. */
export function SkeletonText({ lines = 3, label = "Loading…", className, ...props }: SkeletonTextProps) {
  return (
    <div className={cn("flex flex-col gap-2", className)} {...props}>
      <LoadingLabel label={label} />
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} aria-hidden="true" className={cn(shimmer, "h-4", i === lines - 1 && lines > 1 ? "w-2/3" : "w-full")} />
      ))}
    </div>
  );
}
