/**
 * `slant queue work`: a BullMQ worker that analyses shards. Run it on any number of machines, one process per core.
 * The process loads the language model once (one pipeline per analyzer set); each shard's output lines are stored
 * with one HSETNX, so a shard delivered twice writes nothing twice. A failure inside the analysis of one article is
 * an error record in the output (as in `slant batch`), not a retry; anything else that throws (Redis unreachable,
 * unreadable job data) fails the attempt and BullMQ retries it with exponential backoff.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { processInput, type LineOptions } from '../batch/record';
import { createPipeline, type Pipeline } from '../pipeline';
import {
  BULL_PREFIX,
  RUNS_KEY,
  STORE_SHARD_LUA,
  bullConnection,
  checkReachable,
  checkRunName,
  connect,
  isRunName,
  packLines,
  readSettings,
  redisUrl,
  runKeys,
  type ShardJob,
} from './shared';

export interface WorkOptions {
  redis?: string;
  /** Work on this run only; without it, on every run in Redis, including runs added later. */
  name?: string;
  /** Shards processed at once by this process, per run (default 1; analysis is CPU-bound: run a process per core). */
  concurrency?: number;
  /** How long a shard stays locked to a worker that stops answering (default 30 s): then it is given to another. */
  lockDurationMs?: number;
  /** How often locks are checked for stalled shards (default 30 s). */
  stalledIntervalMs?: number;
  /** A shard whose worker died more than this many times fails (default 2). */
  maxStalledCount?: number;
  /** With `name`: stop once every shard of the run is stored or failed. */
  exitWhenDone?: boolean;
  /** Progress and problems, one line each. */
  log?: (line: string) => void;
}

export interface QueueWorker {
  /** Resolves once the model is loaded and the worker takes shards. */
  ready: Promise<void>;
  /** Resolves when the worker has stopped (close(), or exitWhenDone). */
  done: Promise<void>;
  /** Stops taking shards, finishes the ones in hand, disconnects. */
  close(): Promise<void>;
  readonly shardsStored: number;
}

type StoreShard = (meta: string, out: string, shard: string, packed: Buffer, lines: number, errors: number, now: number) => Promise<number>;

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function startWorker(options: WorkOptions = {}): Promise<QueueWorker> {
  const url = redisUrl(options.redis);
  if (options.name !== undefined) checkRunName(options.name);
  if (options.exitWhenDone && options.name === undefined) throw new Error('exitWhenDone needs a run name');
  const log = options.log ?? (() => undefined);
  await checkReachable(url);

  const redis: Redis = connect(url);
  redis.defineCommand('storeShard', { numberOfKeys: 2, lua: STORE_SHARD_LUA });
  const storeShard = (redis as unknown as { storeShard: StoreShard }).storeShard.bind(redis);

  const pipelines = new Map<string, Pipeline>();
  const pipelineFor = (analyzers: string[] | undefined): Pipeline => {
    const key = JSON.stringify(analyzers ?? null);
    let p = pipelines.get(key);
    if (!p) pipelines.set(key, (p = createPipeline(analyzers ? { analyzers } : {})));
    return p;
  };
  // Load the model now, not on the first shard.
  pipelineFor(undefined).analyze('The council said on Monday that the bridge would reopen.');

  let shardsStored = 0;

  const processShard = async (job: Job<ShardJob>): Promise<string> => {
    const { run, shard, inputs } = job.data ?? ({} as ShardJob);
    if (typeof run !== 'string' || !Number.isInteger(shard) || !Array.isArray(inputs)) throw new Error(`job ${job.id} holds no shard`);
    // Read for every shard (one small HGETALL): a run dropped and added again with other settings is followed.
    const settings = await readSettings(redis, run);
    if (!settings) return 'run dropped';
    const keys = runKeys(run);
    if (await redis.hexists(keys.out, String(shard))) return 'already stored';
    await redis.hsetnx(keys.meta, 'startedAt', String(Date.now()));
    const pipeline = pipelineFor(settings.analyzers);
    const lineOptions: LineOptions = {
      idField: settings.idField,
      textField: settings.textField,
      ...(settings.titleField !== undefined ? { titleField: settings.titleField } : {}),
      fields: settings.fields,
      maxTextBytes: settings.maxTextBytes,
      digest: false,
    };
    const out: string[] = [];
    let errors = 0;
    for (const input of inputs) {
      const r = processInput(pipeline, input, lineOptions);
      out.push(r.out);
      if (r.error) errors++;
      await nextTick(); // lets the lock be renewed during a long shard
    }
    const stored = await storeShard(keys.meta, keys.out, String(shard), packLines(out), inputs.length, errors, Date.now());
    if (stored) shardsStored++;
    return stored ? 'stored' : 'already stored';
  };

  const workers = new Map<string, Worker<ShardJob>>();
  const startFor = (run: string): void => {
    if (workers.has(run)) return;
    const worker = new Worker<ShardJob>(run, processShard, {
      connection: bullConnection(url),
      prefix: BULL_PREFIX,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 2,
      removeOnComplete: { count: 0 },
    });
    worker.on('error', () => undefined); // connection errors: BullMQ reconnects
    worker.on('failed', (job, err) => {
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      log(
        `shard ${job.data?.shard} of ${run}: attempt ${job.attemptsMade}/${attempts} failed: ${err.message}${job.attemptsMade >= attempts ? ' (given up)' : ''}`,
      );
    });
    workers.set(run, worker);
  };

  let closing = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  let timer: NodeJS.Timeout | undefined;
  let queue: Queue | undefined;

  const close = async (): Promise<void> => {
    if (closing) return done;
    closing = true;
    if (timer) clearTimeout(timer);
    await Promise.all([...workers.values()].map((w) => w.close()));
    await queue?.close();
    redis.disconnect();
    resolveDone();
  };

  const poll = async (): Promise<void> => {
    try {
      if (options.name === undefined) {
        const runs = new Set(await redis.smembers(RUNS_KEY));
        for (const run of runs) if (isRunName(run)) startFor(run);
        for (const [run, worker] of workers) {
          if (!runs.has(run)) {
            workers.delete(run);
            void worker.close();
          }
        }
      } else if (options.exitWhenDone) {
        const keys = runKeys(options.name);
        const [shards, stored] = await Promise.all([redis.hget(keys.meta, 'shards'), redis.hlen(keys.out)]);
        if (shards !== null) {
          const failed = await (queue ??= new Queue(options.name, {
            connection: bullConnection(url),
            prefix: BULL_PREFIX,
          })).getFailedCount();
          if (stored + failed >= Number(shards)) {
            void close();
            return;
          }
        }
      }
    } catch {
      // Redis away for a moment: try again at the next tick.
    }
    if (!closing) timer = setTimeout(() => void poll(), 500);
  };

  if (options.name !== undefined) startFor(options.name);
  await poll();
  await Promise.all([...workers.values()].map((w) => w.waitUntilReady()));
  return {
    ready: Promise.resolve(),
    done,
    close,
    get shardsStored() {
      return shardsStored;
    },
  };
}
