/**
 * Cost of the word-level loaded-language model (not a test):
 *   npx tsx bench/loaded-model.ts [corpus.jsonl] [--docs 300] [--reps 3]
 * Times, interleaved over the same texts and keeping medians of CPU seconds: bare wink `readDoc`, the default pipeline,
 * and the default pipeline with the word model off (median and minimum: on a shared machine the minimum is the
 * least disturbed run). Then, in fresh child processes, the one-off load cost (first
 * analysis with the model minus first analysis without it) in wall seconds and RSS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { createPipeline } from '../src/pipeline';

const args = process.argv.slice(2);
const opt = (n: string, d: string): string => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);

if (args[0] === '--child') {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const p = createPipeline({ settings: { 'loaded-language': { options: { model: args[1] === 'on' } } } });
  p.analyze('The plan was a shambolic mess, critics say. The vote was postponed on Tuesday.');
  const c1 = process.cpuUsage(c0);
  const out = { seconds: (performance.now() - t) / 1000, cpu: (c1.user + c1.system) / 1e6, rss: process.memoryUsage().rss / 1e6 };
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--'))) ?? '/work/shared/bench/corpus.jsonl';
const N = Number(opt('docs', '300'));
const REPS = Number(opt('reps', '3'));
const texts = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .slice(0, N)
  .map((l) => (JSON.parse(l) as { text: string }).text);

const nlp = winkNLP(model);
const on = createPipeline();
const off = createPipeline({ settings: { 'loaded-language': { options: { model: false } } } });
on.analyze(texts[0]);
off.analyze(texts[0]);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const runs: Record<string, number[]> = { readDoc: [], pipeline: [], 'pipeline, model off': [] };
for (let r = 0; r < REPS; r++) {
  for (const [name, f] of [
    ['readDoc', (t: string) => nlp.readDoc(t)],
    ['pipeline', (t: string) => on.analyze(t)],
    ['pipeline, model off', (t: string) => off.analyze(t)],
  ] as const) {
    const c = cpu();
    for (const t of texts) f(t);
    runs[name].push(cpu() - c);
  }
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = med(runs.readDoc);
const low = (xs: number[]): number => Math.min(...xs);
for (const [name, xs] of Object.entries(runs)) {
  console.log(
    `${name.padEnd(22)} median ${med(xs).toFixed(2)} s CPU (${(base / med(xs)).toFixed(3)}x readDoc), min ${low(xs).toFixed(2)} s (${(low(runs.readDoc) / low(xs)).toFixed(3)}x)`,
  );
}

type Child = { seconds: number; cpu: number; rss: number };
const child = (m: string): Child =>
  JSON.parse(spawnSync(process.execPath, [...process.execArgv, __filename, '--child', m], { encoding: 'utf8' }).stdout) as Child;
const loads: string[] = [];
for (let r = 0; r < REPS; r++) {
  const a = child('off');
  const b = child('on');
  loads.push(`${(b.cpu - a.cpu).toFixed(2)} s CPU (${(b.seconds - a.seconds).toFixed(2)} s wall) / ${(b.rss - a.rss).toFixed(0)} MB`);
}
console.log(`load cost of the model (first analysis, model on minus off, fresh processes): ${loads.join('; ')}`);
