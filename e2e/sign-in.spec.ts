import { expect, newTrackedPage, test } from "./support/test";
import { expectAccessible } from "./support/a11y";
import { signIn } from "./support/auth";
import { signInCodeOf, waitForMail } from "./support/mail";

test("a wrong code is refused with the tries left, and a bad address is explained", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expectAccessible(page);

  const email = "james.walker@example.com";
  const since = new Date(Date.now() - 1_000);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const code = signInCodeOf(await waitForMail(email, since));
  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("6-digit code").fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not right. 4 tries left.")).toBeVisible();
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/patient$/);
});

test("too many sign-in emails for one address get a clear message", async ({ page }) => {
  const email = `limited.${Date.now()}@example.com`;
  for (let i = 0; i < 5; i++) {
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText(/Too many sign-in emails for this address\. Try again in \d+ minutes?/)).toBeVisible();
  await expectAccessible(page);
});

test("signing out everywhere ends the sessions on other devices too", async ({ browser }) => {
  const email = "grace.kim@example.com";
  // Two devices: two browser contexts, each with its own cookies.
  const phone = await newTrackedPage(browser);
  const laptop = await newTrackedPage(browser);
  await signIn(phone, email, "code");
  await signIn(laptop, email, "link");
  await laptop.goto("/account");
  await expect(laptop.getByText("2 active sessions")).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByText("You are signed out on every device.")).toBeVisible();
  await phone.goto("/patient");
  await expect(phone).toHaveURL(/\/signin\?callbackUrl=%2Fpatient/);
});
