import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "pending";

const toneClasses: Record<BadgeTone, string> = {
  neutral: "bg-canvas text-muted ring-line-strong/40",
  success: "bg-success-50 text-success ring-success/30",
  warning: "bg-warning-50 text-warning ring-warning/30",
  danger: "bg-danger-50 text-danger ring-danger/30",
  info: "bg-info-50 text-info ring-info/30",
  pending: "bg-pending-50 text-pending ring-pending/30",
};

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone };

/** A short status label. The text carries the meaning; the colour and dot only reinforce it. */
export function Badge({ tone = "neutral", className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        toneClasses[tone],
        className,
      )}
      {...props}
    >
      <span
        aria-hidden="true"
        className={cn("size-1.5 rounded-full bg-current", tone === "pending" && "motion-safe:animate-pulse")}
      />
      {children}
    </span>
  );
}

/** The life of an on-chain operation, as the UI shows it. */
export type OperationStatus = "pending" | "confirmed" | "failed";

const statusDisplay: Record<OperationStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "pending" },
  confirmed: { label: "Confirmed", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

export type StatusBadgeProps = Omit<BadgeProps, "tone"> & { status: OperationStatus };

/** Label and tone for an operation's status; children replace the default label. */
export function StatusBadge({ status, children, ...props }: StatusBadgeProps) {
  const { label, tone } = statusDisplay[status];
  return (
    <Badge tone={tone} {...props}>
      {children ?? label}
    </Badge>
  );
}
