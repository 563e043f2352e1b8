/**
 * What `slant queue add|work|status|export|clean` share (Node only): the Redis keys of a run, its settings, the
 * connection, and the compact form results are stored in.
 *
 * A run RUN lives in one BullMQ queue named RUN (keys `slant:bull:RUN:*`) plus these keys of ours:
 * - `slant:run:RUN:meta` (hash): the settings chosen at add time (fields, id/text fields, ...), the totals once
 *   `add` has read the whole input (`shards`, `lines`), and progress counters written by workers;
 * - `slant:run:RUN:in` (hash): shard number → "lines sha": every shard added, how many input lines it holds and a
 *   fingerprint of them (so adding the same input again adds nothing, and adding other input under the same name
 *   is refused);
 * - `slant:run:RUN:out` (hash): shard number → the shard's output lines, deflated. Written once per shard with
 *   HSETNX, so a shard delivered twice (a stalled worker's job retried) is stored once;
 * - `slant:runs` (set): run names, for workers started without --name.
 * A shard's job (id `RUN.n`) carries its input lines and is removed from Redis once its results are stored.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { FieldsSpec } from '../batch/digest';
import type { RawInput } from '../batch/record';
import { InputError } from '../errors';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** Prefix of BullMQ's keys for slant runs. */
export const BULL_PREFIX = 'slant:bull';
export const RUNS_KEY = 'slant:runs';

/** `--redis`, else REDIS_URL, else the local default. */
export const redisUrl = (given?: string): string => given || process.env.REDIS_URL || DEFAULT_REDIS_URL;

const RUN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

export const isRunName = (name: string): boolean => RUN_NAME.test(name);

/** Checks a run name: letters, digits, `_ . -`, at most 100 characters (BullMQ queue names cannot hold ':'). */
export function checkRunName(name: string | undefined): string {
  if (!name) throw new InputError('a run needs a name (--name RUN)');
  if (!RUN_NAME.test(name))
    throw new InputError(`invalid run name "${name}": use letters, digits, "_", "." and "-" (at most 100 characters)`);
  return name;
}

export const runKeys = (run: string) => ({
  meta: `slant:run:${run}:meta`,
  in: `slant:run:${run}:in`,
  out: `slant:run:${run}:out`,
});

export const jobId = (run: string, shard: number): string => `${run}.${shard}`;
export const shardOfJob = (id: string | undefined): number => Number(id?.slice(id.lastIndexOf('.') + 1));

/** Settings fixed when a run is added; workers and export read them from Redis. */
export interface RunSettings {
  fields: FieldsSpec;
  idField: string;
  textField: string;
  titleField?: string;
  maxTextBytes: number;
  /** Analyzer ids, or undefined for the recommended preset. */
  analyzers?: string[];
  shardSize: number;
  attempts: number;
  backoffMs: number;
}

/** The data of a shard's job. */
export interface ShardJob {
  run: string;
  shard: number;
  inputs: RawInput[];
}

/** A client for our own commands. It reconnects forever and queues commands meanwhile (a Redis restart is a pause). */
export function connect(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), 2000),
    lazyConnect: false,
  });
  // Connection errors are retried by the client; without a listener they would be printed as unhandled.
  redis.on('error', () => undefined);
  return redis;
}

/** Fails fast (InputError) when nothing answers at `url`, instead of retrying forever. */
export async function checkReachable(url: string, timeoutMs = 3000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
    enableOfflineQueue: false,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (e) {
    throw new InputError(
      `cannot reach Redis at ${redactUrl(url)} (${e instanceof Error ? e.message : String(e)}); give --redis URL or set REDIS_URL`,
    );
  } finally {
    probe.disconnect();
  }
}

/** The URL without its password, for messages. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** BullMQ connection options for `url` (workers need maxRetriesPerRequest null). */
export const bullConnection = (url: string) => ({
  url,
  maxRetriesPerRequest: null,
  retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 10), 2000),
});

export async function readSettings(redis: Redis, run: string): Promise<(RunSettings & { shards?: number; lines?: number }) | null> {
  const meta = await redis.hgetall(runKeys(run).meta);
  if (!meta.settings) return null;
  const settings = JSON.parse(meta.settings) as RunSettings;
  return { ...settings, ...(meta.shards !== undefined ? { shards: Number(meta.shards), lines: Number(meta.lines) } : {}) };
}

/** A shard's output lines, stored compactly: joined by newlines and deflated. */
export const packLines = (lines: string[]): Buffer => deflateRawSync(Buffer.from(lines.join('\n')), { level: 6 });
export const unpackLines = (packed: Buffer): string[] => {
  const text = inflateRawSync(packed).toString('utf8');
  return text === '' ? [''] : text.split('\n');
};

/** A fingerprint of a shard's input: same input, same shard, same fingerprint. */
export const fingerprint = (inputs: RawInput[]): string => createHash('sha1').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);

/**
 * Stores a shard's results once: HSETNX of the packed lines, and the counters, only when the shard was not stored
 * yet. Returns 1 when stored now, 0 when it already was.
 */
export const STORE_SHARD_LUA = `
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'doneLines', ARGV[3])
  redis.call('HINCRBY', KEYS[1], 'errorLines', ARGV[4])
  redis.call('HSET', KEYS[1], 'lastDoneAt', ARGV[5])
  return 1
end
return 0`;

/** A run's two connections: our own client and its BullMQ queue. */
export interface RunConnection {
  run: string;
  url: string;
  redis: Redis;
  queue: Queue<ShardJob>;
  close(): Promise<void>;
}

/**
 * Checks the run name and that Redis answers (InputError otherwise), then opens the run's connections; `close()`
 * closes both. Used by export, status and clean.
 */
export async function openRun(name: string, redisOption: string | undefined): Promise<RunConnection> {
  const run = checkRunName(name);
  const url = redisUrl(redisOption);
  await checkReachable(url);
  const redis = connect(url);
  const queue = new Queue<ShardJob>(run, { connection: bullConnection(url), prefix: BULL_PREFIX });
  queue.on('error', () => undefined); // reconnects on its own
  const close = async (): Promise<void> => {
    await queue.close();
    redis.disconnect();
  };
  return { run, url, redis, queue, close };
}
