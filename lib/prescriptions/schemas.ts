import { z } from "zod";

export const ROUTES = ["oral", "sublingual", "topical", "inhaled", "nasal", "ophthalmic", "otic", "rectal", "vaginal", "transdermal", "subcutaneous", "intramuscular", "intravenous"] as const;
export const FREQUENCIES = ["once daily", "twice daily", "three times daily", "four times daily", "every 4 hours as needed", "every 6 hours as needed", "every 8 hours", "at bedtime", "once weekly", "as needed"] as const;

export const prepareSchema = z.object({ visitId: z.uuid(), drugId: z.uuid({ error: "Choose a drug from the catalogue." }) });

export const signPrescriptionSchema = z.object({
  visitId: z.uuid(),
  drugId: z.uuid({ error: "Choose a drug from the catalogue." }),
  dose: z.string().trim().min(1, { error: "Give the dose, e.g. 1 tablet or 5 mL." }).max(100),
  route: z.enum(ROUTES, { error: "Choose a route." }),
  frequency: z.enum(FREQUENCIES, { error: "Choose how often." }),
  durationDays: z.coerce.number({ error: "Give the duration in days." }).int().min(1, { error: "At least 1 day." }).max(365, { error: "At most 365 days." }),
  quantity: z.coerce.number({ error: "Give the quantity." }).int().min(1, { error: "At least 1." }).max(10_000),
  refills: z.coerce.number({ error: "Give the refills." }).int().min(0).max(11, { error: "At most 11 refills." }),
  instructions: z.string().trim().max(1_000).optional().default(""),
  /** The doctor has seen the warnings and signs all the same. */
  acknowledgeWarnings: z
    .union([z.boolean(), z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === true || v === "on"),
});
export type SignPrescriptionInput = z.input<typeof signPrescriptionSchema>;

/** The public code printed and carried by the QR code, e.g. RX-7K3M-Q9TD-2XWP (Crockford base32, no I, L, O, U). */
export const rxCodeSchema = z.string().trim().toUpperCase().regex(/^RX-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, { error: "Not a prescription code." });
