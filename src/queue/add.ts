/**
 * `slant queue add`: reads a JSONL or CSV corpus with the `slant batch` readers and puts it in Redis as shards of N
 * input lines, one BullMQ job per shard (job id = run + shard number). Adding the same input again adds nothing.
 */
import fs from 'node:fs';
import { Queue } from 'bullmq';
import { builtinAnalyzers } from '../analyzers';
import type { FieldsSpec } from '../batch/digest';
import { readCsv, readJsonl } from '../batch/read';
import type { RawInput } from '../batch/record';
import { DEFAULT_MAX_TEXT_BYTES, detectFormat, type InputFormat } from '../batch/run';
import { InputError, didYouMean } from '../errors';
import {
  BULL_PREFIX,
  RUNS_KEY,
  bullConnection,
  checkReachable,
  checkRunName,
  connect,
  fingerprint,
  jobId,
  redisUrl,
  runKeys,
  type RunSettings,
  type ShardJob,
} from './shared';

export interface AddOptions {
  /** Input file, or "-" for standard input. */
  input: string;
  name: string;
  redis?: string;
  /** Input lines per shard (default 100). */
  shardSize?: number;
  format?: InputFormat;
  idField?: string;
  textField?: string;
  titleField?: string;
  /** What each stored result keeps (default full); export can narrow it further, never widen it. */
  fields?: FieldsSpec;
  analyzers?: string[];
  maxTextBytes?: number;
  /** Tries per shard before it is given up (default 3); retries wait 1, 2, 4 … × backoffMs. */
  attempts?: number;
  backoffMs?: number;
  /**
   * Wait while this many shards are queued and not done yet (default: no limit). Bounds the input held in Redis:
   * with it, `add` streams a corpus of any size into the queue as fast as the workers take it.
   */
  maxWaiting?: number;
}

export interface AddResult {
  run: string;
  lines: number;
  shards: number;
  /** Shards put in the queue by this call (0 when the same input was added before). */
  added: number;
}

function sameSettings(a: RunSettings, b: RunSettings): string | null {
  for (const key of ['fields', 'idField', 'textField', 'titleField', 'maxTextBytes', 'analyzers', 'shardSize'] as const) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return key;
  }
  return null;
}

export async function addRun(options: AddOptions): Promise<AddResult> {
  const run = checkRunName(options.name);
  const url = redisUrl(options.redis);
  const shardSize = options.shardSize ?? 100;
  if (!Number.isInteger(shardSize) || shardSize < 1) throw new InputError(`shard size must be an integer >= 1; got ${shardSize}`);
  for (const id of options.analyzers ?? []) {
    if (!builtinAnalyzers[id]) throw new InputError(`unknown analyzer "${id}"${didYouMean(id, Object.keys(builtinAnalyzers))}`);
  }
  const settings: RunSettings = {
    fields: options.fields ?? 'full',
    idField: options.idField ?? 'id',
    textField: options.textField ?? 'text',
    ...(options.titleField !== undefined ? { titleField: options.titleField } : {}),
    maxTextBytes: options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES,
    ...(options.analyzers ? { analyzers: options.analyzers } : {}),
    shardSize,
    attempts: options.attempts ?? 3,
    backoffMs: options.backoffMs ?? 1000,
  };
  if (options.input !== '-') {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(options.input);
    } catch {
      throw new InputError(`no such file: ${options.input}`);
    }
    if (!stat.isFile()) throw new InputError(`${options.input} is not a regular file`);
  }
  await checkReachable(url);

  const redis = connect(url);
  const keys = runKeys(run);
  const queue = new Queue<ShardJob>(run, { connection: bullConnection(url), prefix: BULL_PREFIX });
  queue.on('error', () => undefined); // reconnects on its own
  try {
    const stored = await redis.hget(keys.meta, 'settings');
    let complete = false;
    if (stored) {
      const differs = sameSettings(JSON.parse(stored) as RunSettings, settings);
      if (differs)
        throw new InputError(
          `run "${run}" was added with another ${differs}; use another --name, or drop it first (slant queue clean --name ${run})`,
        );
      complete = (await redis.hexists(keys.meta, 'shards')) === 1;
    } else {
      await redis
        .multi()
        .hsetnx(keys.meta, 'settings', JSON.stringify(settings))
        .hsetnx(keys.meta, 'createdAt', String(Date.now()))
        .sadd(RUNS_KEY, run)
        .exec();
    }

    const format = options.format ?? detectFormat(options.input);
    const stream = options.input === '-' ? process.stdin : fs.createReadStream(options.input, { highWaterMark: 1 << 20 });
    const reader: AsyncIterable<RawInput> =
      format === 'jsonl'
        ? readJsonl(stream, { maxLineBytes: Math.max(8 * settings.maxTextBytes, 1 << 20), idField: settings.idField })
        : readCsv(stream, { delimiter: format === 'tsv' ? '\t' : ',' });

    let lines = 0;
    let shards = 0;
    let added = 0;
    let batch: ShardJob[] = [];
    const flush = async (): Promise<void> => {
      if (!batch.length) return;
      const known = await redis.hmget(keys.in, ...batch.map((j) => String(j.shard)));
      const fresh: ShardJob[] = [];
      batch.forEach((job, i) => {
        const entry = `${job.inputs.length} ${fingerprint(job.inputs)}`;
        if (known[i] === null) fresh.push(job);
        else if (known[i] !== entry)
          throw new InputError(
            `run "${run}" already holds other input for shard ${job.shard} (lines ${job.inputs[0].line}…); use another --name, or drop it first (slant queue clean --name ${run})`,
          );
      });
      if (fresh.length && complete)
        throw new InputError(`run "${run}" was added in full before, and this input has more lines; use another --name`);
      if (fresh.length && options.maxWaiting !== undefined) {
        for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
          const c = await queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active');
          if (c.waiting + c.delayed + c.prioritized + c.active + fresh.length <= Math.max(options.maxWaiting, fresh.length)) break;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
      if (fresh.length) {
        // The jobs first, then the registration: a crash in between leaves jobs that a new `add` finds by id.
        await queue.addBulk(
          fresh.map((job) => ({
            name: 'shard',
            data: job,
            opts: {
              jobId: jobId(run, job.shard),
              attempts: settings.attempts,
              backoff: { type: 'exponential', delay: settings.backoffMs },
              removeOnComplete: true,
              removeOnFail: false,
            },
          })),
        );
        await redis.hset(keys.in, ...fresh.flatMap((job) => [String(job.shard), `${job.inputs.length} ${fingerprint(job.inputs)}`]));
        added += fresh.length;
      }
      batch = [];
    };

    let inputs: RawInput[] = [];
    for await (const input of reader) {
      lines++;
      inputs.push(input);
      if (inputs.length === shardSize) {
        batch.push({ run, shard: shards++, inputs });
        inputs = [];
        if (batch.length >= Math.min(20, options.maxWaiting ?? 20)) await flush();
      }
    }
    if (inputs.length) batch.push({ run, shard: shards++, inputs });
    await flush();

    if (complete) {
      const before = await redis.hmget(keys.meta, 'shards', 'lines');
      if (Number(before[0]) !== shards || Number(before[1]) !== lines) {
        throw new InputError(`run "${run}" holds ${before[1]} lines in ${before[0]} shards; this input has ${lines} lines`);
      }
    } else {
      await redis.hset(keys.meta, 'shards', String(shards), 'lines', String(lines), 'addedAt', String(Date.now()));
    }
    return { run, lines, shards, added };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
