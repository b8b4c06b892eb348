import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { syntheaSamplesDir } from "../lib/fhir/samples.ts";
import { PROFILES } from "../scripts/stack.ts";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";
import { expect, test } from "./support/test";

// Patients no other spec signs in as (sessions and sign-in limits are per address). A small shared Synthea bundle (../shared/fhir/synthea-r4): 3 SNOMED conditions, 2 RxNorm medications.
const SAMPLES = syntheaSamplesDir()!;
const BUNDLE = join(SAMPLES, "patient-fc712d1f-5a2e-4407-9c55-a2a2bad623c2.json");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

type Entry = { fullUrl: string; resource: Record<string, unknown> };
const entries = (JSON.parse(readFileSync(BUNDLE, "utf8")) as { entry: Entry[] }).entry;
const firstOf = (type: string) => entries.find((e) => e.resource.resourceType === type)!.resource;

test("a patient imports a FHIR bundle and sees conditions and medications with their codes and original dates", async ({ page }) => {
  await signIn(page, "henry.dubois@example.com", "code");
  await page.getByRole("link", { name: "Medical history" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Medical history" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("FHIR bundle (JSON)").setInputFiles(BUNDLE);
  await page.getByRole("button", { name: "Import history" }).click();
  await expect(page.getByText(/Imported \d+ entries from the bundle/)).toBeVisible({ timeout: 30_000 });

  const condition = firstOf("Condition") as { code: { coding: { code: string; display: string }[] }; onsetDateTime: string };
  const conditionRow = page.getByRole("row").filter({ hasText: condition.code.coding[0]!.display }).first();
  await expect(conditionRow).toContainText(`SNOMED CT ${condition.code.coding[0]!.code}`);
  await expect(conditionRow).toContainText(new Date(condition.onsetDateTime).toISOString().slice(0, 10));

  const medication = firstOf("MedicationRequest") as { medicationCodeableConcept: { coding: { code: string; display: string }[] }; authoredOn: string };
  const medicationRow = page.getByRole("row").filter({ hasText: medication.medicationCodeableConcept.coding[0]!.display }).first();
  await expect(medicationRow).toContainText(`RxNorm ${medication.medicationCodeableConcept.coding[0]!.code}`);
  await expect(medicationRow).toContainText(new Date(medication.authoredOn).toISOString().slice(0, 10));
  await expectAccessible(page);

  // The same bundle again changes nothing.
  await page.getByLabel("FHIR bundle (JSON)").setInputFiles(BUNDLE);
  await page.getByRole("button", { name: "Import history" }).click();
  await expect(page.getByText("This bundle was imported before: nothing changed.")).toBeVisible();

  await conditionRow.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: condition.code.coding[0]!.display })).toBeVisible();
  await expect(page.getByText("Imported from a FHIR bundle")).toBeVisible();
  await expectAccessible(page);
  const entryPath = new URL(page.url()).pathname;

  await page.goto("/patient");
  await expect(page.getByRole("heading", { name: "Medical history" })).toBeVisible();
  await expectAccessible(page);

  // Another patient who changes the id in the URL finds nothing there.
  await page.context().clearCookies();
  await signIn(page, "alex.morgan@example.com", "code");
  expect((await page.goto(entryPath))?.status()).toBe(404);
  await expectAccessible(page);
});

test("a patient uploads a PDF and views it; a file of the wrong type is refused clearly", async ({ page }) => {
  await signIn(page, "alex.morgan@example.com", "code");
  await page.getByRole("link", { name: "Documents" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Title").fill("Blood test March");
  await page.getByLabel("Kind of document").selectOption("LAB_RESULT");
  await page.getByLabel(/^File\*?$/).setInputFiles({ name: "not-really.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ this is a program") });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByText(/This file is not one we accept/)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Title").fill("Blood test March");
  await page.getByLabel(/^File\*?$/).setInputFiles({ name: "blood-test.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByText("Uploaded “Blood test March”. It is stored encrypted.")).toBeVisible();

  await page.getByRole("link", { name: "Blood test March" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Blood test March" })).toBeVisible();
  await expect(page.getByText("blood-test.pdf")).toBeVisible();
  await expectAccessible(page);

  const href = await page.getByRole("link", { name: "Open PDF" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^inline/);
  expect(Buffer.from(await response.body()).equals(PDF)).toBe(true);

  // Another patient changing the id gets nothing.
  const documentPath = new URL(page.url()).pathname;
  await page.context().clearCookies();
  await signIn(page, "henry.dubois@example.com", "code");
  expect((await page.request.get(href!)).status()).toBe(403);
  const refused = await page.goto(documentPath);
  expect(refused?.status()).toBe(403);
  await expectAccessible(page);
});

test("contact details and insurance: a patient edits their own, the earlier version kept", async ({ page }) => {
  await signIn(page, "alex.morgan@example.com", "code");
  await page.goto("/patient/records/details");
  await expect(page.getByRole("heading", { level: 1, name: "Contact and insurance" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("City").fill("Shelbyville");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Your details are saved; the earlier ones are kept in the history.")).toBeVisible();
  await page.getByLabel("Insurer").last().fill("Acme Health");
  await page.getByLabel("Member number").last().fill("ACME-0042");
  await page.getByRole("button", { name: "Add insurance" }).click();
  await expect(page.getByRole("heading", { name: "Insurance: Acme Health" })).toBeVisible();
  await expectAccessible(page);
});

test("a doctor with consent reads the chart, adds and corrects an entry, and the history keeps the original", async ({ page }) => {
  // The consent itself is the consent domain's (granted by the patient, mirrored from chain); here it is set directly.
  const db = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${PROFILES.e2e.ports.postgres}/healthcare` });
  await db.connect();
  const { rows } = await db.query<{ patient: string; doctor: string }>(
    `SELECT (SELECT id FROM "User" WHERE email = 'patient@example.com') AS patient, (SELECT id FROM "User" WHERE email = 'dr.haddad@example.com') AS doctor`,
  );
  const { patient, doctor } = rows[0]!;
  await db.query(
    `INSERT INTO "Consent" (id, "patientId", "granteeId", scope, "expiresAt", source, "grantStatus", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'ALL', now() + interval '1 day', 'PORTAL', 'CONFIRMED', now(), now())`,
    [patient, doctor],
  );
  await db.end();

  await signIn(page, "dr.haddad@example.com", "link");
  await page.goto(`/doctor/patients/${patient}`);
  await expect(page.getByRole("heading", { level: 1, name: "Maria Lopez" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conditions" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^Kind\*?$/).selectOption("ALLERGY");
  await page.getByLabel("Name", { exact: false }).first().fill("Penicillin allergy");
  await page.getByLabel("Code system").selectOption({ label: "SNOMED CT" });
  await page.getByLabel("Code", { exact: true }).fill("91936005");
  await page.getByLabel("Note").fill("Hives after amoxicillin in 2010.");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByText("Added “Penicillin allergy”.")).toBeVisible();

  await page.getByRole("link", { name: "Penicillin allergy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Penicillin allergy" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: false }).first().fill("Allergy to penicillin");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByText("Saved as version 2; the earlier version is kept in the history.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: /Version 1, replaced .* by Dr\. Karim Haddad/ })).toBeVisible();
  await expect(page.getByText("Hives after amoxicillin in 2010.").first()).toBeVisible();
  await expectAccessible(page);

  // Without consent: refused.
  await page.context().clearCookies();
  await signIn(page, "dr.lindqvist@example.com", "link");
  await page.goto(`/doctor/patients/${patient}`);
  await expect(page.getByRole("heading", { level: 1, name: "No access to this chart" })).toBeVisible();
  await expect(page.getByText("Maria Lopez")).toHaveCount(0);
  await expect(page.getByText("Penicillin")).toHaveCount(0);
  await expectAccessible(page);
});
