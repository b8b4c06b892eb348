import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";

// From the seeded catalogue (scripts/db/data/pharmacy-catalogue.json).
const PARACETAMOL = { name: "Paracetamol 500 mg tablets", barcode: "5901234100007", price: "$2.49" };
const IBUPROFEN = { name: "Ibuprofen 400 mg tablets", barcode: "5901234100373" };

async function onHandOf(page: Page, name: string): Promise<number> {
  await page.goto(`/pharmacy/inventory?q=${encodeURIComponent(name)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  const text = await row.getByRole("cell").nth(4).innerText();
  return Number(text.trim());
}

test("a pharmacist scans items and completes a sale with the keyboard alone", async ({ page }) => {
  await signIn(page, "pharmacist@example.com", "code");
  await expect(page).toHaveURL(/\/pharmacy$/);
  // A scanner types the code and presses Enter as soon as the page shows, perhaps before it is interactive.
  const scan = page.getByRole("combobox", { name: "Scan or type an item" });
  await expect(scan).toBeFocused();
  await page.keyboard.type(PARACETAMOL.barcode);
  await page.keyboard.press("Enter");
  const cart = page.getByRole("region", { name: /Cart/ });
  await expect(cart.getByRole("row", { name: new RegExp(PARACETAMOL.name) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Counter" })).toBeVisible();
  await expectAccessible(page);

  const side = await page.context().newPage();
  const before = await onHandOf(side, PARACETAMOL.name);
  await expectAccessible(side);
  await side.close();

  await expect(scan).toBeFocused();
  await page.keyboard.type(PARACETAMOL.barcode);
  await page.keyboard.press("Enter");
  await expect(cart.getByLabel(`Quantity of ${PARACETAMOL.name}`)).toHaveValue("2");
  // A name typed by hand: the matches list, arrows, Enter.
  await page.keyboard.type("ibuprofen 400");
  await expect(page.getByRole("option", { name: new RegExp(IBUPROFEN.name) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(cart.getByRole("row", { name: new RegExp(IBUPROFEN.name) })).toBeVisible();
  // An unknown code is refused, clearly.
  await page.keyboard.type("4006381333931");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Nothing in the catalogue matches “4006381333931”" })).toBeVisible();
  await expectAccessible(page);

  // Enter on the empty scan field goes to payment; arrows choose the method; Enter completes the sale.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio", { name: "Cash" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Card" })).toBeChecked();
  await page.keyboard.press("Enter");
  const done = page.getByRole("status").filter({ hasText: /Sale \d+ completed/ });
  await expect(done).toBeVisible();
  await expect(cart.getByText("Nothing scanned yet.")).toBeVisible();
  await expect(scan).toBeFocused();
  await expectAccessible(page);

  await done.getByRole("link", { name: /Receipt for sale/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Receipt: sale \d+/ })).toBeVisible();
  const receipt = page.getByRole("region", { name: "Receipt" });
  await expect(receipt).toContainText(PARACETAMOL.name);
  await expect(receipt).toContainText("Card");
  await expectAccessible(page);

  expect(await onHandOf(page, PARACETAMOL.name)).toBe(before - 2);
});

test("receiving a sent purchase order raises stock", async ({ page }) => {
  await signIn(page, "pharmacist2@example.com", "code");
  await page.goto("/pharmacy/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expectAccessible(page);
  const sent = page.getByRole("row").filter({ hasText: "Sent" }).first();
  await sent.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /PO-\d+/ })).toBeVisible();
  await expectAccessible(page);

  const legend = page.getByRole("group").first().locator("legend");
  const name = await legend.locator("span").first().innerText();
  const ordered = Number(/(\d+) to receive/.exec(await legend.innerText())![1]);
  const orderUrl = page.url();
  const before = await onHandOf(page, name);
  await page.goto(orderUrl);

  // Receive part of the first line only: the order becomes partly received.
  const group = page.getByRole("group").first();
  await group.getByLabel("Quantity received").fill(String(ordered - 1));
  await group.getByLabel("Lot number").fill("E2E-LOT-1");
  await group.getByLabel("Expiry date").fill(new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10));
  for (const other of await page.getByRole("group").all()) {
    if ((await other.getByLabel("Lot number").inputValue()) === "") await other.getByLabel("Quantity received").fill("0");
  }
  await page.getByRole("button", { name: "Receive into stock" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Received ${ordered - 1} unit` })).toBeVisible();
  await expect(page.getByText("Partly received", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Received so far" })).toContainText("E2E-LOT-1");
  await expectAccessible(page);

  expect(await onHandOf(page, name)).toBe(before + ordered - 1);
});
