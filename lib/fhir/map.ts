/**
 * FHIR R4 bundle → rows of the patient's record. Pure: no database, no keys. Checks the whole bundle first and
 * reports every problem it finds, so an import is all or nothing and the user learns everything wrong at once.
 */

export const SUPPORTED_TYPES = [
  "Patient",
  "Encounter",
  "Condition",
  "Observation",
  "MedicationRequest",
  "Immunization",
  "AllergyIntolerance",
  "Procedure",
  "DiagnosticReport",
] as const;
export type SupportedType = (typeof SUPPORTED_TYPES)[number];
type EntryType = Exclude<SupportedType, "Patient">;

export const KIND_OF = {
  Encounter: "ENCOUNTER",
  Condition: "CONDITION",
  Observation: "OBSERVATION",
  MedicationRequest: "MEDICATION",
  Immunization: "IMMUNIZATION",
  AllergyIntolerance: "ALLERGY",
  Procedure: "PROCEDURE",
  DiagnosticReport: "DIAGNOSTIC_REPORT",
} as const satisfies Record<EntryType, string>;
export type MappedKind = (typeof KIND_OF)[EntryType];

/** One clinical entry as the bundle gives it; free text is still plain here and is sealed by the writer. */
export interface MappedEntry {
  kind: MappedKind;
  resourceType: EntryType;
  sourceKey: string;
  codeSystem: string | null;
  code: string | null;
  display: string;
  status: string | null;
  category: string | null;
  occurredAt: Date | null;
  endedAt: Date | null;
  valueNumber: number | null;
  valueUnit: string | null;
  valueText: string | null;
  details: Record<string, unknown> | null;
  note: string | null;
  encounterKey: string | null;
}

export interface SourcePatient {
  sourceKey: string;
  name: string;
  birthDate: string | null;
  gender: string | null;
}

export interface ParsedBundle {
  patient: SourcePatient;
  entries: MappedEntry[];
  /** Entries per supported resource type (Patient included). */
  imported: Record<string, number>;
  /** Resource types this portal does not import, with how many of each the bundle had. */
  skipped: Record<string, number>;
}

export interface BundleIssue {
  /** Position of the entry in the bundle (0-based), or null for the bundle itself. */
  entry: number | null;
  resourceType?: string;
  message: string;
}

export class BundleError extends Error {
  override name = "BundleError";
  readonly issues: BundleIssue[];
  constructor(issues: BundleIssue[]) {
    // In bundle order, the bundle's own problems first, as a reader would look for them.
    const sorted = [...issues].sort((a, b) => (a.entry ?? -1) - (b.entry ?? -1));
    super(sorted.map(describeIssue).join("; "));
    this.issues = sorted;
  }
}

export function describeIssue(issue: BundleIssue): string {
  const where = issue.entry === null ? "bundle" : `entry ${issue.entry + 1}${issue.resourceType ? ` (${issue.resourceType})` : ""}`;
  return `${where}: ${issue.message}`;
}

export const CODE_SYSTEM_LABELS: Record<string, string> = {
  "http://snomed.info/sct": "SNOMED CT",
  "http://loinc.org": "LOINC",
  "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
  "http://hl7.org/fhir/sid/cvx": "CVX",
  "http://hl7.org/fhir/sid/icd-10": "ICD-10",
  "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
  "http://www.ama-assn.org/go/cpt": "CPT",
};

export function codeSystemLabel(system: string | null): string {
  if (!system) return "—";
  return CODE_SYSTEM_LABELS[system] ?? system;
}

// ---- small readers over untyped JSON -------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const first = (v: unknown): Json | null => {
  const f = arr(v)[0];
  return isObject(f) ? f : null;
};

const DATE_TIME = /^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;

/** A FHIR date or dateTime; partial dates (a year, a month) mean their first day. Throws on anything else. */
export function parseFhirDate(value: unknown, field: string): Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || !DATE_TIME.test(value)) throw new Error(`${field} is not a FHIR date: ${JSON.stringify(value).slice(0, 40)}`);
  const padded = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
  const date = new Date(padded.length === 10 ? `${padded}T00:00:00Z` : padded);
  if (Number.isNaN(date.getTime())) throw new Error(`${field} is not a real date: ${value}`);
  return date;
}

interface Coded {
  codeSystem: string | null;
  code: string | null;
  display: string;
}

/** The first coding of a CodeableConcept (preferring one with a code), with a display. */
function codeOf(concept: unknown, field: string, required: boolean): Coded | null {
  if (!isObject(concept)) {
    if (required) throw new Error(`${field} is missing`);
    return null;
  }
  const codings = arr(concept.coding).filter(isObject);
  const coding = codings.find((c) => str(c.code)) ?? codings[0] ?? null;
  const display = str(coding?.display) ?? str(concept.text) ?? str(coding?.code);
  if (!display) {
    if (required) throw new Error(`${field} has neither a coding nor a text`);
    return null;
  }
  return { codeSystem: str(coding?.system), code: str(coding?.code), display };
}

const statusOf = (concept: unknown): string | null => str(first(isObject(concept) ? concept.coding : undefined)?.code) ?? str(isObject(concept) ? concept.text : undefined);

function notesOf(resource: Json): string[] {
  return arr(resource.note)
    .filter(isObject)
    .map((n) => str(n.text))
    .filter((t): t is string => t !== null);
}

// ---- the bundle ----------------------------------------------------------------------------------------------

const ACCEPTED_BUNDLE_TYPES = ["transaction", "batch", "collection", "searchset", "document"];

/** Reads a bundle's JSON text; every problem found is reported in one BundleError. */
export function parseBundleText(text: string): ParsedBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BundleError([{ entry: null, message: "the file is not valid JSON" }]);
  }
  return parseBundle(json);
}

export function parseBundle(json: unknown): ParsedBundle {
  if (!isObject(json) || json.resourceType !== "Bundle") {
    throw new BundleError([{ entry: null, message: `expected a FHIR Bundle, found ${isObject(json) ? String(json.resourceType ?? "no resourceType") : "something else"}` }]);
  }
  if (!ACCEPTED_BUNDLE_TYPES.includes(String(json.type))) {
    throw new BundleError([{ entry: null, message: `bundle type "${String(json.type)}" is not one this portal imports (${ACCEPTED_BUNDLE_TYPES.join(", ")})` }]);
  }
  const rawEntries = json.entry;
  if (!Array.isArray(rawEntries) || rawEntries.length === 0) throw new BundleError([{ entry: null, message: "the bundle has no entries" }]);

  const issues: BundleIssue[] = [];
  const imported: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  const keys = new Set<string>();
  const patients: { index: number; key: string; aliases: string[]; resource: Json }[] = [];
  const pending: { index: number; type: EntryType; key: string; resource: Json }[] = [];

  rawEntries.forEach((entry, index) => {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(entry) || !isObject(resource) || typeof resource.resourceType !== "string") {
      issues.push({ entry: index, message: "has no resource with a resourceType" });
      return;
    }
    const type = resource.resourceType;
    if (!(SUPPORTED_TYPES as readonly string[]).includes(type)) {
      skipped[type] = (skipped[type] ?? 0) + 1;
      return;
    }
    const id = str(resource.id);
    const key = str(entry.fullUrl) ?? (id ? `${type}/${id}` : null);
    if (!key) {
      issues.push({ entry: index, resourceType: type, message: "has neither a fullUrl nor an id, so it could not be recognised when imported again" });
      return;
    }
    if (keys.has(key)) {
      issues.push({ entry: index, resourceType: type, message: `appears twice in the bundle (${key})` });
      return;
    }
    keys.add(key);
    imported[type] = (imported[type] ?? 0) + 1;
    if (type === "Patient") patients.push({ index, key, aliases: id ? [key, `Patient/${id}`] : [key], resource });
    else pending.push({ index, type: type as EntryType, key, resource });
  });

  if (patients.length !== 1) {
    issues.push({ entry: null, message: patients.length === 0 ? "the bundle has no Patient" : `the bundle describes ${patients.length} patients; import one patient's bundle at a time` });
    throw new BundleError(issues);
  }
  const patientEntry = patients[0]!;
  const patientRefs = new Set(patientEntry.aliases);
  // References may use the fullUrl or Type/id: both resolve to the entry's key.
  const keyByRef = new Map<string, string>();
  for (const p of pending) {
    keyByRef.set(p.key, p.key);
    const id = str(p.resource.id);
    if (id) keyByRef.set(`${p.type}/${id}`, p.key);
  }

  let patient: SourcePatient | null = null;
  try {
    patient = mapPatient(patientEntry.resource, patientEntry.key);
  } catch (error) {
    issues.push({ entry: patientEntry.index, resourceType: "Patient", message: (error as Error).message });
  }

  const entries: MappedEntry[] = [];
  for (const p of pending) {
    try {
      const subject = p.resource[p.type === "Immunization" || p.type === "AllergyIntolerance" ? "patient" : "subject"];
      const subjectRef = isObject(subject) ? str(subject.reference) : null;
      if (!subjectRef) throw new Error("does not say which patient it is about");
      if (!patientRefs.has(subjectRef)) throw new Error(`is about another patient (${subjectRef}) than the bundle's`);
      const encounterRef = p.type === "Encounter" ? null : isObject(p.resource.encounter) ? str(p.resource.encounter.reference) : null;
      const mapped = MAPPERS[p.type](p.resource);
      if (mapped.occurredAt && mapped.endedAt && mapped.endedAt < mapped.occurredAt) throw new Error("ends before it starts");
      entries.push({ ...mapped, resourceType: p.type, kind: KIND_OF[p.type], sourceKey: p.key, encounterKey: encounterRef ? (keyByRef.get(encounterRef) ?? encounterRef) : null });
    } catch (error) {
      issues.push({ entry: p.index, resourceType: p.type, message: (error as Error).message });
    }
  }
  if (issues.length > 0 || !patient) throw new BundleError(issues);
  return { patient, entries, imported, skipped };
}

function mapPatient(resource: Json, sourceKey: string): SourcePatient {
  const name = first(resource.name);
  const text = name ? (str(name.text) ?? [...arr(name.given).filter((g) => typeof g === "string"), str(name.family)].filter(Boolean).join(" ")) : "";
  const birthDate = parseFhirDate(resource.birthDate, "birthDate");
  return { sourceKey, name: text || "(no name)", birthDate: birthDate ? birthDate.toISOString().slice(0, 10) : null, gender: str(resource.gender) };
}

type Mapped = Omit<MappedEntry, "kind" | "resourceType" | "sourceKey" | "encounterKey">;
const EMPTY = { status: null, category: null, occurredAt: null, endedAt: null, valueNumber: null, valueUnit: null, valueText: null, details: null, note: null };

const joinNotes = (notes: string[]) => (notes.length ? notes.join("\n") : null);

const MAPPERS: Record<EntryType, (r: Json) => Mapped> = {
  Encounter(r) {
    const type = codeOf(first(r.type), "type", false);
    const period = isObject(r.period) ? r.period : {};
    const cls = isObject(r.class) ? (str(r.class.display) ?? str(r.class.code)) : null;
    const reasons = arr(r.reasonCode).map((c) => codeOf(c, "reasonCode", false)?.display).filter(Boolean);
    return {
      ...EMPTY,
      codeSystem: type?.codeSystem ?? null,
      code: type?.code ?? null,
      display: type?.display ?? cls ?? "Encounter",
      status: str(r.status),
      category: cls,
      occurredAt: parseFhirDate(period.start, "period.start"),
      endedAt: parseFhirDate(period.end, "period.end"),
      details: reasons.length ? { reasons } : null,
    };
  },
  Condition(r) {
    const code = codeOf(r.code, "code", true)!;
    return {
      ...EMPTY,
      ...code,
      status: statusOf(r.clinicalStatus),
      category: statusOf(first(r.category)),
      occurredAt: parseFhirDate(r.onsetDateTime ?? r.recordedDate, "onsetDateTime"),
      endedAt: parseFhirDate(r.abatementDateTime, "abatementDateTime"),
      details: isObject(r.verificationStatus) ? { verification: statusOf(r.verificationStatus) } : null,
      note: joinNotes(notesOf(r)),
    };
  },
  Observation(r) {
    const code = codeOf(r.code, "code", true)!;
    const period = isObject(r.effectivePeriod) ? r.effectivePeriod : {};
    const quantity = isObject(r.valueQuantity) ? r.valueQuantity : null;
    if (quantity && typeof quantity.value !== "number") throw new Error("valueQuantity.value is not a number");
    const components = arr(r.component)
      .filter(isObject)
      .map((c) => {
        const q = isObject(c.valueQuantity) ? c.valueQuantity : null;
        const cc = codeOf(c.code, "component.code", true)!;
        return { code: cc.code, display: cc.display, value: typeof q?.value === "number" ? q.value : null, unit: str(q?.unit) ?? str(q?.code) };
      });
    return {
      ...EMPTY,
      ...code,
      status: str(r.status),
      category: statusOf(first(r.category)),
      occurredAt: parseFhirDate(r.effectiveDateTime ?? period.start ?? r.issued, "effectiveDateTime"),
      valueNumber: quantity ? (quantity.value as number) : null,
      valueUnit: quantity ? (str(quantity.unit) ?? str(quantity.code)) : null,
      valueText: codeOf(r.valueCodeableConcept, "valueCodeableConcept", false)?.display ?? str(r.valueString),
      details: components.length ? { components } : null,
      note: joinNotes(notesOf(r)),
    };
  },
  MedicationRequest(r) {
    const ref = isObject(r.medicationReference) ? r.medicationReference : null;
    const code = codeOf(r.medicationCodeableConcept, "medicationCodeableConcept", false) ?? (ref && str(ref.display) ? { codeSystem: null, code: null, display: str(ref.display)! } : null);
    if (!code) throw new Error("names no medication (medicationCodeableConcept or a displayed medicationReference)");
    const dosage = arr(r.dosageInstruction)
      .filter(isObject)
      .map((d) => {
        if (str(d.text)) return str(d.text)!;
        const repeat = isObject(d.timing) && isObject(d.timing.repeat) ? d.timing.repeat : null;
        const dose = first(d.doseAndRate);
        const qty = dose && isObject(dose.doseQuantity) ? dose.doseQuantity.value : null;
        const parts = [qty != null ? `${String(qty)} dose` : null, repeat?.frequency != null ? `${String(repeat.frequency)}× per ${String(repeat.period ?? 1)} ${String(repeat.periodUnit ?? "")}`.trim() : null, d.asNeededBoolean ? "as needed" : null];
        return parts.filter(Boolean).join(", ");
      })
      .filter(Boolean);
    return {
      ...EMPTY,
      ...code,
      status: str(r.status),
      category: str(r.intent),
      occurredAt: parseFhirDate(r.authoredOn, "authoredOn"),
      details: dosage.length ? { dosage } : null,
      note: joinNotes(notesOf(r)),
    };
  },
  Immunization(r) {
    const code = codeOf(r.vaccineCode, "vaccineCode", true)!;
    return {
      ...EMPTY,
      ...code,
      status: str(r.status),
      occurredAt: parseFhirDate(r.occurrenceDateTime ?? r.recorded, "occurrenceDateTime"),
      note: joinNotes(notesOf(r)),
    };
  },
  AllergyIntolerance(r) {
    const code = codeOf(r.code, "code", true)!;
    const reactions = arr(r.reaction)
      .filter(isObject)
      .map((x) => [str(x.description), ...arr(x.manifestation).map((m) => codeOf(m, "manifestation", false)?.display), str(x.severity)].filter(Boolean).join(", "))
      .filter(Boolean);
    return {
      ...EMPTY,
      ...code,
      status: statusOf(r.clinicalStatus),
      category: typeof arr(r.category)[0] === "string" ? (arr(r.category)[0] as string) : null,
      occurredAt: parseFhirDate(r.onsetDateTime ?? r.recordedDate, "onsetDateTime"),
      details: { criticality: str(r.criticality), type: str(r.type) },
      note: joinNotes([...reactions.map((x) => `Reaction: ${x}`), ...notesOf(r)]),
    };
  },
  Procedure(r) {
    const code = codeOf(r.code, "code", true)!;
    const period = isObject(r.performedPeriod) ? r.performedPeriod : {};
    return {
      ...EMPTY,
      ...code,
      status: str(r.status),
      occurredAt: parseFhirDate(r.performedDateTime ?? period.start, "performedDateTime"),
      endedAt: parseFhirDate(period.end, "performedPeriod.end"),
      note: joinNotes(notesOf(r)),
    };
  },
  DiagnosticReport(r) {
    const code = codeOf(r.code, "code", true)!;
    const period = isObject(r.effectivePeriod) ? r.effectivePeriod : {};
    return {
      ...EMPTY,
      ...code,
      status: str(r.status),
      category: statusOf(first(r.category)),
      occurredAt: parseFhirDate(r.effectiveDateTime ?? period.start ?? r.issued, "effectiveDateTime"),
      details: { results: arr(r.result).filter(isObject).map((x) => str(x.reference)).filter(Boolean) },
      note: str(r.conclusion),
    };
  },
};
