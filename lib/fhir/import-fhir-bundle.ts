import "server-only";
import { recordAudit, recordAuditNow } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize, authorizeOwnRecord } from "@/lib/authz/policy";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { patientSealer } from "@/lib/records/keys";
import { BundleError, describeIssue, parseBundleText } from "./map";
import { sha256Hex, writeBundle, type ImportResult } from "./write";

export const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
const SHOWN_ISSUES = 10;

/**
 * Imports a FHIR R4 bundle into a patient's record, for the patient or an admin acting for them. All or nothing:
 * the bundle is checked whole before anything is written, and written in one transaction. Importing the same
 * bundle again changes nothing.
 */
export async function importFhirBundle(actor: Actor | null, input: { patientId: string; text: string }): Promise<ImportResult> {
  authorize(actor, "records:import");
  try {
    authorizeOwnRecord(actor, input.patientId);
  } catch (error) {
    await recordAuditNow({ actor, patientId: input.patientId, action: "import", resourceType: "FhirBundle", purpose: "refused: not the patient's own record", outcome: "DENIED" });
    throw error;
  }
  if (Buffer.byteLength(input.text) > MAX_BUNDLE_BYTES) {
    throw new AppError("VALIDATION", `The bundle is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB. Split it, or ask the clinic to import it.`);
  }
  let bundle;
  try {
    bundle = parseBundleText(input.text);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    const shown = error.issues.slice(0, SHOWN_ISSUES).map(describeIssue);
    const more = error.issues.length > SHOWN_ISSUES ? ` …and ${error.issues.length - SHOWN_ISSUES} more.` : "";
    throw new AppError("VALIDATION", `Nothing was imported: the bundle has ${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}. ${shown.join("; ")}.${more}`);
  }
  const patient = await db().user.findUnique({ where: { id: input.patientId }, select: { role: true } });
  if (patient?.role !== "PATIENT") throw new AppError("NOT_FOUND", "No such patient.");
  const bundleSha256 = sha256Hex(input.text);
  try {
    return await db().$transaction(
      async (tx) => {
        const result = await writeBundle(tx, { patientId: input.patientId, importedById: actor.userId, bundle, bundleSha256, sealer: await patientSealer(tx, input.patientId) });
        await recordAudit(tx, {
          actor,
          patientId: input.patientId,
          action: result.created ? "import" : "import-repeat",
          resourceType: "FhirBundle",
          resourceId: result.importId,
          purpose: result.created ? `imported ${result.inserted} entries` : "the same bundle again: nothing changed",
        });
        return result;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Two uploads of one bundle at once: the other one imported it.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This bundle is being imported already. Refresh in a moment.");
    throw error;
  }
}
