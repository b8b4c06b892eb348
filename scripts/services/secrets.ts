import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface LocalSecrets {
  AUTH_SECRET: string;
  MASTER_KEY: string;
}

/**
 * Secrets for the embedded stack, made once and kept (mode 0600) in the git-ignored data folder so sessions
 * and encrypted data survive a restart. Production sets AUTH_SECRET and MASTER_KEY in the environment instead.
 */
export function localSecrets(path: string): LocalSecrets {
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as LocalSecrets;
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), MASTER_KEY: randomBytes(32).toString("base64") };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
