import { z } from "zod";

const text = (label: string, max = 120) =>
  z.string({ error: `${label} is required.` }).trim().min(1, { error: `${label} is required.` }).max(max, { error: `${label} is too long.` });

const phone = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, { error: `${label}: use digits, spaces and an optional leading +.` });

export const SEXES = ["FEMALE", "MALE", "OTHER", "UNKNOWN"] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  FEMALE: "Female",
  MALE: "Male",
  OTHER: "Other",
  UNKNOWN: "Prefer not to say",
};

/** How to reach the patient and their emergency contact: asked at onboarding, edited later on the record. */
export const contactDetailsSchema = z.object({
  phone: phone("Phone"),
  addressLine: text("Street address", 200),
  city: text("City", 100),
  postalCode: text("Postal code", 20),
  country: text("Country", 80),
  emergencyContactName: text("Emergency contact name", 120),
  emergencyContactPhone: phone("Emergency contact phone"),
  emergencyContactRelation: text("Relationship", 60),
});
export type ContactDetailsInput = z.input<typeof contactDetailsSchema>;

export const onboardingSchema = z.object({
  givenName: text("First name", 80),
  familyName: text("Last name", 80),
  dateOfBirth: z.iso
    .date({ error: "Enter your date of birth." })
    .refine((d) => new Date(d) <= new Date(), { error: "The date of birth cannot be in the future." })
    .refine((d) => new Date(d) >= new Date("1900-01-01"), { error: "Check the year of birth." }),
  sex: z.enum(SEXES, { error: "Choose an option." }),
  ...contactDetailsSchema.shape,
});

export type OnboardingInput = z.infer<typeof onboardingSchema>;
