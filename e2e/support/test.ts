import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { trackVisits, uncheckedRoutes } from "./a11y";

/**
 * The e2e tests' `test`: every page of the test's own context is watched, and after the test every route it visited
 * must have had an axe check (expectAccessible) somewhere in the run so far. Use newTrackedPage for extra devices.
 */
export const test = base.extend<{ a11yCoverage: void }>({
  a11yCoverage: [
    async ({ context }, use, testInfo) => {
      trackVisits(context);
      await use();
      if (testInfo.status === testInfo.expectedStatus) {
        expect(uncheckedRoutes(), "pages visited without an accessibility check (call expectAccessible)").toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };

/** A page in a context of its own (another person or device), watched like the test's own page. */
export async function newTrackedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  trackVisits(context);
  return context.newPage();
}
