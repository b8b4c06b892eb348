import { z } from "zod";

const text = (label: string, max = 200) =>
  z.string({ error: `${label} is required.` }).trim().min(1, { error: `${label} is required.` }).max(max, { error: `${label} is too long.` });
const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is too long.` })
    .nullish()
    .transform((v) => (v ? v : null));
const optionalDate = (label: string) =>
  z
    .union([z.literal(""), z.iso.date({ error: `${label}: use a date like 2024-05-31.` })])
    .nullish()
    .transform((v) => (v ? v : null));

/** Kinds a clinician adds by hand (imports bring the others too). */
export const EDITABLE_KINDS = ["CONDITION", "ALLERGY", "MEDICATION", "IMMUNIZATION", "PROCEDURE", "FAMILY_HISTORY", "OBSERVATION"] as const;
export const KIND_LABELS = {
  CONDITION: "Condition",
  ALLERGY: "Allergy",
  MEDICATION: "Medication",
  IMMUNIZATION: "Immunization",
  OBSERVATION: "Observation",
  PROCEDURE: "Procedure",
  ENCOUNTER: "Encounter",
  DIAGNOSTIC_REPORT: "Diagnostic report",
  FAMILY_HISTORY: "Family history",
} as const;

export const CODE_SYSTEMS = {
  "http://snomed.info/sct": "SNOMED CT",
  "http://loinc.org": "LOINC",
  "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
  "http://hl7.org/fhir/sid/cvx": "CVX",
  "http://hl7.org/fhir/sid/icd-10": "ICD-10",
} as const;

export const clinicalEntryFields = z
  .object({
    codeSystem: z
      .union([z.literal(""), z.enum(Object.keys(CODE_SYSTEMS) as [keyof typeof CODE_SYSTEMS, ...(keyof typeof CODE_SYSTEMS)[]])])
      .nullish()
      .transform((v) => (v ? v : null)),
    code: optionalText("Code", 40),
    display: text("Name", 300),
    status: optionalText("Status", 40),
    occurredAt: optionalDate("Date"),
    endedAt: optionalDate("End date"),
    note: optionalText("Note", 4000),
    relationship: optionalText("Relationship", 60),
  })
  .refine((v) => !v.code || v.codeSystem, { error: "Choose the code system the code belongs to.", path: ["codeSystem"] })
  .refine((v) => !v.endedAt || !v.occurredAt || v.endedAt >= v.occurredAt, { error: "The end date is before the start date.", path: ["endedAt"] });

export const addClinicalEntrySchema = z.intersection(
  z.object({ patientId: z.uuid({ error: "Unknown patient." }), kind: z.enum(EDITABLE_KINDS, { error: "Choose what kind of entry this is." }) }),
  clinicalEntryFields,
);
export type AddClinicalEntryInput = z.input<typeof addClinicalEntrySchema>;

export const updateClinicalEntrySchema = z.intersection(
  z.object({
    patientId: z.uuid({ error: "Unknown patient." }),
    entryId: z.uuid({ error: "Unknown entry." }),
    expectedVersion: z.coerce.number().int().positive(),
  }),
  clinicalEntryFields,
);
export type UpdateClinicalEntryInput = z.input<typeof updateClinicalEntrySchema>;

export const insuranceSchema = z
  .object({
    insuranceId: z
      .union([z.literal(""), z.uuid()])
      .nullish()
      .transform((v) => (v ? v : null)),
    expectedVersion: z.coerce.number().int().nonnegative().default(0),
    payer: text("Insurer", 120),
    planName: optionalText("Plan", 120),
    memberId: text("Member number", 60),
    groupNumber: optionalText("Group number", 60),
    validFrom: optionalDate("Valid from"),
    validTo: optionalDate("Valid until"),
  })
  .refine((v) => !v.validTo || !v.validFrom || v.validTo >= v.validFrom, { error: "Valid until is before valid from.", path: ["validTo"] });
export type InsuranceInput = z.input<typeof insuranceSchema>;

export { contactDetailsSchema, type ContactDetailsInput } from "@/lib/patients/schemas";
