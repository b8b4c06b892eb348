import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { syntheaSamplesDir } from "../../lib/fhir/samples.ts";
import type { PrismaClient } from "../../lib/generated/prisma/client.ts";
import type { MasterKeys } from "../../lib/crypto/envelope.ts";
import { parseBundleText } from "../../lib/fhir/map.ts";
import { sha256Hex, writeBundle } from "../../lib/fhir/write.ts";
import { patientSealer } from "../../lib/records/keys.ts";

/**
 * Demo histories: a few of the shared synthetic Synthea bundles (../shared/fhir/synthea-r4, Apache-2.0, no real
 * person), each imported into the demo patient of similar age and sex, through the same import as the portal's.
 * Read at seed time only; when the folder is absent (or no master key is given) the demo clinic simply has no
 * imported histories. Importing again changes nothing.
 */
export const DEMO_HISTORIES: Record<string, string> = {
  "patient@example.com": "patient-165b0894-dab7-4721-802c-cae4bbb2eace.json",
  "james.walker@example.com": "patient-75c71918-f07f-4492-af1a-ce006a1e8aaf.json",
  "aisha.khan@example.com": "patient-9372184d-1913-44e7-b114-f126257b4abc.json",
  "noah.bennett@example.com": "patient-21177cbf-c2b8-4f55-9765-dc333a5fd5d9.json",
  "mei.tanaka@example.com": "patient-29d755a6-32fa-482e-8fdd-081300209df8.json",
  "oluwaseun.adeyemi@example.com": "patient-5897ac59-dcad-4652-8846-cf9d645d546d.json",
};

export async function seedDemoRecords(prisma: PrismaClient, log: (msg: string) => void, masterKeys: MasterKeys | undefined): Promise<void> {
  if (!masterKeys) return log("demo histories skipped: no master key to seal them with");
  const samples = syntheaSamplesDir();
  if (!samples) return log("demo histories skipped: ../shared/fhir/synthea-r4 is not there");
  let entries = 0;
  for (const [email, file] of Object.entries(DEMO_HISTORIES)) {
    const path = join(samples, file);
    const patient = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (!patient || !existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    const result = await prisma.$transaction(
      async (tx) => writeBundle(tx, { patientId: patient.id, importedById: null, bundle: parseBundleText(text), bundleSha256: sha256Hex(text), sealer: await patientSealer(tx, patient.id, masterKeys) }),
      { timeout: 120_000 },
    );
    entries += result.inserted;
  }
  log(`seeded demo histories from Synthea bundles: ${entries} new entries`);
}
