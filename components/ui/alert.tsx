import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";
import { AlertCircleIcon, AlertTriangleIcon, CheckCircleIcon, InfoIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger";

const toneStyle: Record<AlertTone, { box: string; Icon: typeof InfoIcon }> = {
  info: { box: "border-info/30 bg-info-50 text-info", Icon: InfoIcon },
  success: { box: "border-success/30 bg-success-50 text-success", Icon: CheckCircleIcon },
  warning: { box: "border-warning/30 bg-warning-50 text-warning", Icon: AlertTriangleIcon },
  danger: { box: "border-danger/30 bg-danger-50 text-danger", Icon: AlertCircleIcon },
};

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
};

/**
 * An inline message. Danger alerts use role="alert" (announced at once, e.g. a failed form);
 * the others use role="status" (announced politely). Pass `role` to override.
 */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  const { box, Icon } = toneStyle[tone];
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-xl border p-4 text-sm", box, className)}
      {...props}
    >
      <Icon className="mt-0.5 size-5" />
      <div className="flex min-w-0 flex-col gap-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
