import { expect, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";

test("a new patient registers with their email and completes onboarding", async ({ page }) => {
  const email = `new.patient.${Date.now()}@example.com`;
  await signIn(page, email, "code");
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Welcome to CareChain Health" })).toBeVisible();
  await expectAccessible(page);

  // Nothing filled in: every field says what is missing, and nothing is saved.
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  await expect(page.getByText("First name is required.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("First name").fill("Lucía");
  await page.getByLabel("Last name").fill("Fernández");
  await page.getByLabel("Date of birth").fill("1991-06-15");
  await page.getByLabel("Sex").selectOption("FEMALE");
  await page.getByRole("group", { name: "About you" }).getByLabel("Phone").fill("+1 555 010 3030");
  await page.getByLabel("Street address").fill("8 Linden Row");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("Postal code").fill("01105");
  await page.getByLabel("Country").fill("United States");
  await page.getByRole("group", { name: "Emergency contact" }).getByLabel("Name").fill("Pablo Fernández");
  await page.getByRole("group", { name: "Emergency contact" }).getByLabel("Phone").fill("+1 555 010 3031");
  await page.getByLabel("Relationship").fill("Brother");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(/\/patient\?welcome=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Lucía" })).toBeVisible();
  await expect(page.getByText("8 Linden Row, 01105 Springfield, United States")).toBeVisible();
  await expectAccessible(page);

  // Onboarding is done once; the area no longer sends them back to it.
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/patient$/);
});

test("a patient who has not finished onboarding cannot skip it", async ({ page }) => {
  await signIn(page, `skipper.${Date.now()}@example.com`, "link");
  await page.goto("/patient");
  await expect(page).toHaveURL(/\/onboarding$/);
});
