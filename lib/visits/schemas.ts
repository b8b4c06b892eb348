import { z } from "zod";

const note = z.string().trim().max(20_000, { error: "Keep each note under 20,000 characters." }).default("");
const measure = (min: number, max: number, label: string) =>
  z
    .union([z.literal(""), z.null(), z.coerce.number()])
    .optional()
    .transform((v) => (v === "" || v === null || v === undefined ? null : v))
    .refine((v) => v === null || (Number.isFinite(v) && v >= min && v <= max), { error: `${label} must be between ${min} and ${max}.` });

export const soapSchema = z.object({ subjective: note, objective: note, assessment: note, plan: note });
export type SoapNotes = z.infer<typeof soapSchema>;

export const vitalsSchema = z.object({
  systolicMmHg: measure(50, 300, "Systolic pressure"),
  diastolicMmHg: measure(20, 200, "Diastolic pressure"),
  heartRateBpm: measure(20, 250, "Heart rate"),
  respiratoryRate: measure(4, 80, "Respiratory rate"),
  temperatureC: measure(30, 45, "Temperature"),
  spo2Percent: measure(50, 100, "Oxygen saturation"),
  weightKg: measure(0.5, 400, "Weight"),
  heightCm: measure(20, 260, "Height"),
});
export type Vitals = z.infer<typeof vitalsSchema>;
export const VITAL_FIELDS = Object.keys(vitalsSchema.shape) as (keyof Vitals)[];

export const saveVisitSchema = z.object({ visitId: z.uuid() }).extend(soapSchema.shape).extend(vitalsSchema.shape);
export type SaveVisitInput = z.input<typeof saveVisitSchema>;

export const visitIdSchema = z.object({ visitId: z.uuid() });

export const addDiagnosisSchema = z.object({
  visitId: z.uuid(),
  code: z.string().trim().min(1, { error: "Choose a code." }),
  isPrimary: z
    .union([z.boolean(), z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === true || v === "on"),
});
export const removeDiagnosisSchema = z.object({ diagnosisId: z.uuid() });

export const addExamOrderSchema = z.object({
  visitId: z.uuid(),
  name: z.string().trim().min(2, { error: "Name the exam or test." }).max(200),
  instructions: z.string().trim().max(2_000).optional().default(""),
});
export const removeExamOrderSchema = z.object({ orderId: z.uuid() });

export const amendVisitSchema = z
  .object({ visitId: z.uuid(), reason: z.string().trim().min(5, { error: "Say why the record is amended." }).max(1_000) })
  .extend(soapSchema.shape);
export type AmendVisitInput = z.input<typeof amendVisitSchema>;

export const startVisitSchema = z.object({ appointmentId: z.uuid() });
