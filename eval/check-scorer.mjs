#!/usr/bin/env node
// Runs the REFERENCE scorer (shared/eval/score.mjs) on a list of scoring jobs and prints the results as
// JSON, so that test/eval/score-agrees.test.ts can compare them with eval/score.ts (which it runs itself).
// Compile-free on purpose: plain Node, no TypeScript. The reference is an ES module, which jest's
// CommonJS sandbox cannot import, hence this separate process.
//
//   node eval/check-scorer.mjs --jobs JOBS.json [--ref path/to/score.mjs]
//
// JOBS.json: [{ "name": "...", "gold": ["a.jsonl", ...], "pred": "p.jsonl",
//               "options": { "task": "cue", "goldLabels": [...], "predLabel": "...", "goldKey": "...", ... } }]
// Output (stdout): [{ "name": "...", "result": {...score() result...}, "text": "...formatResult()..." }]
// Reference location: --ref, else $SLANT_SHARED_DIR/eval/score.mjs, else ../shared/eval/score.mjs beside the repo.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function referencePath(explicit) {
  if (explicit) return path.resolve(explicit);
  const shared = process.env.SLANT_SHARED_DIR || path.resolve(here, '../../shared');
  return path.join(shared, 'eval', 'score.mjs');
}

async function main(argv) {
  const { values } = parseArgs({ args: argv, options: { jobs: { type: 'string' }, ref: { type: 'string' } } });
  if (!values.jobs) {
    console.error('usage: node eval/check-scorer.mjs --jobs JOBS.json [--ref score.mjs]');
    return 2;
  }
  const refFile = referencePath(values.ref);
  if (!fs.existsSync(refFile)) {
    console.error(`check-scorer: reference scorer not found at ${refFile}`);
    return 2;
  }
  const ref = await import(pathToFileURL(refFile).href);
  const jobs = JSON.parse(fs.readFileSync(values.jobs, 'utf8'));
  const goldCache = new Map();
  const gold = (files) =>
    files.flatMap((f) => {
      if (!goldCache.has(f)) goldCache.set(f, ref.readJsonl(f));
      return goldCache.get(f);
    });
  const out = [];
  for (const job of jobs) {
    const r = ref.score({ ...job.options, gold: gold(job.gold), pred: ref.readJsonl(job.pred) });
    out.push({ name: job.name, result: r, text: ref.formatResult(r, job.goldName || '') });
  }
  process.stdout.write(JSON.stringify(out));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(`check-scorer: ${e.stack || e.message}`);
      process.exitCode = 2;
    },
  );
}
