import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Temporary, for running lib/chain tests alone until the root vitest.config.ts exists:
//   node_modules/.bin/vitest run --config lib/chain/vitest.config.ts [file]
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("../..", import.meta.url)) } },
  test: { root: fileURLToPath(new URL("../..", import.meta.url)), include: ["lib/chain/**/*.test.ts"] },
});
