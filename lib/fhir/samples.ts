import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Where the shared synthetic Synthea bundles are (read, never copied into the project): `../shared/fhir/synthea-r4`
 * beside the project, as on every developer's machine and in CI. Undefined when it is absent.
 */
export function syntheaSamplesDir(): string | undefined {
  const dir = join(import.meta.dirname, "..", "..", "..", "shared", "fhir", "synthea-r4");
  return existsSync(dir) ? dir : undefined;
}
