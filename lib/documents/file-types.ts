/**
 * What a file really is, from its first bytes: the name and the browser's claimed type are not trusted.
 * PDF "%PDF-", PNG's 8-byte signature, JPEG's FF D8 FF, DICOM Part 10's "DICM" after a 128-byte preamble.
 */
export const ACCEPTED_TYPES = ["application/pdf", "image/png", "image/jpeg", "application/dicom"] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export const TYPE_LABELS: Record<AcceptedType, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "application/dicom": "DICOM image",
};

export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function detectType(bytes: Buffer): AcceptedType | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (bytes.subarray(0, 8).equals(PNG)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length > 132 && bytes.subarray(128, 132).toString("latin1") === "DICM") return "application/dicom";
  return null;
}

/** Whether the browser can show the file itself (DICOM needs a viewer: it is downloaded instead). */
export const viewableInBrowser = (type: string) => type !== "application/dicom";
