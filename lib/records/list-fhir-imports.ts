import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorizeOwnRecord } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import type { SourcePatient } from "@/lib/fhir/map";
import { patientSealer } from "./keys";

export interface FhirImportView {
  id: string;
  createdAt: Date;
  sourcePatient: SourcePatient | null;
  imported: Record<string, number>;
  skipped: Record<string, number>;
}

/** The bundles imported into a patient's record, newest first. */
export async function listFhirImports(actor: Actor | null, patientId: string): Promise<FhirImportView[]> {
  authorizeOwnRecord(actor, patientId);
  return db().$transaction(async (tx) => {
    const rows = await tx.fhirImport.findMany({ where: { patientId }, orderBy: { createdAt: "desc" } });
    const sealer = await patientSealer(tx, patientId);
    await recordAudit(tx, { actor, patientId, action: "read", resourceType: "FhirImport", purpose: "view imports" });
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      sourcePatient: r.sourcePatientCipher ? (JSON.parse(sealer.open(r.sourcePatientCipher, "FhirImport.sourcePatient")) as SourcePatient) : null,
      imported: r.imported as Record<string, number>,
      skipped: r.skipped as Record<string, number>,
    }));
  });
}
