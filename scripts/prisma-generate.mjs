// Runs `prisma generate` offline. Prisma's CLI insists on a schema engine path even for generate;
// a stub is enough because generation itself runs in WASM.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { join } from "node:path";

const stub = join("node_modules", ".cache", "prisma-schema-engine-stub");
if (!existsSync(stub)) {
  mkdirSync(join("node_modules", ".cache"), { recursive: true });
  writeFileSync(stub, "#!/bin/sh\nexit 1\n");
  chmodSync(stub, 0o755);
}
const result = spawnSync(join("node_modules", ".bin", "prisma"), ["generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
