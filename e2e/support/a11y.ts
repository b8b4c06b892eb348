import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page } from "@playwright/test";

/**
 * Accessibility of every page a test visits. `expectAccessible(page)` runs axe on the page as it is now; the `test`
 * of ./test.ts records every route a test's pages navigate to and fails the test when one of them was never checked.
 * Routes are compared by path with ids folded (/pharmacy/orders/<uuid> → /pharmacy/orders/:id), so one check covers
 * a route however often it is visited.
 */
const visited = new Set<string>();
const checked = new Set<string>();
const tracked = new WeakSet<BrowserContext>();

export function routeOf(url: string): string | undefined {
  const { pathname, origin } = new URL(url);
  if (!origin.startsWith("http://localhost") || pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return undefined;
  return pathname
    .split("/")
    .map((s) => (/^[0-9a-f-]{16,}$/i.test(s) || /^\d+$/.test(s) || /^[A-Z0-9]{6,}$/.test(s) ? ":id" : s))
    .join("/");
}

export async function expectAccessible(page: Page): Promise<void> {
  // Colours measured mid-transition (a link turning into the selected button, say) are neither the old nor the new.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `accessibility of ${page.url()}`,
  ).toEqual([]);
  const route = routeOf(page.url());
  if (route) checked.add(route);
}

/** The same, skipped when this route was already checked in this run (for helpers every test goes through). */
export async function expectAccessibleOnce(page: Page): Promise<void> {
  const route = routeOf(page.url());
  if (!route || !checked.has(route)) await expectAccessible(page);
}

/** Records the routes this context's pages navigate to. */
export function trackVisits(context: BrowserContext): void {
  if (tracked.has(context)) return;
  tracked.add(context);
  const watch = (page: Page) =>
    page.on("framenavigated", (frame) => {
      const route = frame === page.mainFrame() ? routeOf(frame.url()) : undefined;
      if (route) visited.add(route);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
}

/** Routes visited so far in this worker that no expectAccessible call has covered. */
export function uncheckedRoutes(): string[] {
  return [...visited].filter((r) => !checked.has(r)).sort();
}
