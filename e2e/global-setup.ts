import { rmSync } from "node:fs";
import { PROFILES, startStack } from "../scripts/stack.ts";
import { removeEmbeddedPostgres } from "../scripts/services/postgres.ts";

/** Starts the full stack from a clean data folder, so every run begins with only the seeded demo clinic. */
export default async function globalSetup() {
  const profile = PROFILES.e2e;
  removeEmbeddedPostgres(profile.dataDir);
  rmSync(profile.dataDir, { recursive: true, force: true });
  // Many sign-ins come from one address in a run; the per-address limit is what the tests exercise.
  process.env.SIGNIN_LIMIT_PER_IP = "500";
  const stack = await startStack(profile, (msg) => console.log(`[e2e stack] ${msg}`), (line) => {
    if (process.env.E2E_APP_LOGS) console.log(`[portal] ${line}`);
  });
  console.log(`[e2e stack] ready: ${JSON.stringify(stack.timings)}`);
  return () => stack.stop();
}
