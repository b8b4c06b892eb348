#!/usr/bin/env node
// forge needs a native solc; none exists offline, so this answers forge's two calls with solc-js (npm `solc`).
// forge sends every source inline in the standard-JSON input, so no import callback is needed.
'use strict';
const solc = require('solc');

const args = process.argv.slice(2);

if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  process.stderr.write('solc-shim: only --version and --standard-json are supported\n');
  process.exit(1);
}

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  process.stdout.write(solc.compile(Buffer.concat(chunks).toString('utf8')));
});
