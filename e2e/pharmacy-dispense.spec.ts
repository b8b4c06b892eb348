import pg from "pg";
import { PROFILES } from "../scripts/stack.ts";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";
import { expect, newTrackedPage, test } from "./support/test";

test("a doctor's signed prescription is verified and dispensed from the keyboard; a second dispense is refused", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The prescriber must be a verified clinician on chain: two admins verify Dr. Lena Chen through the admin Safe.
  const admin = await newTrackedPage(browser);
  await signIn(admin, "admin@example.com", "code");
  await admin.goto("/admin/contracts");
  await expectAccessible(admin);
  await admin.getByLabel("Change").selectOption("verify-clinician");
  await admin.getByLabel("Doctor").selectOption({ label: "Dr. Lena Chen" });
  await admin.getByRole("button", { name: "Propose and sign" }).click();
  const proposal = (p: typeof admin) => p.getByRole("row", { name: /Verify Dr\. Lena Chen/ });
  await expect(proposal(admin).filter({ hasText: "1 of 2" })).toHaveCount(1);
  const admin2 = await newTrackedPage(browser);
  await signIn(admin2, "admin2@example.com", "code");
  await admin2.goto("/admin/contracts");
  await proposal(admin2).filter({ hasText: "1 of 2" }).getByRole("button", { name: /Confirm and sign/ }).click();
  await expect(proposal(admin2).filter({ hasText: "Executed" }).first()).toBeVisible({ timeout: 30_000 });
  await expectAccessible(admin2);

  // Dr. Chen prescribes amoxicillin/clavulanate (30 tablets, one pack) from the seeded past visit with Maria Lopez.
  const db = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${PROFILES.e2e.ports.postgres}/healthcare` });
  await db.connect();
  const { rows } = await db.query(
    `SELECT v.id FROM "Visit" v JOIN "User" d ON d.id = v."doctorId" JOIN "User" p ON p.id = v."patientId"
     WHERE d.email = 'dr.chen@example.com' AND p.email = 'patient@example.com' LIMIT 1`,
  );
  await db.end();
  const visitId = rows[0]?.id as string;
  expect(visitId).toBeTruthy();
  const doctor = await newTrackedPage(browser);
  await signIn(doctor, "dr.chen@example.com", "code");
  await doctor.goto(`/doctor/prescriptions/new?visitId=${visitId}&q=${encodeURIComponent("amoxicillin clavulanate")}`);
  await doctor.getByRole("link", { name: /^Choose Amoxicillin 250 MG/ }).click();
  await doctor.getByLabel("Dose").fill("1 tablet");
  await doctor.getByLabel("Quantity").fill("30");
  const acknowledge = doctor.getByRole("checkbox");
  if (await acknowledge.count()) await acknowledge.check();
  await expectAccessible(doctor);
  await doctor.getByRole("button", { name: "Sign prescription" }).click();
  await expect(doctor).toHaveURL(/\/rx\/RX-/);
  const code = /\/rx\/(RX-[0-9A-Z-]+)/.exec(doctor.url())![1]!;
  await expectAccessible(doctor);

  // The pharmacist scans the code (it types the code and Enter), sees the checks pass once the chain has the hash.
  await signIn(page, "pharmacist2@example.com", "code");
  await page.goto("/pharmacy/dispense");
  await expectAccessible(page);
  const unchanged = page.getByRole("listitem").filter({ hasText: "Unchanged since signing" });
  for (let i = 0; i < 30; i++) {
    await page.getByLabel("Prescription code").fill("");
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Verification" })).toBeVisible();
    if ((await unchanged.innerText()).startsWith("Passed")) break;
    await page.waitForTimeout(1_000);
  }
  for (const check of ["Signed by a verified doctor", "Unchanged since signing", "Not cancelled", "Not expired", "Fills left", "Not dispensed elsewhere"]) {
    await expect(page.getByRole("listitem").filter({ hasText: check })).toContainText("Passed");
  }
  await expectAccessible(page);
  // The quantity field has focus with the packs due; Enter dispenses and opens the label.
  await expect(page.getByLabel("Packs to hand over")).toBeFocused();
  await expect(page.getByLabel("Packs to hand over")).toHaveValue("1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /Dispensed: Amoxicillin/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Label" })).toContainText("Maria Lopez");
  await expect(page.getByRole("button", { name: "Print label and receipt" })).toBeFocused();
  await expectAccessible(page);

  // Scanned again, here or at any terminal: refused, with the reason.
  await page.goto("/pharmacy/dispense");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Do not dispense" })).toContainText("Already dispensed in full: all 1 fill used");
  await expect(page.getByRole("listitem").filter({ hasText: "Fills left" })).toContainText("Failed");
  await expect(page.getByLabel("Packs to hand over")).toHaveCount(0);
  await expectAccessible(page);

  // The fill is marked on chain (PrescriptionRegistry.dispense from the pharmacist's Safe), so any pharmacy sees it.
  await page.goto("/account/wallet");
  await expect(page.getByRole("row", { name: /Prescription dispensed/ }).first()).toContainText("Confirmed", { timeout: 60_000 });
  await expectAccessible(page);
});
