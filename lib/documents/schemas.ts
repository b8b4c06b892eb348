import { z } from "zod";

export const DOCUMENT_KINDS = ["EXAM_REPORT", "LAB_RESULT", "IMAGE", "OTHER"] as const;
export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  EXAM_REPORT: "Exam report",
  LAB_RESULT: "Lab result",
  IMAGE: "Image",
  OTHER: "Other",
};

export const uploadDocumentSchema = z.object({
  patientId: z.uuid({ error: "Unknown patient." }),
  kind: z.enum(DOCUMENT_KINDS, { error: "Choose what kind of document this is." }),
  title: z.string({ error: "Give the document a title." }).trim().min(1, { error: "Give the document a title." }).max(200, { error: "The title is too long." }),
});
export type UploadDocumentFields = z.input<typeof uploadDocumentSchema>;
