import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { purposeOf } from "@/lib/records/access";
import { patientSealer } from "@/lib/records/keys";
import { authorizeDocument } from "./list-documents";
import { readDecrypted } from "./storage";

/** A document's bytes, decrypted and checked against the recorded hash, for the browser to show; audited. */
export async function openDocument(actor: Actor | null, documentId: string): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const { row, access } = await authorizeDocument(actor, documentId, "open");
  const sealer = await patientSealer(db(), row.patientId);
  const bytes = await readDecrypted(row, sealer);
  await db().$transaction((tx) =>
    recordAudit(tx, { actor, patientId: row.patientId, action: "open", resourceType: "Document", resourceId: row.id, purpose: purposeOf([access], "view document") }),
  );
  return { bytes, mediaType: row.mediaType, fileName: sealer.open(row.fileNameCipher, "Document.fileName") };
}
