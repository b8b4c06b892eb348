import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getDocument, listDocuments } from "@/lib/documents/list-documents";
import { openDocument } from "@/lib/documents/open-document";
import { storedPath } from "@/lib/documents/storage";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/file-types";
import { uploadDocument } from "@/lib/documents/upload-document";
import { createActor } from "@/test/factories";
import { addClinicalEntry } from "./add-clinical-entry";
import { getClinicalEntry } from "./get-clinical-entry";
import { getMedicalHistory } from "./get-medical-history";
import { listInsurance, saveInsurance } from "./insurance";
import { updateClinicalEntry } from "./update-clinical-entry";
import { updateContactDetails } from "./update-contact-details";

type TestActor = Awaited<ReturnType<typeof createActor>>;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\nSECRET-LAB-VALUE-HbA1c-9.1\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

async function consent(patient: TestActor, doctor: TestActor, scope: string) {
  await db().consent.create({
    data: { patientId: patient.userId, granteeId: doctor.userId, scope, expiresAt: new Date(Date.now() + 3_600_000), source: "PORTAL", grantStatus: "CONFIRMED" },
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const deniedFor = (actor: TestActor, patientId: string, resourceType: string) =>
  db().auditEvent.count({ where: { actorId: actor.userId, patientId, resourceType, outcome: "DENIED" } });

let alice: TestActor;
let bob: TestActor;
let doctor: TestActor;
let stranger: TestActor;

beforeAll(async () => {
  [alice, bob, doctor, stranger] = [await createActor("PATIENT"), await createActor("PATIENT"), await createActor("DOCTOR"), await createActor("DOCTOR")];
  await consent(alice, doctor, "conditions");
  await consent(alice, doctor, "lab-results");
});

describe("clinical entries: clinicians edit with consent, every change keeps its history", () => {
  it("keeps who changed an entry, when, and what it was before", async () => {
    const { entryId } = await addClinicalEntry(doctor, {
      patientId: alice.userId,
      kind: "CONDITION",
      codeSystem: "http://snomed.info/sct",
      code: "44054006",
      display: "Diabetes mellitus type 2",
      occurredAt: "2019-04-02",
      note: "Family history of diabetes; diet counselling started.",
    });
    const row = await db().clinicalEntry.findUniqueOrThrow({ where: { id: entryId } });
    expect(row.noteCipher).not.toContain("diabetes");

    await updateClinicalEntry(doctor, { patientId: alice.userId, entryId, expectedVersion: 1, display: "Type 2 diabetes mellitus", codeSystem: "http://snomed.info/sct", code: "44054006", occurredAt: "2019-04-02", note: "Metformin started." });
    // A second clinician who opened version 1 is told to reload, not allowed to overwrite.
    expect(await codeOf(updateClinicalEntry(doctor, { patientId: alice.userId, entryId, expectedVersion: 1, display: "Stale edit" }))).toBe("CONFLICT");

    const { entry, revisions } = await getClinicalEntry(alice, { patientId: alice.userId, entryId });
    expect(entry).toMatchObject({ display: "Type 2 diabetes mellitus", version: 2, note: "Metformin started." });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, action: "UPDATED", changedBy: "Test DOCTOR (doctor)" });
    expect(revisions[0]!.before).toMatchObject({ display: "Diabetes mellitus type 2", note: "Family history of diabetes; diet counselling started." });
    expect(revisions[0]!.changedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // History is append-only in the database itself.
    await expect(db().recordRevision.deleteMany({ where: { entityId: entryId } })).rejects.toThrow(/append-only/);
  });

  it("refuses a clinician without consent for that part of the record, and audits it", async () => {
    expect(await codeOf(addClinicalEntry(stranger, { patientId: alice.userId, kind: "CONDITION", display: "Asthma" }))).toBe("FORBIDDEN");
    expect(await codeOf(addClinicalEntry(doctor, { patientId: alice.userId, kind: "ALLERGY", display: "Penicillin" }))).toBe("FORBIDDEN");
    expect(await codeOf(addClinicalEntry(alice, { patientId: alice.userId, kind: "CONDITION", display: "Self-diagnosis" }))).toBe("FORBIDDEN");
    expect(await deniedFor(stranger, alice.userId, "ClinicalEntry")).toBeGreaterThan(0);
  });

  it("shows a clinician only the consented parts of the history", async () => {
    const sections = await getMedicalHistory(doctor, alice.userId);
    expect(sections.find((s) => s.kind === "CONDITION")).toMatchObject({ allowed: true });
    expect(sections.find((s) => s.kind === "ALLERGY")).toMatchObject({ allowed: false, entries: [] });
    expect(await codeOf(getMedicalHistory(stranger, alice.userId))).toBe("FORBIDDEN");
  });
});

describe("IDOR: a patient changing ids reaches nothing of another patient's", () => {
  it("refuses another patient's history and entries, and audits each attempt as DENIED", async () => {
    const { entryId } = await addClinicalEntry(doctor, { patientId: alice.userId, kind: "CONDITION", display: "Hypertension" });
    const before = await deniedFor(bob, alice.userId, "MedicalHistory");
    expect(await codeOf(getMedicalHistory(bob, alice.userId))).toBe("FORBIDDEN");
    expect(await deniedFor(bob, alice.userId, "MedicalHistory")).toBe(before + 1);
    expect(await codeOf(getClinicalEntry(bob, { patientId: alice.userId, entryId }))).toBe("FORBIDDEN");
    // Own patient id with someone else's entry id: the entry is not in this record.
    expect(await codeOf(getClinicalEntry(bob, { patientId: bob.userId, entryId }))).toBe("NOT_FOUND");
    expect(await deniedFor(bob, alice.userId, "ClinicalEntry")).toBeGreaterThan(0);
  });

  it("refuses another patient's documents, listing or opening, and audits it", async () => {
    const { documentId } = await uploadDocument(alice, { patientId: alice.userId, kind: "LAB_RESULT", title: "HbA1c", file: { name: "hba1c.pdf", bytes: PDF } });
    expect(await codeOf(openDocument(bob, documentId))).toBe("FORBIDDEN");
    expect(await codeOf(getDocument(bob, documentId))).toBe("FORBIDDEN");
    expect(await codeOf(listDocuments(bob, alice.userId))).toBe("FORBIDDEN");
    expect(await codeOf(uploadDocument(bob, { patientId: alice.userId, kind: "OTHER", title: "x", file: { name: "x.pdf", bytes: PDF } }))).toBe("FORBIDDEN");
    expect(await deniedFor(bob, alice.userId, "Document")).toBeGreaterThanOrEqual(4);
    expect(await codeOf(openDocument(bob, "not-a-uuid"))).toBe("NOT_FOUND");
  });

  it("lets a patient change only their own insurance", async () => {
    const { insuranceId } = await saveInsurance(alice, { payer: "Acme Health", memberId: "ACME-123", planName: "Gold" });
    expect(await codeOf(saveInsurance(bob, { insuranceId, expectedVersion: 1, payer: "Hijack", memberId: "X" }))).toBe("NOT_FOUND");
    expect(await codeOf(listInsurance(bob, alice.userId))).toBe("FORBIDDEN");
    await saveInsurance(alice, { insuranceId, expectedVersion: 1, payer: "Acme Health", memberId: "ACME-456" });
    expect((await listInsurance(alice, alice.userId))[0]).toMatchObject({ memberId: "ACME-456", version: 2 });
    const revision = await db().recordRevision.findFirstOrThrow({ where: { entityId: insuranceId } });
    expect(revision).toMatchObject({ version: 1, changedById: alice.userId });
    expect(revision.beforeCipher).not.toContain("ACME-123");
  });

  it("keeps the earlier contact details when a patient changes them", async () => {
    await updateContactDetails(alice, {
      phone: "+1 555 123 4567",
      addressLine: "2 New Road",
      city: "Newtown",
      postalCode: "12345",
      country: "Testland",
      emergencyContactName: "Sam",
      emergencyContactPhone: "+1 555 765 4321",
      emergencyContactRelation: "Sibling",
    });
    expect((await db().patientProfile.findUniqueOrThrow({ where: { userId: alice.userId } })).city).toBe("Newtown");
    expect(await db().recordRevision.count({ where: { entityType: "PatientProfile", entityId: alice.userId } })).toBe(1);
  });
});

describe("documents: encrypted at rest, hashed, typed by their bytes", () => {
  it("stores ciphertext, records the SHA-256, and gives the same bytes back", async () => {
    const { documentId } = await uploadDocument(alice, { patientId: alice.userId, kind: "LAB_RESULT", title: "Lab panel", file: { name: "panel.pdf", bytes: PDF } });
    const row = await db().document.findUniqueOrThrow({ where: { id: documentId } });
    const onDisk = readFileSync(storedPath(row.storageKey));
    expect(onDisk.includes(Buffer.from("%PDF"))).toBe(false);
    expect(onDisk.includes(Buffer.from("SECRET-LAB-VALUE"))).toBe(false);
    expect(row.sha256).toBe((await import("node:crypto")).createHash("sha256").update(PDF).digest("hex"));
    expect(row.titleCipher).not.toContain("Lab panel");
    const opened = await openDocument(alice, documentId);
    expect(opened.bytes.equals(PDF)).toBe(true);
    expect(opened).toMatchObject({ mediaType: "application/pdf", fileName: "panel.pdf" });
    // The consented doctor may read lab results too.
    expect((await openDocument(doctor, documentId)).bytes.equals(PDF)).toBe(true);
  });

  it("refuses a file whose bytes are not PDF, PNG, JPEG or DICOM, whatever its name says", async () => {
    const error = await uploadDocument(alice, { patientId: alice.userId, kind: "IMAGE", title: "x", file: { name: "scan.png", bytes: Buffer.from("MZ\x90\x00 not an image") } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as AppError).message).toMatch(/not one we accept/);
  });

  it("refuses a file over the size limit with a clear message", async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    const error = await uploadDocument(alice, { patientId: alice.userId, kind: "IMAGE", title: "big", file: { name: "big.png", bytes: big } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as AppError).message).toMatch(/limit is 8 MB/);
    expect(await db().document.count({ where: { patientId: alice.userId, kind: "IMAGE" } })).toBe(0);
  });

  it("reads DICOM header fields", async () => {
    const element = (group: number, el: number, vr: string, value: string) => {
      const v = Buffer.from(value.length % 2 ? `${value} ` : value, "latin1");
      const head = Buffer.alloc(8);
      head.writeUInt16LE(group, 0);
      head.writeUInt16LE(el, 2);
      head.write(vr, 4, "latin1");
      head.writeUInt16LE(v.length, 6);
      return Buffer.concat([head, v]);
    };
    const dicom = Buffer.concat([Buffer.alloc(128), Buffer.from("DICM"), element(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1"), element(0x0008, 0x0020, "DA", "20240105"), element(0x0008, 0x0060, "CS", "CT")]);
    const { documentId } = await uploadDocument(alice, { patientId: alice.userId, kind: "IMAGE", title: "CT chest", file: { name: "ct.dcm", bytes: dicom } });
    const doc = await getDocument(alice, documentId);
    expect(doc.mediaType).toBe("application/dicom");
    expect(doc.metadata).toMatchObject({ modality: "CT", studyDate: "20240105" });
    // The doctor has no imaging consent: this one is not listed for them.
    expect((await listDocuments(doctor, alice.userId)).some((d) => d.id === documentId)).toBe(false);
    expect(await codeOf(openDocument(doctor, documentId))).toBe("FORBIDDEN");
  });
});

describe("sealed fields and master-key rotation", () => {
  it("opens a patient's sealed text after their data key is re-sealed under a new master key and the old one removed", async () => {
    const { randomBytes } = await import("node:crypto");
    const { masterKeysFrom, resealDataKey } = await import("@/lib/crypto/envelope");
    const { patientSealer } = await import("./keys");
    const patient = await createActor("PATIENT");
    const k1 = masterKeysFrom({ MASTER_KEY: process.env.MASTER_KEY!, MASTER_KEY_ID: "k1" });
    const sealed = (await patientSealer(db(), patient.userId, k1)).seal("Reaction: anaphylaxis", "ClinicalEntry.note");
    // What `npm run keys:rotate` does, for this one patient (the other tests' keys stay under k1).
    const k2 = masterKeysFrom({ MASTER_KEY: randomBytes(32).toString("base64"), MASTER_KEY_ID: "k2", PREVIOUS_MASTER_KEY: process.env.MASTER_KEY!, PREVIOUS_MASTER_KEY_ID: "k1" });
    const row = await db().dataKey.findUniqueOrThrow({ where: { userId: patient.userId } });
    await db().dataKey.update({ where: { userId: patient.userId }, data: resealDataKey(k2, patient.userId, row)! });
    const afterRotation = await patientSealer(db(), patient.userId, { current: k2.current });
    expect(afterRotation.open(sealed, "ClinicalEntry.note")).toBe("Reaction: anaphylaxis");
    // Bound to its field and patient: the same ciphertext opens as nothing else.
    expect(() => afterRotation.open(sealed, "Insurance.memberId")).toThrow();
    const other = await createActor("PATIENT");
    await expect(patientSealer(db(), other.userId, k1).then((s) => s.open(sealed, "ClinicalEntry.note"))).rejects.toThrow();
  });
});
