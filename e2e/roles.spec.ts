import { expect, test } from "./support/test";
import { expectAccessible, expectAccessibleOnce } from "./support/a11y";
import { signIn } from "./support/auth";

const AREAS = ["/patient", "/doctor", "/pharmacy", "/admin"] as const;

const ROLES = [
  { role: "patient", email: "patient@example.com", via: "code", home: "/patient", heading: "Hello, Maria" },
  { role: "doctor", email: "dr.chen@example.com", via: "link", home: "/doctor", heading: "Today" },
  { role: "pharmacist", email: "pharmacist@example.com", via: "code", home: "/pharmacy", heading: "Counter" },
  { role: "admin", email: "admin@example.com", via: "link", home: "/admin", heading: "Overview" },
] as const;

test("an anonymous visitor is sent to sign in, and every area refuses them", async ({ page }) => {
  for (const area of AREAS) {
    await page.goto(area);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(area)}`));
  }
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

for (const r of ROLES) {
  test(`${r.role === "admin" ? "an" : "a"} ${r.role} signs in with the emailed ${r.via}, sees their own area and gets 403 elsewhere`, async ({ page }) => {
    await signIn(page, r.email, r.via);
    await expect(page).toHaveURL(new RegExp(`${r.home}$`));
    await expect(page.getByRole("heading", { level: 1, name: r.heading })).toBeVisible();
    await expectAccessible(page);

    for (const area of AREAS.filter((a) => a !== r.home)) {
      const response = await page.goto(area);
      expect(response?.status(), `${r.role} opening ${area}`).toBe(403);
      await expect(page.getByRole("heading", { name: "This area is not for your role" })).toBeVisible();
      await expectAccessibleOnce(page);
    }

    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expectAccessible(page);
  });
}

test("after signing in, a visitor returns to the page they asked for", async ({ page }) => {
  await signIn(page, "dr.okafor@example.com", "code", "/signin?callbackUrl=%2Faccount");
  await expect(page).toHaveURL(/\/account$/);
});
