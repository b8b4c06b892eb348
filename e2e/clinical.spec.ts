import { expect, newTrackedPage, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";
import { waitForMail } from "./support/mail";

const CLINIC_TIME_ZONE = "America/New_York";
const clinicDate = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

test("a patient books with consent, the doctor records the visit and signs a prescription, the patient sees both and the access", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The patient finds a pediatrician and books the first free time, letting the doctor see the record.
  await signIn(page, "mei.tanaka@example.com", "code");
  await page.getByRole("link", { name: "Find a doctor" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Find a doctor" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Specialty", { exact: true }).selectOption("Pediatrics");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("list", { name: "Doctors" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText(/Next free:/)).toBeVisible();
  await page.getByRole("link", { name: "Book with Dr. Samuel Okafor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Book an appointment" })).toBeVisible();
  await expectAccessible(page);
  const slot = page.getByRole("radio").first();
  const startsAt = (await slot.getAttribute("value"))!;
  await slot.check();
  await page.getByLabel("Reason for the visit").fill("Recurring cough at night");
  await expect(page.getByRole("checkbox", { name: /Let Dr\. Samuel Okafor see my record/ })).toBeChecked();
  const since = new Date(Date.now() - 1_000);
  await page.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appointments" })).toBeVisible();
  await expect(page.getByText(/Your appointment on .* is booked/)).toBeVisible();
  await expect(page.getByRole("row", { name: /Dr\. Samuel Okafor/ })).toContainText("Booked");
  await expectAccessible(page);
  const confirmation = await waitForMail("mei.tanaka@example.com", since);
  expect(confirmation.subject).toMatch(/^Your appointment is booked/);
  expect(confirmation.text).not.toContain("cough");

  // The doctor sees the appointment on its day, starts the visit and writes it up.
  const doctor = await newTrackedPage(browser);
  await signIn(doctor, "dr.okafor@example.com", "code");
  await doctor.goto(`/doctor?date=${clinicDate(startsAt)}`);
  const row = doctor.getByRole("row", { name: /Mei Tanaka/ });
  await expect(row).toContainText("Booked");
  await expectAccessible(doctor);
  await row.getByRole("button", { name: /Start visit: Mei Tanaka/ }).click();
  await expect(doctor.getByRole("heading", { level: 1, name: "Visit: Mei Tanaka" })).toBeVisible();
  await expectAccessible(doctor);
  await doctor.getByLabel("Subjective").fill("Cough at night for three weeks, worse after exercise.");
  await doctor.getByLabel("Objective").fill("Scattered expiratory wheeze, SpO2 97%.");
  await doctor.getByLabel("Assessment").fill("Mild intermittent asthma.");
  await doctor.getByLabel("Plan").fill("Reliever inhaler, review in four weeks.");
  await doctor.getByLabel("Heart rate (/min)").fill("82");
  await doctor.getByLabel("SpO₂ (%)").fill("97");
  await doctor.getByRole("button", { name: "Save notes and vitals" }).click();
  await expect(doctor.getByText("Notes and vitals saved.")).toBeVisible();
  await doctor.getByLabel("Find a code").fill("asthma");
  await doctor.getByRole("button", { name: "Search codes" }).click();
  await doctor.getByRole("button", { name: /^Add J45\.20 / }).click();
  await expect(doctor.getByText(/Added J45\.20/)).toBeVisible();
  await expectAccessible(doctor);

  // A prescription from the catalogue, with price and stock shown before signing.
  await doctor.getByRole("link", { name: "New prescription" }).click();
  await expect(doctor.getByRole("heading", { level: 1, name: "New prescription" })).toBeVisible();
  await doctor.getByLabel("Search the catalogue").fill("albuterol");
  await doctor.getByRole("button", { name: "Search" }).click();
  await doctor.getByRole("link", { name: /^Choose .*Albuterol/i }).first().click();
  await expect(doctor.getByText(/in stock|Out of stock/)).toBeVisible();
  await expectAccessible(doctor);
  await doctor.getByRole("textbox", { name: "Dose", exact: true }).fill("2 puffs");
  await doctor.getByRole("combobox", { name: "Route", exact: true }).selectOption("inhaled");
  await doctor.getByRole("combobox", { name: "Frequency", exact: true }).selectOption("every 4 hours as needed");
  await doctor.getByRole("spinbutton", { name: "Duration (days)", exact: true }).fill("30");
  await doctor.getByRole("spinbutton", { name: "Quantity", exact: true }).fill("1");
  const acknowledge = doctor.getByRole("checkbox", { name: /I have considered/ });
  if (await acknowledge.isVisible()) await acknowledge.check();
  await doctor.getByRole("button", { name: "Sign prescription" }).click();
  await expect(doctor.getByRole("heading", { level: 1, name: "Prescription" })).toBeVisible();
  await expect(doctor.getByRole("img", { name: /QR code of prescription RX-/ })).toBeVisible();
  const code = (await doctor.getByText(/^RX-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent())!.trim();
  await expectAccessible(doctor);
  // Anchored on chain by the doctor's Safe through the outbox.
  await expect(async () => {
    await doctor.reload();
    await expect(doctor.getByText("Confirmed")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });

  await doctor.goto(`/doctor?date=${clinicDate(startsAt)}`);
  await doctor.getByRole("link", { name: /Continue visit: Mei Tanaka/ }).click();
  await expect(doctor.getByRole("link", { name: /Albuterol/i })).toBeVisible();
  await doctor.getByRole("button", { name: "Sign and lock visit" }).click();
  // The page shows the signed state instead of the forms.
  await expect(doctor.getByText("Signed and locked").first()).toBeVisible();
  await expect(doctor.getByRole("button", { name: "Save notes and vitals" })).toHaveCount(0);
  await expectAccessible(doctor);

  // The patient sees the signed visit and the prescription, and the doctor's reads in the access log.
  await page.getByRole("link", { name: "Visits", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Visits and prescriptions" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Albuterol/i })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Dr\. Samuel Okafor/ }).first().click();
  await expect(page.getByText("Mild intermittent asthma.")).toBeVisible();
  await expect(page.getByText(/J45\.20/).first()).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/rx/${code}`);
  await expect(page.getByText(code)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/patient/access-log");
  await expect(page.getByRole("row", { name: /Dr\. Samuel Okafor.*read · Visit/ }).first()).toBeVisible();
  await expectAccessible(page);
});

test("a doctor breaks the glass for a patient without consent; the patient is told; an admin reviews it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "dr.lindqvist@example.com", "code");
  await page.getByRole("link", { name: "Emergency access" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Emergency access" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Patient's name").fill("Adeyemi");
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("link", { name: "Choose Oluwaseun Adeyemi" }).click();
  await expectAccessible(page);
  await page.getByLabel("Reason").fill("Brought in unconscious after a fall; need allergies and medications now.");
  const since = new Date(Date.now() - 1_000);
  await page.getByRole("button", { name: "Open the chart in an emergency" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oluwaseun Adeyemi" })).toBeVisible();
  await expectAccessible(page);
  const alert = await waitForMail("oluwaseun.adeyemi@example.com", since);
  expect(alert.subject).toBe("A doctor opened your record in an emergency");
  expect(alert.text).not.toContain("unconscious");

  const admin = await newTrackedPage(browser);
  await signIn(admin, "admin2@example.com", "code");
  await admin.getByRole("link", { name: "Emergency access" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Emergency access review" })).toBeVisible();
  const event = admin.getByRole("listitem").filter({ hasText: "Dr. Ingrid Lindqvist opened Oluwaseun Adeyemi's chart" }).first();
  await expect(event).toContainText("Brought in unconscious after a fall");
  await expect(event).toContainText("To review");
  await expectAccessible(admin);
  await event.getByLabel("Verdict").selectOption("JUSTIFIED");
  await event.getByLabel("Note").fill("ER admission confirmed");
  await event.getByRole("button", { name: "Record review" }).click();
  // Once reviewed, the event shows its verdict and who gave it instead of the form.
  await expect(event).toContainText("Reviewed by Jonas Weber");
  await expect(event).toContainText("ER admission confirmed");
  await admin.reload();
  await expect(admin.getByRole("listitem").filter({ hasText: "Dr. Ingrid Lindqvist opened Oluwaseun Adeyemi's chart" }).first()).toContainText("Justified");
  await expectAccessible(admin);
});
