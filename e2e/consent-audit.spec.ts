import { expect, newTrackedPage, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";

test("a patient grants a doctor access, sees it confirmed on chain, revokes it, and sees who accessed their record", async ({ page }) => {
  await signIn(page, "patient@example.com", "code");
  await page.getByRole("link", { name: "Consents" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Who may see my record" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Doctor").selectOption({ label: "Dr. Lena Chen — Cardiology" });
  await page.getByLabel("What they may see").selectOption("medications");
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page.getByText("Access granted. It is being recorded on the blockchain.")).toBeVisible();
  const row = page.getByRole("row", { name: /Dr\. Lena Chen.*Medications/ });
  await expect(row).toContainText(/Pending|Confirmed/);
  // The page refreshes itself while the operation is pending: confirmed, with its transaction.
  await expect(row).toContainText("Confirmed", { timeout: 30_000 });
  await expect(row).toContainText(/tx 0x[0-9a-f]{8}/);
  await expect(row).toContainText("Active");
  await expectAccessible(page);

  await row.getByRole("button", { name: /Revoke access of Dr\. Lena Chen/ }).click();
  await expect(row).toContainText("Revoked");
  await expect(row).toContainText("Confirmed", { timeout: 30_000 });

  await page.getByRole("link", { name: "Access log" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Who accessed my record" })).toBeVisible();
  const grant = page.getByRole("row", { name: /grant · Consent/ }).first();
  await expect(grant).toContainText("You");
  await expectAccessible(page);
  // The anchoring job seals new events into a batch on chain every few seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: /grant · Consent/ }).first()).toContainText("Verified on chain", { timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await expectAccessible(page);

  const bundle = await page.request.get("/api/fhir/AuditEvent");
  expect(bundle.headers()["content-type"]).toContain("application/fhir+json");
  const body = (await bundle.json()) as { resourceType: string; entry: { resource: { resourceType: string; action: string } }[] };
  expect(body.resourceType).toBe("Bundle");
  expect(body.entry.some((e) => e.resource.resourceType === "AuditEvent" && e.resource.action === "C")).toBe(true);
});

test("an admin reviews the audit trail; a proposal to the admin Safe runs only after a second admin confirms it", async ({ page, browser }) => {
  await signIn(page, "admin@example.com", "link");
  await page.getByRole("link", { name: "Audit" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await expect(page.getByText("The audit trail is intact")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Contracts" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Contracts" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Change").selectOption("verify-clinician");
  await page.getByLabel("Doctor").selectOption({ label: "Dr. Samuel Okafor" });
  await page.getByRole("button", { name: "Propose and sign" }).click();
  const proposal = page.getByRole("row", { name: /Verify Dr\. Samuel Okafor/ });
  await expect(proposal).toContainText("1 of 2");
  await expect(proposal).toContainText("Pending");
  // The proposer cannot confirm their own proposal.
  await expect(proposal.getByRole("button", { name: /Confirm and sign/ })).toHaveCount(0);
  await expectAccessible(page);

  const second = await newTrackedPage(browser);
  await signIn(second, "admin2@example.com", "code");
  await second.goto("/admin/contracts");
  const same = second.getByRole("row", { name: /Verify Dr\. Samuel Okafor/ });
  await same.getByRole("button", { name: /Confirm and sign/ }).click();
  await expect(second.getByRole("row", { name: /Verify Dr\. Samuel Okafor/ })).toContainText("Executed", { timeout: 20_000 });
  await expect(second.getByRole("row", { name: /Verify Dr\. Samuel Okafor/ })).toContainText("2 of 2");
  await expect(second.getByRole("row", { name: /Verify Dr\. Samuel Okafor/ })).toContainText(/tx 0x[0-9a-f]{64}/);
  await expectAccessible(second);
});
