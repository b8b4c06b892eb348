import { expect, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";

test("a patient opens their wallet from the navigation: a Safe address, no ETH needed, and their operations", async ({ page }) => {
  await signIn(page, "james.walker@example.com", "code");
  await page.getByRole("link", { name: "Wallet" }).first().click();
  await expect(page).toHaveURL(/\/account\/wallet$/);
  await expect(page.getByRole("heading", { level: 1, name: "Wallet" })).toBeVisible();
  await expect(page.getByTestId("wallet-address")).toHaveText(/^0x[0-9a-fA-F]{40}$/);
  const eth = page.locator("dt", { hasText: "ETH" }).locator("xpath=following-sibling::dd");
  await expect(eth).toHaveText("0");
  await expect(page.getByText(/Sponsored gas today/)).toBeVisible();
  await expectAccessible(page);

  // The address is the user's own and stays the same.
  const address = await page.getByTestId("wallet-address").textContent();
  await page.reload();
  await expect(page.getByTestId("wallet-address")).toHaveText(address!);
});

test("a patient's consent grant shows on their wallet as pending, then confirmed with its transaction", async ({ page }) => {
  await signIn(page, "sofia.rossi@example.com", "code");
  await page.goto("/patient/consents");
  await expect(page.getByRole("heading", { level: 1, name: "Who may see my record" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Doctor").selectOption({ label: "Dr. Karim Haddad — Family medicine" });
  await page.getByLabel("What they may see").selectOption("medications");
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page.getByText("Access granted. It is being recorded on the blockchain.")).toBeVisible();

  await page.getByRole("link", { name: "Wallet" }).first().click();
  const op = page.getByRole("row", { name: /Consent granted/ });
  await expect(op).toHaveCount(1);
  // The page refreshes by itself until the worker has the receipt (the first op also deploys the Safe).
  await expect(op).toContainText("Confirmed", { timeout: 30_000 });
  await expect(op).toContainText(/Transaction 0x[0-9a-f]{64}/);
  await expect(page.getByText("Active on chain.")).toBeVisible();
  await expect(page.locator("dt", { hasText: "ETH" }).locator("xpath=following-sibling::dd")).toHaveText("0");
  await expectAccessible(page);
});

test("every role has a wallet", async ({ page }) => {
  await signIn(page, "pharmacist2@example.com", "link");
  await page.goto("/account/wallet");
  await expect(page.getByTestId("wallet-address")).toHaveText(/^0x[0-9a-fA-F]{40}$/);
  await expectAccessible(page);
});

test("an admin sees sponsorship spending and sets a role's budget and one user's own budget", async ({ page }) => {
  await signIn(page, "admin2@example.com", "code");
  await page.getByRole("link", { name: "Sponsorship" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sponsorship" })).toBeVisible();
  await expectAccessible(page);

  const doctors = page.getByRole("row", { name: /Doctor/ });
  await doctors.getByLabel("Daily gas per doctor").fill("4500000");
  await doctors.getByRole("button", { name: "Save the doctor budget" }).click();
  await expect(doctors.getByText("Budget saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: /Doctor/ }).getByLabel("Daily gas per doctor")).toHaveValue("4500000");

  await page.getByLabel("User's email address").fill("grace.kim@example.com");
  await page.getByLabel("Daily gas", { exact: true }).fill("abc");
  await page.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByText("Enter a number of gas units.")).toBeVisible();
  await page.getByLabel("User's email address").fill("grace.kim@example.com");
  await page.getByLabel("Daily gas", { exact: true }).fill("1200000");
  await page.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByText("Override saved.")).toBeVisible();
  await expect(page.getByRole("row", { name: /grace\.kim@example\.com/ })).toContainText("1,200,000");
  await expectAccessible(page);
});
