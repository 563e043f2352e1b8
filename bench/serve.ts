/**
 * HTTP service benchmark (not a test):
 *   `npm run bench:serve -- [corpus.jsonl] [--workers 1] [--duration 20] [--articles 600]`
 *
 * Needs the built package (`npm run build`): it measures `slant serve` as users run it (the baseline runs from source).
 *
 * 1. In-process baseline over the first `--articles` articles: `pipeline.analyze` in this thread for 1 worker (what
 *    `analyzeMany` does then), else the batch worker pool with that many threads, started and warmed before timing
 *    (a pool's start-up is not throughput): articles per second.
 * 2. `slant serve --workers N` in a child process; autocannon (in this process) POSTs the corpus's articles as
 *    `{"text": …}` to /v1/analyze, cycling through them:
 *    - at saturation: 2 × workers + 2 connections, as fast as the service answers, for `--duration` seconds;
 *    - at half that rate (autocannon's overallRate), same connections;
 *    requests/s, p50 and p99 latency, non-2xx answers.
 * 3. The baseline again (load from other processes changes over a run: the two baselines show by how much).
 * 4. Peak RSS of the service process (VmHWM: the main thread and its workers), and the ratio of the service's
 *    saturated throughput to the mean of the two baselines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { orderedMap } from '../src/batch/ordered';
import { analyzeInPool, createWorkerPool, type WorkerPool } from '../src/batch/pool';
import { createPipeline } from '../src/pipeline';

const root = path.join(__dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string', default: '1' },
    duration: { type: 'string', default: '20' },
    articles: { type: 'string', default: '600' },
  },
});
const corpus = positionals[0] ?? '../shared/bench/corpus.jsonl';
const workers = Number(values.workers);
const duration = Number(values.duration);
const articles = Number(values.articles);

for (const f of ['dist/cli.js', 'dist/server-worker.js']) {
  if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run "npm run build" first`);
}
if (!fs.existsSync(corpus)) throw new Error(`corpus ${corpus} not found (give a JSONL file with {id, text} lines)`);

const texts = fs
  .readFileSync(corpus, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

/**
 * In-process analysis with `workers` threads over the same articles: in this thread for 1 (what `analyzeMany` does),
 * else the batch worker pool, started and warmed once before any timing (as bench/run.ts does).
 */
async function createBaseline(): Promise<{ run: () => Promise<number>; close: () => Promise<void> }> {
  const items = texts.slice(0, articles).map((text, i) => ({ id: i, text }));
  const warm = items.slice(0, 10 * workers);
  if (workers === 1) {
    const pipeline = createPipeline();
    for (const it of warm) pipeline.analyze(it.text);
    const run = async (): Promise<number> => {
      const t0 = performance.now();
      for (const it of items) pipeline.analyze(it.text);
      return items.length / ((performance.now() - t0) / 1000);
    };
    return { run, close: async () => undefined };
  }
  const pool: WorkerPool = createWorkerPool(workers, { pipeline: {} });
  const over = (list: typeof items) => orderedMap(list, workers * 4, (it) => analyzeInPool(pool, it.id, it.text));
  for await (const _ of over(warm)) void _;
  const run = async (): Promise<number> => {
    const t0 = performance.now();
    let n = 0;
    for await (const r of over(items)) if (r.report) n++;
    return n / ((performance.now() - t0) / 1000);
  };
  return { run, close: () => pool.close() };
}

function startService(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'slant.cjs'), 'serve', '--port', '0', '--workers', String(workers), '--queue', '1024', '--timeout', '60s'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      if (err.length < 1e5) err += d;
      const m = /ready \((http:\/\/\S+)\/readyz\)/.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`slant serve exited (${code}):\n${err}`)));
  });
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

async function load(url: string, rate?: number): Promise<Load> {
  const requests = texts.map((text) => ({
    method: 'POST' as const,
    path: '/v1/analyze',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  }));
  const result = await autocannon({
    url,
    connections: 2 * workers + 2,
    duration,
    requests,
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

const peakRss = (pid: number): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`Corpus: ${path.basename(corpus)}, ${texts.length} articles; ${workers} worker(s); ${duration} s per load phase\n`);

  const baseline = await createBaseline();
  const what = workers === 1 ? 'in-process analyze (this thread)' : `in-process worker pool (${workers} threads)`;
  const before = await baseline.run();
  console.log(`${what}, ${articles} articles: ${before.toFixed(1)} articles/s`);

  const { child, url } = await startService();
  try {
    await load(url, undefined).catch(() => undefined); // warm-up pass, not reported
    const sat = await load(url);
    console.log(
      `service at saturation (${2 * workers + 2} connections): ${sat.rps.toFixed(1)} req/s, p50 ${sat.p50} ms, p99 ${sat.p99} ms, ${sat.requests} requests, ${sat.non2xx} non-2xx, ${sat.errors} errors`,
    );
    const half = await load(url, Math.max(1, Math.round(sat.rps / 2)));
    console.log(
      `service at half rate (${Math.round(sat.rps / 2)} req/s offered): ${half.rps.toFixed(1)} req/s, p50 ${half.p50} ms, p99 ${half.p99} ms, ${half.non2xx} non-2xx, ${half.errors} errors`,
    );
    const rss = peakRss(child.pid!);
    const after = await baseline.run();
    console.log(`${what} again: ${after.toFixed(1)} articles/s`);
    const base = (before + after) / 2;
    console.log(`\npeak RSS of the service (main thread + workers): ${rss.toFixed(0)} MB`);
    console.log(`service / in-process throughput: ${(sat.rps / base).toFixed(2)}× (goal ≥ 0.8×)`);
  } finally {
    child.kill('SIGTERM');
    await baseline.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
