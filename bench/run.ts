/**
 * Throughput and memory benchmark (not a test):
 *   `npm run bench -- <corpus.jsonl> [--reps 3] [--analyzers ids] [--no-timing] [--no-memory] [--built] [--json out.json]`
 * (`--analyzers a,b`: measure that pipeline instead of the default one, e.g. one analyzer's own cost.)
 * (`--built`: measure memory with dist/cli.js even if it is older than src/.)
 *
 * In one run it times, over the same texts already in memory:
 *   - bare wink-nlp `readDoc` (the floor any wink-based tool pays),
 *   - the full default pipeline in one thread (`pipeline.analyzeMany(items)`),
 *   - the same through worker threads, with 1 and with 2 workers (pools started and warmed before timing;
 *     start-up time reported apart),
 *   - the work of `slant batch` per JSONL line (parse the line, analyse, serialise the full report, digest it for
 *     the summary), in this thread and through 1 and 2 workers: with workers the report crosses threads as one
 *     string instead of an object graph, so this is the path where more threads pay most,
 * repeating each `--reps` times interleaved and keeping medians, so that load from other processes hits all
 * alike. Then, in child processes, it measures the peak RSS of `slant batch` (full reports + summary, in-thread
 * and with 2 workers) on the corpus and on a corpus 10 times larger made by repeating it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { orderedMap } from '../src/batch/ordered';
import { analyzeManyInPool } from '../src/batch/analyze-many-workers';
import { createWorkerPool, linesInPool, type WorkerPool } from '../src/batch/pool';
import { processInputs, type LineOptions, type RawInput } from '../src/batch/record';
import { IN_THREAD_GROUP, WORKER_READ_AHEAD } from '../src/batch/analyze-many';
import { runBatch } from '../src/batch/run';
import { SummaryBuilder } from '../src/batch/summary';
import type { BatchItem } from '../src/batch/types';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { createPipeline } from '../src/pipeline';

interface Timing {
  seconds: number;
  /** CPU seconds of the whole process (all threads, GC included): robust to load from other processes. */
  cpu: number;
  errors: number;
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function loadCorpus(file: string): { items: BatchItem[]; lines: string[]; bytes: number } {
  const items: BatchItem[] = [];
  const lines: string[] = [];
  let bytes = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; text: string };
    items.push({ id: r.id, text: r.text });
    lines.push(line);
    bytes += Buffer.byteLength(r.text);
  }
  return { items, lines, bytes };
}

/** What `slant batch in.jsonl -o out.jsonl --summary s.json` does with each line (full reports). */
const LINE_OPTIONS: LineOptions = { idField: 'id', textField: 'text', fields: 'full', maxTextBytes: 1_000_000, digest: true };

let bareWink: ReturnType<typeof winkNLP> | undefined;
/** The pipeline measured: the default one, or the analyzers given with --analyzers. */
let chosenAnalyzers: string[] | undefined;
const pipelineOptions = (): { analyzers?: string[] } => (chosenAnalyzers ? { analyzers: chosenAnalyzers } : {});

function timeReadDoc(items: BatchItem[]): Timing {
  // The reference is wink as anyone would use it: the default pipeline, a separate instance from slant's own
  // (slant parses with only the components it needs, which is part of what is measured).
  const nlp = bareWink ?? (bareWink = winkNLP(model));
  const c0 = cpuNow();
  const t0 = performance.now();
  for (const it of items) nlp.readDoc(it.text);
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuNow() - c0, errors: 0 };
}

async function timeInThread(items: BatchItem[]): Promise<Timing> {
  const pipeline = createPipeline(pipelineOptions());
  let errors = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  for await (const r of pipeline.analyzeMany(items)) if (r.error) errors++;
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuNow() - c0, errors };
}

/** `slant batch` lines in this thread: analysis (in groups of 32), output line and summary digest, as runBatch does without workers. */
function timeLinesInThread(lines: string[]): Timing {
  const pipeline = createPipeline(pipelineOptions());
  const summary = new SummaryBuilder(null);
  let errors = 0;
  let chars = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  for (let from = 0; from < lines.length; from += IN_THREAD_GROUP) {
    const inputs = lines.slice(from, from + IN_THREAD_GROUP).map((text, k): RawInput => ({ kind: 'json', line: from + k + 1, text }));
    for (const r of processInputs(pipeline, inputs, LINE_OPTIONS)) {
      if (r.error) errors++;
      chars += r.out.length;
      if (r.digest) summary.add(r.digest);
    }
  }
  if (!chars) throw new Error('no output');
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuNow() - c0, errors };
}

/** `slant batch` lines through a pool: workers analyse and serialise, the main thread keeps order and summarises. */
async function timeLinesPool(pool: WorkerPool, lines: string[]): Promise<Timing> {
  const summary = new SummaryBuilder(null);
  let errors = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  const inputs = lines.map((text, i): RawInput => ({ kind: 'json', line: i + 1, text }));
  const died = (): never => {
    throw new Error('bench: a worker thread died');
  };
  for await (const r of linesInPool(pool, inputs, pool.threads * WORKER_READ_AHEAD, died)) {
    if (r.error) errors++;
    if (r.digest) summary.add(r.digest);
  }
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuNow() - c0, errors };
}

/** The worker path of analyzeMany (same pool, same tasks, its default read-ahead of 16 per thread), on a pool already started. */
async function timePool(pool: WorkerPool, items: BatchItem[]): Promise<Timing> {
  let errors = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  for await (const r of analyzeManyInPool(pool, items, pool.threads * 16)) if (r.error) errors++;
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuNow() - c0, errors };
}

async function startPool(threads: number, warm: BatchItem[]): Promise<{ pool: WorkerPool; startSeconds: number }> {
  const t0 = performance.now();
  const pool = createWorkerPool(threads, { pipeline: pipelineOptions(), line: LINE_OPTIONS });
  await Promise.all(Array.from({ length: threads }, () => pool.run({ kind: 'item', id: 'start', text: 'Warm-up sentence.' })));
  const startSeconds = (performance.now() - t0) / 1000;
  for await (const _ of orderedMap(warm, threads * 4, (it) => pool.run({ kind: 'item', id: it.id, text: it.text }))) void _;
  return { pool, startSeconds };
}

/** Child process: one `slant batch` run; prints its peak RSS. */
async function child(input: string, workers: number, analyzers: string | undefined): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-bench-'));
  const t0 = performance.now();
  const r = await runBatch({
    input,
    output: path.join(tmp, 'out.jsonl'),
    summary: path.join(tmp, 'summary.json'),
    workers,
    fields: 'full',
    progress: false,
    ...(analyzers ? { pipeline: { analyzers: analyzers.split(',') } } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(
    JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, seconds, lines: r.written, errors: r.errors }) + '\n',
  );
}

const ROOT = path.join(__dirname, '..');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** The built CLI when it is there and newer than the sources (what users run); else the sources through tsx. */
function builtCliIsCurrent(): boolean {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  return (
    fs.existsSync(cli) &&
    fs.existsSync(path.join(ROOT, 'dist', 'batch-worker.js')) &&
    fs.statSync(cli).mtimeMs >= newestMtime(path.join(ROOT, 'src'))
  );
}

function runChild(input: string, workers: number, built: boolean): { maxRssMB: number; seconds: number; lines: number; errors: number } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-bench-cli-'));
  const args = built
    ? [
        '-e',
        `const t0 = Date.now();
         require(${JSON.stringify(path.join(ROOT, 'dist', 'cli.js'))}).main(JSON.parse(process.argv[1])).then((code) => {
           // Peak RSS first: counting lines afterwards must not add to it (it reads the output in chunks anyway).
           const maxRssMB = process.resourceUsage().maxRSS / 1024, seconds = (Date.now() - t0) / 1000;
           const fs = require('fs'), fd = fs.openSync(${JSON.stringify(path.join(tmp, 'out.jsonl'))}, 'r'), buf = Buffer.alloc(1 << 20);
           let lines = 0, n;
           while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
           const summary = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(tmp, 'summary.json'))}, 'utf8'));
           process.stdout.write(JSON.stringify({ maxRssMB, seconds, lines, errors: summary.all.errors.total, code }) + String.fromCharCode(10));
         });`,
        JSON.stringify([
          'batch',
          input,
          '-o',
          path.join(tmp, 'out.jsonl'),
          '--summary',
          path.join(tmp, 'summary.json'),
          '--workers',
          String(workers),
          '--quiet',
          ...(chosenAnalyzers ? ['--analyzers', chosenAnalyzers.join(',')] : []),
        ]),
      ]
    : [...process.execArgv, __filename, '--child', input, String(workers), ...(chosenAnalyzers ? [chosenAnalyzers.join(',')] : [])];
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (res.status !== 0) throw new Error(`child failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as { maxRssMB: number; seconds: number; lines: number; errors: number };
}

function repeatCorpus(file: string, times: number): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slant-bench-10x-')), 'corpus-10x.jsonl');
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const fd = fs.openSync(out, 'w');
  for (let k = 0; k < times; k++) {
    const chunk = lines.map((l) => {
      const r = JSON.parse(l) as { id: string; text: string };
      return JSON.stringify({ id: `${r.id}-r${k}`, text: r.text });
    });
    fs.writeSync(fd, chunk.join('\n') + '\n');
  }
  fs.closeSync(fd);
  return out;
}

function makeRows(runs: Record<string, Timing[]>, articles: number, mb: number, which: string) {
  const row = (name: string, label: string) => {
    const s = median(runs[name].map((t) => t.seconds));
    const cpu = median(runs[name].map((t) => t.cpu));
    return { label, seconds: s, cpu, mbPerS: mb / s, articlesPerS: articles / s, errors: runs[name][0].errors };
  };
  return [
    row('readDoc', 'wink-nlp readDoc (bare)'),
    row('inThread', `${which} pipeline, 1 thread`),
    row('worker1', `${which} pipeline, 1 worker thread`),
    row('workers2', `${which} pipeline, 2 worker threads`),
    row('linesInThread', `slant batch lines, 1 thread`),
    row('lines1', `slant batch lines, 1 worker thread`),
    row('lines2', `slant batch lines, 2 worker threads`),
  ];
}

function makeRatios(rows: ReturnType<typeof makeRows>) {
  return {
    pipelineVsReadDoc: rows[0].seconds / rows[1].seconds,
    pipelineVsReadDocCpu: rows[0].cpu / rows[1].cpu,
    twoWorkersVsOneThread: rows[1].seconds / rows[3].seconds,
    twoWorkersVsOneWorker: rows[2].seconds / rows[3].seconds,
    linesTwoWorkersVsOneThread: rows[4].seconds / rows[6].seconds,
    linesTwoWorkersVsOneWorker: rows[5].seconds / rows[6].seconds,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], Number(args[2]), args[3]);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpus =
    args.find((a, i) => !a.startsWith('--') && !['--reps', '--json', '--analyzers'].includes(args[i - 1])) ??
    '../shared/bench/corpus.jsonl';
  chosenAnalyzers = flag('--analyzers')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const reps = Number(flag('--reps') ?? 3);
  const memory = !args.includes('--no-memory');
  if (!fs.existsSync(corpus)) throw new Error(`no corpus at ${corpus} (give the path: npm run bench -- path/to/corpus.jsonl)`);

  const { items, lines, bytes } = loadCorpus(corpus);
  const mb = bytes / 1e6;
  const analyzers = createPipeline(pipelineOptions()).analyzerIds; // also rejects unknown ids before any timing
  const which = chosenAnalyzers ? 'chosen' : 'default';
  const log = (s: string): void => void process.stderr.write(s + '\n');
  log(
    `corpus ${corpus}: ${items.length} articles, ${mb.toFixed(2)} MB of text; ${which} pipeline: ${analyzers.join(', ') || '(no analyzers)'}`,
  );

  const timing = !args.includes('--no-timing');
  let rows: ReturnType<typeof makeRows> = [];
  let ratios: ReturnType<typeof makeRatios> | undefined;
  let poolStart = { one: 0, two: 0 };
  let firstErrors = 0;
  if (timing) {
    // Warm up: load the model, compile lexicons, start the JIT. V8 keeps optimising for about the first 3,000
    // articles of each thread; the median of several interleaved reps leaves the coldest rep out.
    const warm = items.slice(0, 100);
    timeReadDoc(warm);
    await timeInThread(warm);
    timeLinesInThread(lines.slice(0, 100));
    const one = await startPool(1, warm);
    const two = await startPool(2, warm);
    const runs: Record<string, Timing[]> = {
      readDoc: [],
      inThread: [],
      worker1: [],
      workers2: [],
      linesInThread: [],
      lines1: [],
      lines2: [],
    };
    for (let r = 0; r < reps; r++) {
      runs.readDoc.push(timeReadDoc(items));
      runs.inThread.push(await timeInThread(items));
      runs.worker1.push(await timePool(one.pool, items));
      runs.workers2.push(await timePool(two.pool, items));
      runs.linesInThread.push(timeLinesInThread(lines));
      runs.lines1.push(await timeLinesPool(one.pool, lines));
      runs.lines2.push(await timeLinesPool(two.pool, lines));
      log(
        `rep ${r + 1}/${reps}: ${Object.entries(runs)
          .map(([k, v]) => `${k} ${v[r].seconds.toFixed(2)}s`)
          .join(', ')}`,
      );
    }
    await one.pool.close();
    await two.pool.close();
    rows = makeRows(runs, items.length, mb, which);
    ratios = makeRatios(rows);
    poolStart = { one: one.startSeconds, two: two.startSeconds };
    firstErrors = runs.inThread[0].errors;
  }

  let mem: Record<string, { maxRssMB: number; seconds: number; lines: number; errors: number }> | undefined;
  let memoryWith = '';
  if (memory) {
    log('memory: slant batch (full reports + summary) in child processes…');
    const big = repeatCorpus(corpus, 10);
    const built = args.includes('--built') || builtCliIsCurrent();
    memoryWith = built
      ? 'the built CLI (node dist/cli.js batch)'
      : 'runBatch from the sources through tsx (dist/ missing or older than src/: run npm run build to measure the built CLI)';
    log(`  measuring ${memoryWith}`);
    mem = {};
    for (const workers of [1, 2]) {
      mem[`1x, ${workers === 1 ? 'in-thread' : '2 workers'}`] = runChild(corpus, workers, built);
      mem[`10x, ${workers === 1 ? 'in-thread' : '2 workers'}`] = runChild(big, workers, built);
      log(`  workers ${workers}: ${JSON.stringify(mem)}`);
    }
    fs.rmSync(path.dirname(big), { recursive: true, force: true });
  }

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism?.() ?? os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
  // Markdown: blank lines between lines and around tables, so the output pastes into the README as it is.
  const out: string[] = [];
  out.push(
    `Machine: ${machine}; load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  out.push('');
  out.push(
    `Corpus: ${path.basename(corpus)}, ${items.length} articles, ${mb.toFixed(2)} MB; analyzers: ${analyzers.join(', ') || '(none)'}; medians of ${reps} interleaved runs`,
  );
  if (ratios) {
    out.push('');
    out.push('| run | MB/s | articles/s | wall s | CPU s |');
    out.push('|---|---:|---:|---:|---:|');
    for (const r of rows)
      out.push(`| ${r.label} | ${r.mbPerS.toFixed(2)} | ${r.articlesPerS.toFixed(0)} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} |`);
    out.push('');
    out.push(
      `Pipeline / bare readDoc (1 thread): ${ratios.pipelineVsReadDoc.toFixed(2)}x by wall clock, ${ratios.pipelineVsReadDocCpu.toFixed(2)}x by CPU time`,
    );
    out.push('');
    out.push(
      `2 workers / 1 thread: ${ratios.twoWorkersVsOneThread.toFixed(2)}x; 2 workers / 1 worker: ${ratios.twoWorkersVsOneWorker.toFixed(2)}x (analyzeMany, reports as objects)`,
    );
    out.push('');
    out.push(
      `Batch lines (as slant batch): 2 workers / 1 thread: ${ratios.linesTwoWorkersVsOneThread.toFixed(2)}x; 2 workers / 1 worker: ${ratios.linesTwoWorkersVsOneWorker.toFixed(2)}x`,
    );
    out.push('');
    out.push(
      `Worker pool start-up (model load per thread): 1 worker ${poolStart.one.toFixed(2)} s, 2 workers ${poolStart.two.toFixed(2)} s (not in the timings above)`,
    );
    if (firstErrors) out.push('', `Note: ${firstErrors} articles gave an error record.`);
  }
  if (mem) {
    out.push('');
    out.push(`Memory: ${memoryWith}, full reports + summary, output to a temporary file.`);
    out.push('');
    out.push('| slant batch | peak RSS MB | seconds | lines |');
    out.push('|---|---:|---:|---:|');
    for (const [k, v] of Object.entries(mem)) out.push(`| ${k} | ${v.maxRssMB.toFixed(0)} | ${v.seconds.toFixed(1)} | ${v.lines} |`);
    for (const w of ['in-thread', '2 workers']) {
      const a = mem[`1x, ${w}`];
      const b = mem[`10x, ${w}`];
      out.push('', `RSS 10x / 1x (${w}): ${(b.maxRssMB / a.maxRssMB).toFixed(2)}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  const json = flag('--json');
  if (json)
    fs.writeFileSync(
      json,
      JSON.stringify({ machine, corpus, articles: items.length, mb, analyzers, reps, rows, ratios, poolStart, memory: mem }, null, 2) +
        '\n',
    );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
