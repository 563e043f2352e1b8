/**
 * The queue against `slant batch`, in one run:
 *   npm run bench:queue -- [corpus.jsonl] [--shard 100] [--json out.json]
 *
 * Starts its own redis-server (from PATH, free port, no persistence), then times, on the same corpus:
 * 1. `slant batch --workers 1` in one process, minus its start-up (the same command on a one-line file): analysis
 *    time in one process;
 * 2. the queue with 1 worker process, then with 2: from `queue add` to the end of `queue export --wait` (running
 *    alongside), the workers started and their model loaded beforehand;
 * 3. a third run with `--fields scores` (2 workers), for its Redis memory.
 * Reports the 2-process / 1-process speed ratio, the queue's overhead per article over `slant batch`, and the Redis
 * memory the stored results take (MEMORY USAGE of the run's keys, and INFO used_memory growth), per million articles.
 * Uses the built CLI (dist/): run `npm run build` first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'slant.cjs');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { shard: { type: 'string', default: '100' }, json: { type: 'string' } },
});
const corpus = positionals[0] ?? '../shared/bench/corpus.jsonl';
const shard = values.shard!;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const toSeconds = (t: string): number => {
  const m = /(\d+)m([\d.]+)s/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/** Runs the CLI through bash, whose `times` gives the CPU time (user + system) the command used. */
function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string; seconds: number; cpu: number }> {
  const t0 = performance.now();
  const script = `${[process.execPath, BIN, ...args].map(quote).join(' ')} 2>"$ERR"; code=$?; times >&2; exit $code`;
  return new Promise((resolve) => {
    const errFile = path.join(os.tmpdir(), `slant-bench-queue-${process.pid}-${Math.random().toString(36).slice(2)}.err`);
    const p = spawn('bash', ['-c', script], {
      cwd: ROOT,
      env: { ...process.env, ...env, ERR: errFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let times = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (times += d));
    p.on('exit', (code) => {
      const err = fs.existsSync(errFile) ? fs.readFileSync(errFile, 'utf8') : '';
      fs.rmSync(errFile, { force: true });
      const children = times.trim().split('\n').pop()!.split(/\s+/);
      resolve({ code, out, err, seconds: (performance.now() - t0) / 1000, cpu: toSeconds(children[0]) + toSeconds(children[1]) });
    });
  });
}

/** CPU seconds (user + system) a live process has used, from /proc. */
function procCpu(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 per second on Linux)
}

interface WorkerProc {
  child: ChildProcess;
  err: () => string;
}

async function startWorker(env: NodeJS.ProcessEnv, name: string): Promise<WorkerProc> {
  const child = spawn(process.execPath, [BIN, 'queue', 'work', '--name', name], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d));
  while (!err.includes('ready')) {
    if (child.exitCode !== null) throw new Error(`worker exited: ${err}`);
    await sleep(50);
  }
  return { child, err: () => err };
}

/** Stops a worker (SIGTERM) and reads the CPU it used since it was ready from its last line. */
async function stopWorker(w: WorkerProc): Promise<number> {
  w.child.kill('SIGTERM');
  await new Promise((r) => w.child.once('exit', r));
  const m = /([\d.]+) s of CPU since ready/.exec(w.err());
  if (!m) throw new Error(`worker did not report its CPU time: ${w.err()}`);
  return Number(m[1]);
}

async function keysMemory(redis: Redis, name: string): Promise<number> {
  let total = 0;
  for (const key of [`slant:run:${name}:meta`, `slant:run:${name}:in`, `slant:run:${name}:out`])
    total += Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0);
  return total;
}

const usedMemory = async (redis: Redis): Promise<number> => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);

async function main(): Promise<void> {
  if (!fs.existsSync(corpus)) throw new Error(`no corpus at ${corpus} (npm run bench:queue -- path/to/corpus.jsonl)`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run "npm run build" first');
  if (spawnSync('redis-server', ['--version']).status !== 0)
    throw new Error('redis-server is not on PATH (Debian: apt-get install redis-server)');
  const articles = fs
    .readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-bench-queue-'));
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmp], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const env = { REDIS_URL: url };
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  const workers: WorkerProc[] = [];
  try {
    await redis.ping();
    console.error(
      `bench:queue: ${articles} articles from ${corpus}, shards of ${shard}, redis-server on port ${port}; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    );

    // 1. slant batch in one process, without its start-up.
    const one = path.join(tmp, 'one.jsonl');
    fs.writeFileSync(one, fs.readFileSync(corpus, 'utf8').split('\n')[0] + '\n');
    const startup = await run(['batch', one, '--workers', '1', '-o', path.join(tmp, 'one.out.jsonl')]);
    const batch = await run(['batch', corpus, '--workers', '1', '-o', path.join(tmp, 'batch.jsonl')]);
    if (batch.code !== 0) throw new Error(`slant batch failed: ${batch.err}`);
    const batchSeconds = batch.seconds - startup.seconds;
    const batchCpu = batch.cpu - startup.cpu;
    console.error(
      `  slant batch, 1 process: ${batch.seconds.toFixed(1)} s − ${startup.seconds.toFixed(1)} s start-up = ${batchSeconds.toFixed(1)} s; CPU ${batch.cpu.toFixed(1)} − ${startup.cpu.toFixed(1)} = ${batchCpu.toFixed(1)} s`,
    );

    // 2. The queue with 1 and 2 worker processes; 3. --fields scores for memory.
    const timeRun = async (
      name: string,
      procs: number,
      fields: string,
    ): Promise<{ seconds: number; keysBytes: number; usedBytes: number; workerCpu: number; otherCpu: number }> => {
      for (let i = 0; i < procs; i++) workers.push(await startWorker(env, name));
      const before = await usedMemory(redis);
      const redisCpu0 = procCpu(server.pid!);
      const out = path.join(tmp, `${name}.jsonl`);
      const t0 = performance.now();
      const exporter = run(['queue', 'export', '--name', name, '-o', out, '--wait'], env);
      const add = await run(['queue', 'add', corpus, '--name', name, '--shard', shard, '--fields', fields], env);
      if (add.code !== 0) throw new Error(`queue add failed: ${add.err}`);
      const ex = await exporter;
      if (ex.code !== 0) throw new Error(`queue export failed: ${ex.err}`);
      const seconds = (performance.now() - t0) / 1000;
      const keysBytes = await keysMemory(redis, name);
      const usedBytes = (await usedMemory(redis)) - before;
      const redisCpu = procCpu(server.pid!) - redisCpu0;
      let workerCpu = 0;
      for (const w of workers.splice(0)) workerCpu += await stopWorker(w);
      const otherCpu = add.cpu + ex.cpu + redisCpu;
      if (fields === 'full' && fs.readFileSync(out, 'utf8') !== fs.readFileSync(path.join(tmp, 'batch.jsonl'), 'utf8'))
        throw new Error(`queue output of ${name} differs from slant batch`);
      console.error(
        `  queue, ${procs} worker process${procs > 1 ? 'es' : ''}, --fields ${fields}: ${seconds.toFixed(1)} s; CPU: workers ${workerCpu.toFixed(1)} s, add ${add.cpu.toFixed(1)} s, export ${ex.cpu.toFixed(1)} s, redis-server ${redisCpu.toFixed(1)} s; ` +
          `results in Redis ${(keysBytes / 1024 / 1024).toFixed(2)} MB (used_memory +${(usedBytes / 1024 / 1024).toFixed(2)} MB)`,
      );
      return { seconds, keysBytes, usedBytes, workerCpu, otherCpu };
    };
    const q1 = await timeRun('bench-1', 1, 'full');
    const q2 = await timeRun('bench-2', 2, 'full');
    const qs = await timeRun('bench-scores', 2, 'scores');

    const perMillion = (bytes: number): string => `${(((bytes / articles) * 1e6) / 1024 ** 3).toFixed(2)} GiB`;
    const result = {
      articles,
      cores: os.cpus().length,
      loadAverage: Number(os.loadavg()[0].toFixed(1)),
      batchSeconds: Number(batchSeconds.toFixed(2)),
      queue1Seconds: Number(q1.seconds.toFixed(2)),
      queue2Seconds: Number(q2.seconds.toFixed(2)),
      speedup2over1: Number((q1.seconds / q2.seconds).toFixed(2)),
      overheadPerArticle: Number((q1.seconds / batchSeconds - 1).toFixed(3)),
      batchCpuSeconds: Number(batchCpu.toFixed(2)),
      queue1WorkerCpuSeconds: Number(q1.workerCpu.toFixed(2)),
      queue1OtherCpuSeconds: Number(q1.otherCpu.toFixed(2)),
      cpuOverheadWorker: Number((q1.workerCpu / batchCpu - 1).toFixed(3)),
      cpuOverheadAll: Number(((q1.workerCpu + q1.otherCpu) / batchCpu - 1).toFixed(3)),
      redisBytesPerArticle: { full: Math.round(q1.keysBytes / articles), scores: Math.round(qs.keysBytes / articles) },
      redisPerMillion: { full: perMillion(q1.keysBytes), scores: perMillion(qs.keysBytes) },
    };
    console.log(`| | seconds | articles/s |
|---|---:|---:|
| \`slant batch --workers 1\` (start-up excluded) | ${batchSeconds.toFixed(1)} | ${(articles / batchSeconds).toFixed(1)} |
| queue, 1 worker process | ${q1.seconds.toFixed(1)} | ${(articles / q1.seconds).toFixed(1)} |
| queue, 2 worker processes | ${q2.seconds.toFixed(1)} | ${(articles / q2.seconds).toFixed(1)} |

2 processes over 1: ${result.speedup2over1}× (goal ≥ 1.6×) · queue overhead per article over slant batch: ${(result.overheadPerArticle * 100).toFixed(1)}% in wall time (goal ≤ 10%); in CPU time ${(result.cpuOverheadWorker * 100).toFixed(1)}% for the worker, ${(result.cpuOverheadAll * 100).toFixed(1)}% with add, export and redis-server
Redis memory for stored results: --fields full ${result.redisBytesPerArticle.full} bytes/article (${result.redisPerMillion.full} per million articles), --fields scores ${result.redisBytesPerArticle.scores} bytes/article (${result.redisPerMillion.scores} per million)`);
    if (values.json) fs.writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n');
  } finally {
    for (const w of workers) w.child.kill('SIGKILL');
    redis.disconnect();
    server.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench:queue: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
