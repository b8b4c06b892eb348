import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";

export const STAFF_ROLE_LABELS = { DOCTOR: "Doctor", PHARMACIST: "Pharmacist", ADMIN: "Administrator" } as const;
export const ROLE_LABELS = { PATIENT: "Patient", ...STAFF_ROLE_LABELS } as const;

export const inviteStaffSchema = z.object({
  email: emailSchema,
  name: z.string({ error: "Enter the person's name." }).trim().min(2, { error: "Enter the person's name." }).max(120),
  role: z.enum(["DOCTOR", "PHARMACIST", "ADMIN"], { error: "Choose a role." }),
});
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;

export const setUserStatusSchema = z.object({
  userId: z.uuid({ error: "Unknown user." }),
  status: z.enum(["ACTIVE", "DISABLED"]),
});
