import { describe, expect, it } from "vitest";
import { BundleError, codeSystemLabel, parseBundle, parseBundleText, parseFhirDate } from "./map";

const patient = { fullUrl: "urn:uuid:p1", resource: { resourceType: "Patient", id: "p1", name: [{ given: ["Ada"], family: "Lovelace" }], birthDate: "1815-12", gender: "female" } };
const bundle = (...entries: unknown[]) => ({ resourceType: "Bundle", type: "transaction", entry: [patient, ...entries] });
const issuesOf = (json: unknown) => {
  try {
    parseBundle(json);
  } catch (error) {
    if (error instanceof BundleError) return error.issues.map((i) => `${i.entry}:${i.message}`);
    throw error;
  }
  return [];
};

describe("FHIR dates", () => {
  it("reads dates, partial dates and date-times with offsets", () => {
    expect(parseFhirDate("2019", "d")?.toISOString()).toBe("2019-01-01T00:00:00.000Z");
    expect(parseFhirDate("2019-04", "d")?.toISOString()).toBe("2019-04-01T00:00:00.000Z");
    expect(parseFhirDate("2019-04-02", "d")?.toISOString()).toBe("2019-04-02T00:00:00.000Z");
    expect(parseFhirDate("2019-04-02T10:30:00-05:00", "d")?.toISOString()).toBe("2019-04-02T15:30:00.000Z");
    expect(parseFhirDate(undefined, "d")).toBeNull();
  });

  it("refuses what is not a FHIR date", () => {
    for (const bad of ["yesterday", "2019-13-01", "2019-02-30T25:00:00Z", 20190402]) expect(() => parseFhirDate(bad, "onset")).toThrow(/onset/);
  });
});

describe("bundle mapping", () => {
  it("maps a coded condition with its original date and keys it by fullUrl", () => {
    const parsed = parseBundle(
      bundle({
        fullUrl: "urn:uuid:c1",
        resource: { resourceType: "Condition", code: { coding: [{ system: "http://snomed.info/sct", code: "38341003", display: "Hypertension" }] }, subject: { reference: "urn:uuid:p1" }, onsetDateTime: "2015-03-01", clinicalStatus: { coding: [{ code: "active" }] } },
      }),
    );
    expect(parsed.patient).toMatchObject({ name: "Ada Lovelace", birthDate: "1815-12-01", gender: "female" });
    expect(parsed.entries[0]).toMatchObject({ kind: "CONDITION", sourceKey: "urn:uuid:c1", code: "38341003", display: "Hypertension", status: "active" });
    expect(parsed.entries[0]!.occurredAt?.toISOString()).toBe("2015-03-01T00:00:00.000Z");
    expect(parsed.imported).toEqual({ Patient: 1, Condition: 1 });
  });

  it("keeps allergy reactions as (to be sealed) note text, and observation components", () => {
    const parsed = parseBundle(
      bundle(
        { fullUrl: "urn:uuid:a1", resource: { resourceType: "AllergyIntolerance", code: { text: "Peanuts" }, patient: { reference: "Patient/p1" }, reaction: [{ manifestation: [{ text: "Hives" }], severity: "mild" }] } },
        {
          fullUrl: "urn:uuid:o1",
          resource: {
            resourceType: "Observation",
            code: { coding: [{ system: "http://loinc.org", code: "85354-9", display: "Blood pressure" }] },
            subject: { reference: "urn:uuid:p1" },
            effectiveDateTime: "2020-01-01T08:00:00Z",
            component: [{ code: { coding: [{ code: "8480-6", display: "Systolic" }] }, valueQuantity: { value: 120, unit: "mm[Hg]" } }],
          },
        },
      ),
    );
    expect(parsed.entries[0]).toMatchObject({ kind: "ALLERGY", display: "Peanuts", note: "Reaction: Hives, mild" });
    expect(parsed.entries[1]!.details).toEqual({ components: [{ code: "8480-6", display: "Systolic", value: 120, unit: "mm[Hg]" }] });
  });

  it("counts types it does not import as skipped", () => {
    const parsed = parseBundle(bundle({ fullUrl: "urn:uuid:x", resource: { resourceType: "Claim" } }, { fullUrl: "urn:uuid:y", resource: { resourceType: "Claim" } }));
    expect(parsed.skipped).toEqual({ Claim: 2 });
    expect(parsed.entries).toEqual([]);
  });

  it("reports every problem at once, by entry", () => {
    const issues = issuesOf(
      bundle(
        { fullUrl: "urn:uuid:c1", resource: { resourceType: "Condition", subject: { reference: "urn:uuid:p1" } } },
        { fullUrl: "urn:uuid:c2", resource: { resourceType: "Condition", code: { text: "x" }, subject: { reference: "urn:uuid:someone" } } },
        { fullUrl: "urn:uuid:c2", resource: { resourceType: "Procedure", code: { text: "y" }, subject: { reference: "urn:uuid:p1" } } },
        { fullUrl: "urn:uuid:e1", resource: { resourceType: "Encounter", subject: { reference: "urn:uuid:p1" }, period: { start: "2020-02-02", end: "2020-02-01" } } },
      ),
    );
    expect(issues).toEqual(["1:code is missing", "2:is about another patient (urn:uuid:someone) than the bundle's", "3:appears twice in the bundle (urn:uuid:c2)", "4:ends before it starts"]);
  });

  it("refuses what is not one patient's bundle", () => {
    expect(() => parseBundleText("[")).toThrow(/not valid JSON/);
    expect(issuesOf({ resourceType: "Bundle", type: "transaction", entry: [patient, { ...patient, fullUrl: "urn:uuid:p2" }] })).toEqual(["null:the bundle describes 2 patients; import one patient's bundle at a time"]);
    expect(issuesOf({ resourceType: "Bundle", type: "history", entry: [patient] })[0]).toMatch(/bundle type "history"/);
  });

  it("names code systems", () => {
    expect(codeSystemLabel("http://www.nlm.nih.gov/research/umls/rxnorm")).toBe("RxNorm");
    expect(codeSystemLabel("urn:oid:1.2.3")).toBe("urn:oid:1.2.3");
  });
});
