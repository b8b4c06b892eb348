import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { patientSealer } from "./keys";

/** Records data for the integration tier (the authorization matrix and the domain's own tests). */
export const recordsFixtures = {
  pdf: Buffer.from("%PDF-1.4\n%matrix\n%%EOF\n"),

  contactDetails: {
    phone: "+1 555 777 1000",
    addressLine: "8 Matrix Way",
    city: "Grid",
    postalCode: "77778",
    country: "Testland",
    emergencyContactName: "Morpheus",
    emergencyContactPhone: "+1 555 777 1001",
    emergencyContactRelation: "Mentor",
  },

  /** A small valid FHIR R4 transaction bundle: one Patient and one SNOMED-coded Condition. */
  bundle(): string {
    const patient = `urn:uuid:${randomUUID()}`;
    return JSON.stringify({
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: patient, resource: { resourceType: "Patient", id: patient.slice(9), name: [{ given: ["Matrix"], family: "Patient" }], birthDate: "1970-07-07", gender: "other" } },
        {
          fullUrl: `urn:uuid:${randomUUID()}`,
          resource: {
            resourceType: "Condition",
            code: { coding: [{ system: "http://snomed.info/sct", code: "38341003", display: "Hypertension" }] },
            subject: { reference: patient },
            onsetDateTime: "2015-03-01T10:00:00Z",
          },
        },
      ],
    });
  },

  /** The caller's own patient id, or a new patient's for an admin acting for one. */
  async ownOrNewPatient(actor: Actor | null): Promise<string> {
    if (actor?.role === "ADMIN") return (await db().user.create({ data: { email: `p-${randomUUID()}@example.com`, role: "PATIENT" } })).id;
    return actor?.userId ?? randomUUID();
  },

  /** A new patient with a live consent for the scope to the caller, when the caller is a doctor. */
  async consentingPatient(actor: Actor | null, scope: string): Promise<string> {
    const patient = await db().user.create({
      data: {
        email: `p-${randomUUID()}@example.com`,
        role: "PATIENT",
        name: "Consenting Patient",
        patientProfile: {
          create: {
            givenName: "Consenting",
            familyName: "Patient",
            dateOfBirth: new Date("1980-01-01"),
            sex: "UNKNOWN",
            phone: "+1 555 000 0000",
            addressLine: "1 Consent Street",
            city: "Testville",
            postalCode: "00000",
            country: "Testland",
            emergencyContactName: "Kin",
            emergencyContactPhone: "+1 555 000 0001",
            emergencyContactRelation: "Friend",
          },
        },
      },
    });
    if (actor?.role === "DOCTOR") {
      await db().consent.create({
        data: { patientId: patient.id, granteeId: actor.userId, scope, expiresAt: new Date(Date.now() + 3_600_000), source: "PORTAL", grantStatus: "CONFIRMED" },
      });
    }
    return patient.id;
  },

  /** A condition in the patient's record. */
  async entry(patientId: string): Promise<string> {
    const row = await db().clinicalEntry.create({ data: { patientId, kind: "CONDITION", display: "Fixture condition", source: "MANUAL" } });
    return row.id;
  },

  /** An entry in the caller's own record (an id that exists nowhere for nobody). */
  async entryOf(actor: Actor | null): Promise<string> {
    return actor ? recordsFixtures.entry(actor.userId) : randomUUID();
  },

  /** The caller's patient profile, created when missing. */
  async profileOf(actor: Actor | null): Promise<void> {
    if (actor?.role !== "PATIENT") return;
    const { contactDetails } = recordsFixtures;
    await db().patientProfile.upsert({
      where: { userId: actor.userId },
      update: {},
      create: { userId: actor.userId, givenName: "Matrix", familyName: "Patient", dateOfBirth: new Date("1970-07-07"), sex: "OTHER", ...contactDetails },
    });
  },

  /** A document row of the patient's (its file is not needed to read its details). */
  async documentOf(patientId: string): Promise<string> {
    const sealer = await patientSealer(db(), patientId);
    const row = await db().document.create({
      data: {
        patientId,
        uploadedById: patientId,
        kind: "LAB_RESULT",
        titleCipher: sealer.seal("Fixture", "Document.title"),
        fileNameCipher: sealer.seal("fixture.pdf", "Document.fileName"),
        mediaType: "application/pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        storageKey: `${randomUUID()}.bin`,
        wrappedKey: "none",
        keyId: "patient-data-key",
      },
    });
    return row.id;
  },
};
