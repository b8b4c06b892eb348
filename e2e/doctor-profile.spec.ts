import { expect, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";

test("a doctor edits their directory profile, with errors explained", async ({ page }) => {
  await signIn(page, "dr.lindqvist@example.com", "code");
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.getByLabel("Specialty")).toHaveValue("Dermatology");
  await expectAccessible(page);

  await page.getByLabel("Consultation fee (USD)").fill("-5");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("The fee cannot be negative.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Consultation fee (USD)").fill("125");
  await page.getByLabel("Languages").fill("English, Swedish, German, Norwegian");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Consultation fee (USD)")).toHaveValue("125.00");
  await expect(page.getByLabel("Languages")).toHaveValue("English, Swedish, German, Norwegian");
});
