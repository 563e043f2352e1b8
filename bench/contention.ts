/**
 * How much two cores slow each other down, apart from any worker pool:
 *   npm run bench:contention -- [corpus.jsonl] [--articles 1500] [--warmup 2]
 *
 * Runs the default pipeline, then bare wink-nlp `readDoc`, first in one child process alone and then in two child
 * processes side by side. Each child first makes `--warmup` passes over the corpus (V8 keeps optimising the
 * pipeline for about the first 3,000 articles in a thread), waits until its sibling is ready too, then times
 * `--articles` articles. A slowdown near 1.0x means the two cores do not get in each other's way; the worker-pool
 * scaling of `npm run bench` cannot be better than 2 / slowdown. Last, it measures how much each allocates per
 * article: heap growth over 40 articles, in a child whose young generation is large enough that no collection runs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

type Work = 'pipeline' | 'readDoc';
interface ChildResult {
  seconds: number;
  cpuSeconds: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    articles: { type: 'string', default: '1500' },
    warmup: { type: 'string', default: '2' },
    child: { type: 'string' },
    alloc: { type: 'boolean', default: false },
    ready: { type: 'string' },
    peers: { type: 'string' },
  },
});
const corpus = positionals[0] ?? '../shared/bench/corpus.jsonl';
const articles = Number(values.articles);
const warmup = Number(values.warmup);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(warmup) || warmup < 0) {
  console.error('bench:contention: --articles must be a positive integer and --warmup an integer >= 0');
  process.exit(2);
}

function readTexts(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => String(JSON.parse(l).text ?? ''));
}

/** In a child started with --expose-gc and a large young generation: KB allocated per article by each kind of work. */
async function allocationChild(): Promise<void> {
  const texts = readTexts(corpus);
  const { createPipeline } = await import('../src/pipeline');
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const pipeline = createPipeline();
  const nlp = winkNLP(model);
  for (const t of texts.slice(0, 300)) {
    pipeline.analyze(t);
    nlp.readDoc(t);
  }
  const sample = texts.slice(300, 340);
  const gc = (globalThis as { gc?: () => void }).gc!;
  const perArticle = (run: (t: string) => unknown): number => {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (const t of sample) run(t);
    return (process.memoryUsage().heapUsed - before) / sample.length / 1024;
  };
  const kb = { pipeline: perArticle((t) => pipeline.analyze(t)), readDoc: perArticle((t) => nlp.readDoc(t)) };
  process.stdout.write(JSON.stringify(kb) + '\n');
}

/** In a child: warm up, signal readiness, wait for the siblings, time the work, print one JSON line. */
async function child(work: Work, readyDir: string, peers: number): Promise<void> {
  const texts = readTexts(corpus);
  let run: (text: string) => unknown;
  if (work === 'pipeline') {
    const { createPipeline } = await import('../src/pipeline');
    const pipeline = createPipeline();
    run = (t) => pipeline.analyze(t);
  } else {
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    const nlp = winkNLP(model);
    run = (t) => nlp.readDoc(t);
  }
  for (let r = 0; r < warmup; r++) for (const t of texts) run(t);
  fs.writeFileSync(path.join(readyDir, String(process.pid)), '');
  while (fs.readdirSync(readyDir).length < peers) await new Promise((r) => setTimeout(r, 5));
  const timed = Array.from({ length: articles }, (_, i) => texts[i % texts.length]);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of timed) run(t);
  const cpu = process.cpuUsage(c0);
  const result: ChildResult = { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  process.stdout.write(JSON.stringify(result) + '\n');
}

function runChildren(work: Work, count: number): Promise<ChildResult[]> {
  const readyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-contention-'));
  const runs = Array.from(
    { length: count },
    () =>
      new Promise<ChildResult>((resolve, reject) => {
        const args = [
          ...process.execArgv,
          process.argv[1],
          corpus,
          '--child',
          work,
          '--ready',
          readyDir,
          '--peers',
          String(count),
          '--articles',
          String(articles),
          '--warmup',
          String(warmup),
        ];
        const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${work} exited with ${code}`))));
      }),
  );
  return Promise.all(runs).finally(() => fs.rmSync(readyDir, { recursive: true, force: true }));
}

async function main(): Promise<void> {
  if (values.alloc) return allocationChild();
  if (values.child) return child(values.child as Work, values.ready!, Number(values.peers));
  console.log(
    `Corpus: ${path.basename(corpus)}; ${articles} articles timed per process after ${warmup} warm-up passes; ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.log('');
  console.log('| work | alone s | side by side s (each) | slowdown | CPU s side by side (each) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const work of ['pipeline', 'readDoc'] as const) {
    const [alone] = await runChildren(work, 1);
    const pair = await runChildren(work, 2);
    const mean = pair.reduce((s, r) => s + r.seconds, 0) / pair.length;
    console.log(
      `| ${work === 'pipeline' ? 'default pipeline' : 'bare wink-nlp readDoc'} | ${alone.seconds.toFixed(2)} | ${pair.map((r) => r.seconds.toFixed(2)).join(', ')} | ${(mean / alone.seconds).toFixed(2)}x | ${pair.map((r) => r.cpuSeconds.toFixed(2)).join(', ')} |`,
    );
  }
  const flags = ['--expose-gc', '--min-semi-space-size=512', '--max-semi-space-size=512'];
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, ...flags, process.argv[1], corpus, '--alloc'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    p.stdout.on('data', (d) => (text += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`allocation child exited with ${code}`))));
  });
  const kb = JSON.parse(out) as { pipeline: number; readDoc: number };
  console.log('');
  console.log(
    `Allocated per article (40 articles, no garbage collection): default pipeline ${kb.pipeline.toFixed(0)} KB, bare readDoc ${kb.readDoc.toFixed(0)} KB`,
  );
}

main().catch((err) => {
  console.error(`bench:contention: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
