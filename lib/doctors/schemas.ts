import { z } from "zod";

const text = (label: string, max: number) =>
  z.string({ error: `${label} is required.` }).trim().min(1, { error: `${label} is required.` }).max(max, { error: `${label} is too long.` });

/** What a doctor says about themself in the directory. Languages arrive as one comma-separated field from the form. */
export const doctorProfileSchema = z.object({
  specialty: text("Specialty", 80),
  qualifications: text("Qualifications", 300),
  languages: z
    .string({ error: "List at least one language." })
    .transform((s) => [...new Set(s.split(",").map((l) => l.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(40)).min(1, { error: "List at least one language." }).max(12, { error: "List at most 12 languages." })),
  bio: text("About you", 1_000),
  fee: z.coerce
    .number({ error: "Enter the fee in dollars, e.g. 95 or 95.50." })
    .min(0, { error: "The fee cannot be negative." })
    .max(10_000, { error: "The fee looks too high." })
    .transform((dollars) => Math.round(dollars * 100)),
});

export type DoctorProfileInput = z.input<typeof doctorProfileSchema>;
