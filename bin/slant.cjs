#!/usr/bin/env node
'use strict';
const args = process.argv.slice(2);

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
