import { defineConfig } from "@playwright/test";
import { PROFILES } from "./scripts/stack.ts";

/**
 * End-to-end tier: the whole stack of `npm start` on its own ports and a fresh data folder (e2e/global-setup.ts),
 * driven in Debian's Chromium (never a downloaded browser). localhost, not 127.0.0.1: Auth.js's cookies need it.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PROFILES.e2e.ports.app}`,
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
