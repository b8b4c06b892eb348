import { z } from "zod";

export const openBreakGlassSchema = z.object({
  patientId: z.uuid({ error: "Choose the patient." }),
  reason: z.string().trim().min(15, { error: "State the emergency in a sentence (at least 15 characters)." }).max(1_000),
});
export type OpenBreakGlassInput = z.input<typeof openBreakGlassSchema>;

export const reviewBreakGlassSchema = z.object({
  accessId: z.uuid(),
  verdict: z.enum(["JUSTIFIED", "UNJUSTIFIED"], { error: "Choose justified or not justified." }),
  note: z.string().trim().max(1_000).optional().default(""),
});
export type ReviewBreakGlassInput = z.input<typeof reviewBreakGlassSchema>;

export const emergencySearchSchema = z.object({ q: z.string().trim().min(2, { error: "Type at least two letters of the name." }).max(100) });
