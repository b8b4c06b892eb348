#!/usr/bin/env node
// Runs the platform forge binary from the repo root and exits with its exit code.
// The npm `forge` wrapper (1.7.1) always exits 0, which would hide failing tests from CI.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function forgeBinaryPath() {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  const pkg = `@foundry-rs/forge-${process.platform}-${arch}`;
  const exe = process.platform === 'win32' ? 'forge.exe' : 'forge';
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    console.error(`forge.mjs: ${pkg} is not installed (platform ${process.platform}/${process.arch})`);
    process.exit(1);
  }
  const binary = join(pkgDir, 'bin', exe);
  if (!existsSync(binary)) {
    console.error(`forge.mjs: ${binary} not found`);
    process.exit(1);
  }
  return binary;
}

/** Runs forge with `args`; resolves to its exit code (128 + signal number when killed by a signal). */
function runForge(args, env) {
  return new Promise((resolve) => {
    const child = spawn(forgeBinaryPath(), args, { cwd: repoRoot, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`forge.mjs: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

const args = process.argv.slice(2);
const env = { ...process.env };
// See [profile.lint] in foundry.toml: lint must not write into the artifacts that `forge test` reads.
if (args[0] === 'lint' && !env.FOUNDRY_PROFILE) env.FOUNDRY_PROFILE = 'lint';

// forge 1.7 fuzzes with different inputs (so reports different fuzz-test gas) in a run that also recompiles some
// files; building first makes `snapshot` and `snapshot --check` always measure the same runs.
if (args[0] === 'snapshot') {
  const buildCode = await runForge(['build'], env);
  if (buildCode !== 0) process.exit(buildCode);
}

process.exit(await runForge(args, env));
