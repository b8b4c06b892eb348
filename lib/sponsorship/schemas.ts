import { z } from "zod";
import { ROLES } from "@/lib/authz/actor";

/** Gas units per UTC day, typed by an admin; 0 stops sponsorship. Capped well below any real block gas limit. */
const dailyGas = z.coerce
  .number({ error: "Enter a number of gas units." })
  .int("Enter a whole number.")
  .min(0, "Cannot be negative.")
  .max(1_000_000_000, "At most 1,000,000,000 gas a day.");

export const setRoleBudgetSchema = z.object({ role: z.enum(ROLES), dailyGas });
export type SetRoleBudgetInput = z.infer<typeof setRoleBudgetSchema>;

/** An empty amount removes the user's override, so the role's budget applies again. */
export const setUserBudgetSchema = z.object({
  email: z.email("Enter the user's email address.").transform((e) => e.toLowerCase()),
  dailyGas: z.preprocess((v) => (v === "" ? null : v), dailyGas.nullable()),
});
export type SetUserBudgetInput = z.input<typeof setUserBudgetSchema>;
