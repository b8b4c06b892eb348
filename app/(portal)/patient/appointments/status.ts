import type { BadgeTone } from "@/components/ui";
import type { AppointmentStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  BOOKED: "Booked",
  CHECKED_IN: "Checked in",
  IN_PROGRESS: "In visit",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  NO_SHOW: "Not attended",
};

export const STATUS_TONE: Record<AppointmentStatus, BadgeTone> = {
  BOOKED: "info",
  CHECKED_IN: "pending",
  IN_PROGRESS: "pending",
  COMPLETED: "success",
  CANCELLED: "neutral",
  NO_SHOW: "warning",
};
