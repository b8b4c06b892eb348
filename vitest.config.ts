import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const shared = {
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: `${root}/test/empty-module.ts` },
    ],
  },
};

/**
 * Two tiers by file name: `*.test.ts` are unit tests (no services), `*.integration.test.ts` run against a real
 * PostgreSQL (a fresh database per run, see test/integration-setup.ts) and the local chain.
 */
export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["{lib,scripts,app,components}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["{lib,scripts,app}/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["test/integration-setup.ts"],
          setupFiles: ["test/integration-file-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one file at a time keeps the chain stacks and the database from starving each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
