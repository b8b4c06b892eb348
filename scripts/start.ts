/**
 * `npm start` (and `npm run dev` with hot reload): brings up the whole embedded stack, prints where to go and who to
 * sign in as, and stops everything on Ctrl-C. Any service configured in the environment is used instead of its
 * embedded default (see README, Configuration).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isAlive } from "./services/process.ts";
import { PROFILES, startStack, type RunningStack } from "./stack.ts";
import { DEMO_PATIENTS, DEMO_STAFF } from "./db/demo-clinic.ts";

const dev = process.argv.includes("--dev");
const profile = { ...PROFILES.dev, dev };
const say = (msg: string) => process.stdout.write(`[start] ${msg}\n`);
const lockFile = join(profile.dataDir, "start.pid");

if (existsSync(lockFile)) {
  const pid = Number(readFileSync(lockFile, "utf8"));
  if (isAlive(pid) && pid !== process.pid) {
    say(`already running (pid ${pid}). Stop it with Ctrl-C in its terminal, or kill ${pid}.`);
    process.exit(1);
  }
}

const started = performance.now();
const starting = new AbortController();
let stack: RunningStack | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping…");
  await stack?.stop();
  rmSync(lockFile, { force: true });
  say("stopped.");
  process.exit(code);
}
// Ctrl-C while starting aborts the start (startStack stops what already runs); once started, it stops everything.
const onSignal = () => (stack ? void shutdown(0) : starting.abort());
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

try {
  mkdirSync(profile.dataDir, { recursive: true });
  writeFileSync(lockFile, String(process.pid));
  stack = await startStack(profile, say, (line) => process.stdout.write(`[portal] ${line}\n`), starting.signal);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const byRole = (role: string) => DEMO_STAFF.filter((s) => s.role === role).map((s) => s.email).join(", ");
  process.stdout.write(`
  CareChain Health is ready in ${seconds} s${dev ? " (development mode, hot reload)" : ""}.

    Portal          ${stack.appUrl}
    Mail sink       ${stack.mailUrl ?? "(SMTP_URL is set: mail goes to your server)"}   ← sign-in emails land here
    Health          ${stack.appUrl}/api/health
    Chain (RPC)     ${stack.env.CHAIN_RPC_URL}
    Bundler         ${stack.env.BUNDLER_URL}

  Sign in with any of these addresses; open the email in the mail sink and click the link or type the code.
    Patient         ${DEMO_PATIENTS[0]!.email}   (and ${DEMO_PATIENTS.length - 1} more, e.g. ${DEMO_PATIENTS[1]!.email})
    Doctor          ${byRole("DOCTOR")}
    Pharmacist      ${byRole("PHARMACIST")}
    Admin           ${byRole("ADMIN")}
  Or register as a new patient with any other address.

  Timings (ms): ${Object.entries(stack.timings).map(([k, v]) => `${k} ${v}`).join(", ")}
  Press Ctrl-C to stop everything.
`);
} catch (error) {
  if (starting.signal.aborted) await shutdown(0);
  say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
