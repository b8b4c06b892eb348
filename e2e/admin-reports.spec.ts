import { expect, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";

const DEMO_DOCTORS = ["Dr. Lena Chen", "Dr. Samuel Okafor", "Dr. Ingrid Lindqvist", "Dr. Karim Haddad"];

/** A number in the per-doctor table: the doctor's row, the column by its heading's position among the data cells. */
async function figure(page: import("@playwright/test").Page, doctor: string, column: number): Promise<number> {
  return Number(await page.getByRole("row", { name: new RegExp(doctor) }).getByRole("cell").nth(column).innerText());
}

test("an admin opens the clinic report, reads the charts and the per-doctor table, and switches the period", async ({ page }) => {
  await signIn(page, "admin@example.com", "code");
  await page.getByRole("link", { name: "Reports", exact: true }).first().click();
  await expect(page).toHaveURL(/\/admin\/reports$/);
  await expect(page.getByRole("heading", { level: 1, name: "Clinic report" })).toBeVisible();
  await expect(page.getByText(/The last 30 days, .* today included/)).toBeVisible();
  await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");

  // The charts: a picture with a name, and the same numbers as a table for screen readers.
  await expect(page.getByRole("img", { name: /^Appointments per day, by outcome/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Prescriptions signed per day/ })).toBeVisible();
  const perDay = page.getByRole("table", { name: "Appointments per day, by outcome" });
  await expect(perDay.getByRole("row")).toHaveCount(31);
  await expect(perDay.getByRole("columnheader")).toHaveText(["Day", "Completed", "Booked or in progress", "No-show", "Cancelled", "Total"]);

  // Every demo doctor has a row; Dr. Haddad's seeded visit 12 days ago counts as completed and signed.
  const doctors = page.getByRole("table", { name: /^Per doctor, the last 30 days/ });
  for (const name of DEMO_DOCTORS) await expect(doctors.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await expect(doctors.getByRole("row", { name: /All doctors/ })).toBeVisible();
  expect(await figure(page, "Dr. Karim Haddad", 1)).toBeGreaterThanOrEqual(1);
  expect(await figure(page, "Dr. Karim Haddad", 5)).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(/Revenue is an estimate/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Review emergency access" })).toHaveAttribute("href", "/admin/break-glass");
  await expect(page.getByText(/Test Patient|Maria Lopez|@example\.com/)).toHaveCount(0);
  await expectAccessible(page);

  // 90 days reach Dr. Chen's seeded visit, 35 days ago; 7 days list seven days.
  await page.getByRole("link", { name: "90 days" }).click();
  await expect(page).toHaveURL(/days=90/);
  await expect(page.getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table", { name: "Appointments per day, by outcome" }).getByRole("row")).toHaveCount(91);
  expect(await figure(page, "Dr. Lena Chen", 1)).toBeGreaterThanOrEqual(1);
  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page.getByText(/The last 7 days/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Appointments per day, by outcome" }).getByRole("row")).toHaveCount(8);
  await expectAccessible(page);
});
