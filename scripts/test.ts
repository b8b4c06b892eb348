/**
 * `npm test`: every tier, in order of speed, each against real parts:
 *   types        tsc over the whole project
 *   unit         Vitest, *.test.ts, no services
 *   contracts    Foundry unit, fuzz and invariant tests, then the committed gas snapshot
 *   integration  Vitest, *.integration.test.ts, a fresh PostgreSQL database, a mail sink and local chains
 *   e2e          Playwright in Debian's Chromium against the whole `npm start` stack
 * `npm test -- unit integration` runs only the named tiers. Exits non-zero when any tier fails.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const REPORTS = join(ROOT, ".data", "test-reports");
const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

interface Tier {
  name: string;
  commands: string[][];
  /** Passed and failed test counts, read from the tier's report after it ran. */
  count?: () => Counts;
  env?: Record<string, string>;
}

/** A tier's tally; `failures` names each failed test with the first line of its error, for the summary. */
interface Counts {
  passed: number;
  failed: number;
  failures?: string[];
}

const firstLine = (message: string | undefined) => (message ?? "").replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n")[0]!.slice(0, 300);

function vitestCount(file: string) {
  return (): Counts => {
    const report = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
    };
    const failures = report.testResults.flatMap((file) => {
      const where = file.name.replace(`${ROOT}/`, "");
      const failed = file.assertionResults.filter((a) => a.status === "failed");
      // a file that failed to load or whose hooks threw has no failed assertion, only a message
      if (failed.length === 0 && file.message) return [`${where}: ${firstLine(file.message)}`];
      return failed.map((a) => `${where} › ${a.fullName}: ${firstLine(a.failureMessages[0])}`);
    });
    return { passed: report.numPassedTests, failed: report.numFailedTests, failures };
  };
}

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}

function playwrightFailures(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === "unexpected")
        .map((t) => `${spec.file}:${spec.line} › ${spec.title}: ${firstLine(t.results.at(-1)?.error?.message)}`),
    ),
    ...playwrightFailures(suite.suites ?? []),
  ]);
}

let forgeOutput = "";

const TIERS: Tier[] = [
  { name: "types", commands: [[bin("tsc"), "--noEmit", "-p", "tsconfig.json"]] },
  {
    name: "unit",
    commands: [[bin("vitest"), "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${join(REPORTS, "unit.json")}`]],
    count: vitestCount(join(REPORTS, "unit.json")),
  },
  {
    name: "contracts",
    commands: [
      ["node", "scripts/forge.mjs", "test"],
      ["node", "scripts/forge.mjs", "snapshot", "--check"],
    ],
    count: () => {
      const summary = /(\d+) tests passed, (\d+) failed/.exec(forgeOutput);
      return { passed: Number(summary?.[1] ?? 0), failed: Number(summary?.[2] ?? 0) };
    },
  },
  {
    name: "integration",
    commands: [[bin("vitest"), "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${join(REPORTS, "integration.json")}`]],
    count: vitestCount(join(REPORTS, "integration.json")),
  },
  {
    name: "e2e",
    commands: [[bin("playwright"), "test", "--reporter=list,json"]],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(REPORTS, "e2e.json") },
    count: () => {
      const report = JSON.parse(readFileSync(join(REPORTS, "e2e.json"), "utf8")) as {
        stats: { expected: number; unexpected: number; flaky: number };
        suites: PlaywrightSuite[];
      };
      return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, failures: playwrightFailures(report.suites) };
    },
  },
];

function run(command: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    const child = spawn(file!, args, { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const echo = (chunk: Buffer, out: NodeJS.WriteStream) => {
      if (file === "node" && args[0] === "scripts/forge.mjs") forgeOutput += chunk.toString("utf8");
      out.write(chunk);
    };
    child.stdout.on("data", (c: Buffer) => echo(c, process.stdout));
    child.stderr.on("data", (c: Buffer) => echo(c, process.stderr));
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !TIERS.some((t) => t.name === w));
if (unknown.length) {
  console.error(`unknown tier(s): ${unknown.join(", ")}; tiers are ${TIERS.map((t) => t.name).join(", ")}`);
  process.exit(2);
}
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const results: ({ name: string; ok: boolean; seconds: number } & Counts)[] = [];
for (const tier of TIERS.filter((t) => wanted.length === 0 || wanted.includes(t.name))) {
  console.log(`\n━━ ${tier.name} ━━`);
  const started = performance.now();
  let ok = true;
  for (const command of tier.commands) {
    if ((await run(command, tier.env ?? {})) !== 0) {
      ok = false;
      break;
    }
  }
  let counts: Counts = { passed: 0, failed: 0 };
  try {
    if (tier.count) counts = tier.count();
  } catch {
    // no report: the tier failed before its runner wrote one; `ok` already says so
  }
  if (tier.count && counts.passed + counts.failed === 0) ok = false; // a tier that ran no test has not passed
  results.push({ name: tier.name, ok, seconds: (performance.now() - started) / 1000, ...counts });
}

console.log("\n━━ summary ━━");
for (const r of results) {
  const tests = r.name === "types" ? "" : `  ${r.passed} passed, ${r.failed} failed`;
  console.log(`${r.ok ? "ok  " : "FAIL"}  ${r.name.padEnd(12)} ${r.seconds.toFixed(1).padStart(6)} s${tests}`);
}
// The summary is what a truncated CI log still shows, so it names what failed, not only how many.
const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `  ${r.name}: ${f}`));
if (failures.length) console.log(`\nfailed:\n${failures.join("\n")}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0) + results.filter((r) => !r.ok && r.failed === 0).length;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
