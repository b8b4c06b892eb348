import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeRecord, purposeOf, SCOPE_OF_DOCUMENT } from "@/lib/records/access";
import { patientSealer } from "@/lib/records/keys";
import { readDicomMetadata } from "./dicom";
import { ACCEPTED_TYPES, detectType, MAX_DOCUMENT_BYTES, TYPE_LABELS } from "./file-types";
import { uploadDocumentSchema, type UploadDocumentFields } from "./schemas";
import { removeStored, storeEncrypted } from "./storage";

const ACCEPTED_LIST = ACCEPTED_TYPES.map((t) => TYPE_LABELS[t]).join(", ");

/**
 * A patient adds a document to their own record, or a clinician (with consent for that part of the record) to a
 * patient's. The type is read from the file's bytes; the file is encrypted before it touches the disk and its
 * SHA-256 recorded, so what is shown later is provably what was uploaded.
 */
export async function uploadDocument(actor: Actor | null, input: UploadDocumentFields & { file: { name: string; bytes: Buffer } }): Promise<{ documentId: string }> {
  const fields = uploadDocumentSchema.parse(input);
  const { access } = await authorizeRecord(actor, "documents:upload", fields.patientId, SCOPE_OF_DOCUMENT[fields.kind], { action: "create", resourceType: "Document" });
  const { bytes, name } = input.file;
  if (bytes.length === 0) throw new AppError("VALIDATION", "The file is empty.", { file: ["Choose a file to upload."] });
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError("VALIDATION", `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, { file: ["This file is too large."] });
  }
  const mediaType = detectType(bytes);
  if (!mediaType) throw new AppError("VALIDATION", `This file is not one we accept. Upload a ${ACCEPTED_LIST}.`, { file: ["Only PDF, PNG, JPEG or DICOM files."] });
  const patient = await db().user.findUnique({ where: { id: fields.patientId }, select: { role: true } });
  if (patient?.role !== "PATIENT") throw new AppError("NOT_FOUND", "No such patient.");

  const documentId = randomUUID();
  const sealer = await patientSealer(db(), fields.patientId);
  const stored = await storeEncrypted(documentId, bytes, sealer);
  try {
    await db().$transaction(async (tx) => {
      await tx.document.create({
        data: {
          id: documentId,
          patientId: fields.patientId,
          uploadedById: actor!.userId,
          kind: fields.kind,
          titleCipher: sealer.seal(fields.title, "Document.title"),
          fileNameCipher: sealer.seal(name.slice(0, 255) || "document", "Document.fileName"),
          mediaType,
          sizeBytes: bytes.length,
          ...stored,
          metadataCipher: mediaType === "application/dicom" ? sealer.seal(JSON.stringify(readDicomMetadata(bytes)), "Document.metadata") : null,
        },
      });
      await recordAudit(tx, { actor, patientId: fields.patientId, action: "create", resourceType: "Document", resourceId: documentId, purpose: purposeOf([access], `upload ${fields.kind.toLowerCase()}`) });
    });
  } catch (error) {
    await removeStored(stored.storageKey);
    throw error;
  }
  return { documentId };
}
