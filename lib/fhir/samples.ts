import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Where the shared synthetic Synthea bundles are (read, never copied into the project): `../shared/fhir/synthea-r4`
 * next to the project, or the team machine's shared folder when the project is checked out elsewhere (CI clones).
 * Undefined when neither exists.
 */
export function syntheaSamplesDir(): string | undefined {
  const root = join(import.meta.dirname, "..", "..");
  return [join(root, "..", "shared", "fhir", "synthea-r4"), "/work/shared/fhir/synthea-r4"].find((dir) => existsSync(dir));
}
