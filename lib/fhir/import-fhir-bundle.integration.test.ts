import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { importFhirBundle } from "./import-fhir-bundle";
import { KIND_OF, SUPPORTED_TYPES } from "./map";
import { syntheaSamplesDir } from "./samples";

// The shared synthetic bundles (../shared/fhir/synthea-r4, see its README); read, never copied into the project.
const SAMPLES = syntheaSamplesDir()!;
const FILES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".json"))
  .sort();
const bySize = [...FILES].sort((a, b) => statSync(join(SAMPLES, b)).size - statSync(join(SAMPLES, a)).size);

/** What the bundle itself says: entries per supported type. */
function countsInBundle(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of (JSON.parse(text) as { entry: { resource: { resourceType: string } }[] }).entry) {
    const t = e.resource.resourceType;
    if ((SUPPORTED_TYPES as readonly string[]).includes(t)) counts[t] = (counts[t] ?? 0) + 1;
  }
  return counts;
}

async function countsInRecord(patientId: string): Promise<Record<string, number>> {
  const rows = await db().clinicalEntry.groupBy({ by: ["kind"], where: { patientId }, _count: { _all: true } });
  const byKind = new Map(rows.map((r) => [r.kind, r._count._all]));
  return Object.fromEntries(Object.entries(KIND_OF).flatMap(([type, kind]) => (byKind.get(kind) ? [[type, byKind.get(kind)!]] : [])));
}

describe("FHIR R4 import of every shared Synthea bundle", () => {
  it("finds the 63 bundles", () => {
    expect(FILES.length).toBe(63);
  });

  it(
    "imports each, with per-type counts equal to the bundle's, and a second import changes nothing",
    async () => {
      const started = performance.now();
      for (const file of FILES) {
        const text = readFileSync(join(SAMPLES, file), "utf8");
        const patient = await createActor("PATIENT");
        const result = await importFhirBundle(patient, { patientId: patient.userId, text });
        const expected = countsInBundle(text);
        const { Patient: patients, ...clinical } = expected;
        expect(patients, file).toBe(1);
        expect(result.created, file).toBe(true);
        expect(await countsInRecord(patient.userId), file).toEqual(clinical);
        expect(result.imported, file).toEqual(expected);
        expect(result.inserted).toBe(Object.values(clinical).reduce((a, b) => a + b, 0));

        const entriesBefore = await db().clinicalEntry.count({ where: { patientId: patient.userId } });
        const again = await importFhirBundle(patient, { patientId: patient.userId, text });
        expect(again).toMatchObject({ created: false, inserted: 0, importId: result.importId });
        expect(await db().clinicalEntry.count({ where: { patientId: patient.userId } })).toBe(entriesBefore);
        expect(await db().fhirImport.count({ where: { patientId: patient.userId } })).toBe(1);
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`[fhir] imported and re-imported all ${FILES.length} bundles in ${seconds.toFixed(1)} s`);
    },
    600_000,
  );

  it("imports the largest bundle in seconds, keeping codes and original dates", async () => {
    const file = bySize[0]!;
    const text = readFileSync(join(SAMPLES, file), "utf8");
    const patient = await createActor("PATIENT");
    const started = performance.now();
    const result = await importFhirBundle(patient, { patientId: patient.userId, text });
    const seconds = (performance.now() - started) / 1000;
    console.log(`[fhir] largest bundle (${(text.length / 1e6).toFixed(1)} MB, ${result.inserted} entries) in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(10);

    const bundle = JSON.parse(text) as { entry: { fullUrl: string; resource: Record<string, unknown> }[] };
    const condition = bundle.entry.find((e) => e.resource.resourceType === "Condition")!;
    const row = await db().clinicalEntry.findUniqueOrThrow({ where: { patientId_sourceKey: { patientId: patient.userId, sourceKey: condition.fullUrl } } });
    const coding = (condition.resource.code as { coding: { system: string; code: string; display: string }[] }).coding[0]!;
    expect(row).toMatchObject({ kind: "CONDITION", codeSystem: coding.system, code: coding.code, display: coding.display, source: "FHIR_IMPORT" });
    expect(row.occurredAt?.toISOString()).toBe(new Date(condition.resource.onsetDateTime as string).toISOString());
  });
});

describe("FHIR import refuses what it cannot take, and writes nothing", () => {
  const small = readFileSync(join(SAMPLES, bySize[bySize.length - 1]!), "utf8");

  async function refusal(text: string, patient?: Awaited<ReturnType<typeof createActor>>) {
    const actor = patient ?? (await createActor("PATIENT"));
    const error = await importFhirBundle(actor, { patientId: actor.userId, text }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(await db().clinicalEntry.count({ where: { patientId: actor.userId } })).toBe(0);
    expect(await db().fhirImport.count({ where: { patientId: actor.userId } })).toBe(0);
    return error as AppError;
  }

  it("says what is wrong with a bundle whose last entry is broken, and imports none of it", async () => {
    const bundle = JSON.parse(small) as { entry: { resource: Record<string, unknown> }[] };
    const lastCondition = [...bundle.entry].reverse().find((e) => e.resource.resourceType === "Condition" || e.resource.resourceType === "Observation")!;
    delete lastCondition.resource.code;
    const index = bundle.entry.indexOf(lastCondition);
    const error = await refusal(JSON.stringify(bundle));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain(`entry ${index + 1} (${String(lastCondition.resource.resourceType)}): code is missing`);
    expect(error.message).toMatch(/^Nothing was imported/);
  });

  it("refuses a file that is not JSON, not a bundle, or has no patient", async () => {
    expect((await refusal("{not json")).message).toContain("not valid JSON");
    expect((await refusal(JSON.stringify({ resourceType: "Patient" }))).message).toContain("expected a FHIR Bundle");
    const noPatient = JSON.parse(small) as { entry: { resource: { resourceType: string } }[] };
    noPatient.entry = noPatient.entry.filter((e) => e.resource.resourceType !== "Patient");
    expect((await refusal(JSON.stringify(noPatient))).message).toContain("no Patient");
  });

  it("refuses bad dates and entries about another patient", async () => {
    const bundle = JSON.parse(small) as { entry: { resource: Record<string, unknown> }[] };
    const imm = bundle.entry.find((e) => e.resource.resourceType === "Immunization" || e.resource.resourceType === "Encounter")!;
    if (imm.resource.resourceType === "Immunization") imm.resource.occurrenceDateTime = "last tuesday";
    else imm.resource.period = { start: "2020-13-45" };
    const enc = bundle.entry.find((e) => e.resource.resourceType === "Procedure" || e.resource.resourceType === "Observation")!;
    enc.resource.subject = { reference: "urn:uuid:someone-else" };
    const error = await refusal(JSON.stringify(bundle));
    expect(error.message).toMatch(/problems/);
    expect(error.message).toContain("not a FHIR date");
    expect(error.message).toContain("is about another patient");
  });

  it("imports a bundle once when the same upload arrives several times at once", async () => {
    const patient = await createActor("PATIENT");
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => importFhirBundle(patient, { patientId: patient.userId, text: small })));
    const created = outcomes.filter((o) => o.status === "fulfilled" && o.value.created);
    expect(created).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db().fhirImport.count({ where: { patientId: patient.userId } })).toBe(1);
    const { Patient: _patient, ...clinical } = countsInBundle(small);
    expect(await countsInRecord(patient.userId)).toEqual(clinical);
  });

  it("reports unsupported resource types as skipped, by type", async () => {
    const patient = await createActor("PATIENT");
    const result = await importFhirBundle(patient, { patientId: patient.userId, text: small });
    const types = new Set((JSON.parse(small) as { entry: { resource: { resourceType: string } }[] }).entry.map((e) => e.resource.resourceType));
    for (const t of types) if (!(SUPPORTED_TYPES as readonly string[]).includes(t)) expect(result.skipped[t]).toBeGreaterThan(0);
  });

  it("lets nobody import into another patient's record, and audits the attempt", async () => {
    const [mallory, victim] = [await createActor("PATIENT"), await createActor("PATIENT")];
    const error = await importFhirBundle(mallory, { patientId: victim.userId, text: small }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    expect(await db().clinicalEntry.count({ where: { patientId: victim.userId } })).toBe(0);
    const denied = await db().auditEvent.findFirst({ where: { actorId: mallory.userId, patientId: victim.userId, outcome: "DENIED" } });
    expect(denied).not.toBeNull();
  });
});
