import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { authorizeRecord, authorizeRecordParts, purposeOf, SCOPE_OF_DOCUMENT } from "@/lib/records/access";
import { uuidOrNil } from "@/lib/records/get-clinical-entry";
import { patientSealer } from "@/lib/records/keys";
import type { PatientSealer } from "@/lib/records/sealing";
import { DOCUMENT_KINDS } from "./schemas";

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  uploadedBy: string;
  metadata: Record<string, string> | null;
}

function summarize(
  row: { id: string; patientId: string; kind: DocumentKind; titleCipher: string; fileNameCipher: string; mediaType: string; sizeBytes: number; sha256: string; createdAt: Date; metadataCipher: string | null },
  uploadedBy: string,
  sealer: PatientSealer,
): DocumentSummary {
  const open = sealer.open;
  return {
    id: row.id,
    kind: row.kind,
    title: open(row.titleCipher, "Document.title"),
    fileName: open(row.fileNameCipher, "Document.fileName"),
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdAt: row.createdAt,
    uploadedBy,
    metadata: row.metadataCipher ? (JSON.parse(open(row.metadataCipher, "Document.metadata")) as Record<string, string>) : null,
  };
}

/** A patient's documents, newest first: all of them for the patient, the consented kinds for a clinician. */
export async function listDocuments(actor: Actor | null, patientId: string): Promise<DocumentSummary[]> {
  const { allowed, bases } = await authorizeRecordParts(actor, "documents:read", patientId, DOCUMENT_KINDS.map((k) => SCOPE_OF_DOCUMENT[k]), { action: "read", resourceType: "Document" });
  const kinds = DOCUMENT_KINDS.filter((k) => allowed.has(SCOPE_OF_DOCUMENT[k]));
  return db().$transaction(async (tx) => {
    const rows = await tx.document.findMany({ where: { patientId, deletedAt: null, kind: { in: kinds } }, orderBy: { createdAt: "desc" } });
    const people = await tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.uploadedById))] } }, select: { id: true, name: true } });
    const nameOf = new Map(people.map((p) => [p.id, p.name ?? "Unknown"]));
    const sealer = await patientSealer(tx, patientId);
    await recordAudit(tx, { actor, patientId, action: "read", resourceType: "Document", purpose: purposeOf(bases, "list documents") });
    return rows.map((r) => summarize(r, nameOf.get(r.uploadedById) ?? "Unknown", sealer));
  });
}

/** One document's details (not its bytes), checked like its content. */
export async function getDocument(actor: Actor | null, documentId: string): Promise<DocumentSummary & { patientId: string }> {
  const { row, access } = await authorizeDocument(actor, documentId, "read");
  return db().$transaction(async (tx) => {
    const uploader = await tx.user.findUnique({ where: { id: row.uploadedById }, select: { name: true } });
    await recordAudit(tx, { actor, patientId: row.patientId, action: "read", resourceType: "Document", resourceId: row.id, purpose: purposeOf([access], "view document details") });
    return { ...summarize(row, uploader?.name ?? "Unknown", await patientSealer(tx, row.patientId)), patientId: row.patientId };
  });
}

/**
 * The document and the access that allows this actor to it. Looked up by id alone, then checked against its own
 * patient: a patient who changes the id in the URL to another patient's document is refused (and audited).
 */
export async function authorizeDocument(actor: Actor | null, documentId: string, action: string) {
  authorize(actor, "documents:read");
  const row = await db().document.findFirst({ where: { id: uuidOrNil(documentId), deletedAt: null } });
  if (!row) throw new AppError("NOT_FOUND", "No such document.");
  const { access } = await authorizeRecord(actor, "documents:read", row.patientId, SCOPE_OF_DOCUMENT[row.kind], { action, resourceType: "Document", resourceId: row.id });
  return { row, access };
}
