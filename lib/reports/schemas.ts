import { z } from "zod";

/** The periods the clinic report offers: the last 7, 30 or 90 clinic days, today included. */
export const REPORT_PERIODS = [7, 30, 90] as const;

export const clinicReportSchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((d): d is (typeof REPORT_PERIODS)[number] => (REPORT_PERIODS as readonly number[]).includes(d), "Choose 7, 30 or 90 days.")
    .default(30),
});

export type ClinicReportInput = z.input<typeof clinicReportSchema>;
