import { join } from "node:path";
import { syntheaSamplesDir } from "../lib/fhir/samples.ts";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";
import { expect, test } from "./support/test";

// The smallest shared Synthea bundle, imported by an admin for a demo patient no other spec imports for.
const BUNDLE = join(syntheaSamplesDir()!, "patient-1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json");

test("an admin imports a FHIR history for a patient, and a second import changes nothing", async ({ page }) => {
  await signIn(page, "admin2@example.com", "code");
  await page.getByRole("link", { name: "Import a history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a history" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("FHIR bundle (JSON)").setInputFiles(BUNDLE);
  await page.getByRole("button", { name: "Import history" }).click();
  await expect(page.getByText("Choose the patient to import for.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Patient").selectOption({ label: "Noah Bennett (noah.bennett@example.com)" });
  await page.getByLabel("FHIR bundle (JSON)").setInputFiles(BUNDLE);
  await page.getByRole("button", { name: "Import history" }).click();
  await expect(page.getByText(/Imported \d+ entries from the bundle/)).toBeVisible({ timeout: 30_000 });

  await page.getByLabel("Patient").selectOption({ label: "Noah Bennett (noah.bennett@example.com)" });
  await page.getByLabel("FHIR bundle (JSON)").setInputFiles(BUNDLE);
  await page.getByRole("button", { name: "Import history" }).click();
  await expect(page.getByText("This bundle was imported before: nothing changed.")).toBeVisible({ timeout: 30_000 });
});
