#!/usr/bin/env node
'use strict';
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
// A reader that stops early (slant batch corpus.jsonl | head) closes the pipe: stop quietly, without a stack trace.
// Any other write error (a full disk, > /dev/full): one line and exit code 1.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`slant: cannot write to standard output: ${String((e && e.message) || e).split('\n')[0]}\n`);
  process.exit(1);
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
