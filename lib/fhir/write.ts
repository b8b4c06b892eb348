import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PatientSealer } from "@/lib/records/sealing";
import type { ParsedBundle } from "./map";

/** The part of a Prisma client (or transaction) the import writes with. */
export interface ImportDb {
  fhirImport: Pick<Prisma.TransactionClient["fhirImport"], "findUnique" | "create">;
  clinicalEntry: Pick<Prisma.TransactionClient["clinicalEntry"], "createMany">;
}

export interface ImportResult {
  importId: string;
  /** False when this very bundle was imported before: nothing was written. */
  created: boolean;
  /** Entries written now; entries already in the record (same fullUrl or id) are left alone. */
  inserted: number;
  imported: Record<string, number>;
  skipped: Record<string, number>;
}

const CHUNK = 2_000;

export function sha256Hex(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Writes a parsed bundle into a patient's record, inside the caller's transaction. The same bundle (by hash) is a
 * no-op; entries keyed by fullUrl/id that the record already has are skipped, so overlapping bundles never duplicate.
 */
export async function writeBundle(
  tx: ImportDb,
  input: { patientId: string; importedById: string | null; bundle: ParsedBundle; bundleSha256: string; sealer: PatientSealer },
): Promise<ImportResult> {
  const { patientId, bundle, sealer } = input;
  const previous = await tx.fhirImport.findUnique({ where: { patientId_bundleSha256: { patientId, bundleSha256: input.bundleSha256 } } });
  if (previous) {
    return { importId: previous.id, created: false, inserted: 0, imported: previous.imported as Record<string, number>, skipped: previous.skipped as Record<string, number> };
  }
  const row = await tx.fhirImport.create({
    data: {
      patientId,
      importedById: input.importedById,
      bundleSha256: input.bundleSha256,
      sourcePatientCipher: sealer.seal(JSON.stringify(bundle.patient), "FhirImport.sourcePatient"),
      imported: bundle.imported,
      skipped: bundle.skipped,
    },
  });
  const rows: Prisma.ClinicalEntryCreateManyInput[] = bundle.entries.map((e) => ({
    id: randomUUID(),
    patientId,
    kind: e.kind,
    codeSystem: e.codeSystem,
    code: e.code,
    display: e.display,
    status: e.status,
    category: e.category,
    occurredAt: e.occurredAt,
    endedAt: e.endedAt,
    valueNumber: e.valueNumber,
    valueUnit: e.valueUnit,
    valueText: e.valueText,
    details: (e.details ?? undefined) as Prisma.InputJsonValue | undefined,
    noteCipher: e.note ? sealer.seal(e.note, "ClinicalEntry.note") : null,
    encounterKey: e.encounterKey,
    source: "FHIR_IMPORT",
    sourceKey: e.sourceKey,
    importId: row.id,
    createdById: input.importedById,
    updatedById: input.importedById,
  }));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    inserted += (await tx.clinicalEntry.createMany({ data: rows.slice(i, i + CHUNK), skipDuplicates: true })).count;
  }
  return { importId: row.id, created: true, inserted, imported: bundle.imported, skipped: bundle.skipped };
}
