import type { BadgeTone } from "@/components/ui";
import type { PurchaseOrderStatus } from "@/lib/generated/prisma/enums";

export const ORDER_STATUS: Record<PurchaseOrderStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  SENT: { label: "Sent", tone: "info" },
  PARTIALLY_RECEIVED: { label: "Partly received", tone: "warning" },
  RECEIVED: { label: "Received", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "danger" },
};
