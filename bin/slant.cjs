#!/usr/bin/env node
'use strict';
const args = process.argv.slice(2);

// `slant analyze` starts from the start-up snapshot when there is one for this Node binary and this build
// (scripts/build-snapshot.ts): the model and the built-in lexicons are then already loaded and compiled.
// SLANT_NO_SNAPSHOT=1 turns it off.
if (args[0] === 'analyze' && !process.env.SLANT_NO_SNAPSHOT) {
  const code = runFromSnapshot(args);
  if (code !== undefined) {
    process.exitCode = code;
    return;
  }
}

// The program (not the library) decides on V8 flags: batch runs and the HTTP service pace full collections with
// gc() to keep long runs' memory flat (src/batch/heap.ts), so the command exposes it, before any module loads.
require('node:v8').setFlagsFromString('--expose-gc');
let cli;
try {
  cli = require('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('slant: the package is not built yet; run "npm ci" (or "npm run build") first\n');
    process.exit(1);
  }
  throw e;
}
cli.runProcess(args);

/** Runs the command from dist/snapshot/slant.blob; undefined when there is no usable snapshot (then: as usual). */
function runFromSnapshot(argv) {
  const { existsSync, readFileSync, statSync } = require('node:fs');
  const { join } = require('node:path');
  const dist = join(__dirname, '..', 'dist');
  const blob = join(dist, 'snapshot', 'slant.blob');
  let meta;
  try {
    meta = JSON.parse(readFileSync(join(dist, 'snapshot', 'meta.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const stamp = existsSync(join(dist, '.build-hash')) ? readFileSync(join(dist, '.build-hash'), 'utf8').trim() : null;
  const fits = meta.node === process.version && meta.platform === process.platform && meta.arch === process.arch && meta.build === stamp;
  if (!fits || !existsSync(blob) || statSync(blob).size !== meta.bytes) return undefined;
  const run = require('node:child_process').spawnSync(process.execPath, ['--snapshot-blob', blob, ...argv], {
    stdio: 'inherit',
  });
  if (run.error) return undefined;
  if (run.signal) {
    process.kill(process.pid, run.signal);
    return 1;
  }
  return run.status ?? 1;
}
