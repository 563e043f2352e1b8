/** Helpers for the queue tests: a Redis to test against, free ports, spawned CLI processes, a generated corpus. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'slant.cjs');

/**
 * The Redis the queue tests use: REDIS_URL (.ci/run starts one). Without it the tests are skipped with one line,
 * except in CI (CI set), where a missing Redis fails them.
 */
export function testRedis(): { url: string | undefined; describe: jest.Describe } {
  const url = process.env.REDIS_URL;
  if (!url && !process.env.CI) {
    process.stderr.write(
      'queue tests skipped: no REDIS_URL (start redis-server on a free port and set REDIS_URL=redis://127.0.0.1:PORT)\n',
    );
    return { url, describe: describe.skip };
  }
  return { url, describe };
}

export function requireRedisUrl(url: string | undefined): string {
  if (!url)
    throw new Error('CI is set but REDIS_URL is not: the queue tests need a real Redis (.ci/run starts redis-server and sets REDIS_URL)');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run "npm run build" (npm ci does it)');
  return url;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs the built CLI (bin/slant.cjs → dist/cli.js) with REDIS_URL set. */
export function cli(args: string[], redisUrl: string): Cli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** A worker process; resolves once it says it is ready (model loaded, taking shards). */
export async function startWorkerProcess(redisUrl: string, extra: string[] = []): Promise<Cli> {
  const w = cli(['queue', 'work', '--lock-duration', '1500', '--stalled-interval', '500', ...extra], redisUrl);
  await Promise.race([
    until('a worker to be ready', () => w.stderr().includes('ready'), 60_000, 50),
    w.exited.then((code) => {
      throw new Error(`worker exited (${code}) before it was ready: ${w.stderr()}`);
    }),
  ]);
  return w;
}

const PLACES = ['the harbour', 'the old mill', 'the river bridge', 'the north station', 'the market square', 'the valley school'];
const ACTORS = ['The council', 'A spokesperson for the port', 'Residents', 'The mayor', 'Local traders', 'Engineers'];
const VERBS = ['said', 'claimed', 'warned', 'insisted', 'noted', 'argued'];
const CLAIMS = [
  'the repairs would finish in spring',
  'costs had doubled since March',
  'the plan was a reckless gamble',
  'traffic would fall by a third',
  'nobody had been consulted',
  'the work was long overdue',
];

/** A short article we write ourselves, different for each n. */
export function article(n: number): string {
  const p = PLACES[n % PLACES.length];
  const a = ACTORS[(n >> 1) % ACTORS.length];
  const v = VERBS[(n >> 2) % VERBS.length];
  const c = CLAIMS[(n * 7) % CLAIMS.length];
  return `Work at ${p} is set to resume, item ${n}.\n\n${a} ${v} on Tuesday that ${c}. Critics called the decision a disaster. The project will cost ${(n % 90) + 10} million pounds.`;
}

/** Garbage lines, by kind, with the code each one gives. */
const GARBAGE: Array<[(n: number) => string, string]> = [
  [(n) => `{"id": "broken-${n}", "text": "no closing brace"`, 'INVALID_JSON'],
  [() => '[1, 2, 3]', 'NOT_AN_OBJECT'],
  [() => '', 'EMPTY_LINE'],
  [(n) => JSON.stringify({ id: `no-text-${n}`, body: 'wrong field' }), 'MISSING_TEXT'],
  [(n) => JSON.stringify({ id: `number-text-${n}`, text: n }), 'INVALID_TEXT'],
];

export interface Corpus {
  text: string;
  /** Per input line (1-based line = index + 1): the id of an article, or the error code of a garbage line. */
  expected: Array<{ id: string } | { code: string }>;
}

/** `count` lines, every 20th one garbage (5%). */
export function corpus(count: number): Corpus {
  const lines: string[] = [];
  const expected: Corpus['expected'] = [];
  for (let i = 1; i <= count; i++) {
    if (i % 20 === 0) {
      const [make, code] = GARBAGE[(i / 20) % GARBAGE.length];
      lines.push(make(i));
      expected.push({ code });
    } else {
      lines.push(JSON.stringify({ id: `a-${i}`, text: article(i) }));
      expected.push({ id: `a-${i}` });
    }
  }
  return { text: lines.join('\n') + '\n', expected };
}
