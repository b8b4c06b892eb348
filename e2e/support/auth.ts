import type { Page } from "@playwright/test";
import { expect } from "./test";
import { expectAccessibleOnce } from "./a11y";
import { signInCodeOf, signInLinkOf, waitForMail } from "./mail";

/**
 * Signs in as a person would: asks for the email on the sign-in page, reads the real email in the mail sink,
 * then either types the 6-digit code in the same tab or opens the link.
 */
export async function signIn(page: Page, email: string, via: "code" | "link", startAt = "/signin"): Promise<void> {
  await page.goto(startAt);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessibleOnce(page);
  const since = new Date(Date.now() - 1_000);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessibleOnce(page);
  const mail = await waitForMail(email, since);
  if (via === "code") {
    await page.getByLabel("6-digit code").fill(signInCodeOf(mail));
    await page.getByRole("button", { name: "Sign in" }).click();
  } else {
    await page.goto(signInLinkOf(mail));
  }
  await expect(page).not.toHaveURL(/\/signin/);
  await page.waitForLoadState();
  await expectAccessibleOnce(page);
}
