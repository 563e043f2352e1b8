/**
 * Worker threads for batch analysis (Node only; loaded by analyzeMany and the CLI only when workers > 1).
 *
 * Built on piscina: a maintained pool that keeps a fixed number of threads alive, queues tasks, and replaces a
 * thread that dies (the task it was running rejects, which becomes a WORKER_FAILED record instead of a crash).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ConfigError, LexiconError, type SlantErrorCode } from '../errors';
import type { PortablePipelineOptions } from './config';
import type { LineOptions, LineResult, RawInput } from './record';
import { workerGroupSize } from './analyze-many';
import { chunked, orderedMap } from './ordered';
import type { BatchResult } from './types';

/** What each worker receives once, at start-up: how to build its pipeline, and how to render lines. */
export interface WorkerData {
  pipeline: PortablePipelineOptions;
  line?: LineOptions;
}

export type WorkerTask =
  /** Answered with the BatchResult as a JSON string (see analyzeInPool). */
  | { kind: 'item'; id: string | number | null; text: string }
  /** Answered with the BatchResult[] as a JSON string, one per item in order (see analyzeGroupInPool). */
  | { kind: 'items'; items: Array<{ id: string | number | null; text: string }> }
  | { kind: 'input'; input: RawInput }
  /** Answered with LineResult[], one per input in order (processInputs: analysed as one group). */
  | { kind: 'inputs'; inputs: RawInput[] }
  /** Builds the pipeline (if not yet) and answers its analyzer ids, or the configuration error. */
  | { kind: 'ready' };

export type ReadyAnswer = { analyzerIds: string[] } | { error: { name: string; code: string; message: string } };

export interface WorkerPool {
  readonly threads: number;
  run<T>(task: WorkerTask): Promise<T>;
  /** Resolves with the pipeline's analyzer ids once a worker has built it; rethrows its configuration error. */
  ready(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The worker script: dist/batch-worker.js next to the bundle; when running from source (tests, tsx), a small
 * CommonJS bootstrap that registers tsx and loads worker.ts.
 */
declare const __SLANT_MODULE_URL__: string | undefined; // import.meta.url, defined by the ESM build only

function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  if (typeof __SLANT_MODULE_URL__ === 'string') return path.dirname(fileURLToPath(__SLANT_MODULE_URL__));
  throw new ConfigError('CONFIG_INVALID', 'Cannot locate the batch worker script in this environment; worker threads need Node.');
}

function workerScript(): string {
  const dir = moduleDir();
  const built = path.join(dir, 'batch-worker.js');
  if (fs.existsSync(built)) return built;
  const dev = path.join(dir, 'worker-dev.cjs');
  if (fs.existsSync(dev)) return dev;
  throw new ConfigError('CONFIG_INVALID', `Cannot start worker threads: the worker script ${built} is missing (rebuild the package).`);
}

export function createWorkerPool(threads: number, data: WorkerData): WorkerPool {
  const pool = new Piscina({
    filename: workerScript(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 1,
    workerData: data,
  });
  return {
    threads,
    run: <T>(task: WorkerTask) => pool.run(task) as Promise<T>,
    ready: async () => {
      const answer = (await pool.run({ kind: 'ready' } satisfies WorkerTask)) as ReadyAnswer;
      if ('analyzerIds' in answer) return answer.analyzerIds;
      const { name, code, message } = answer.error;
      const Err = name === 'LexiconError' ? LexiconError : ConfigError;
      throw new Err(code as SlantErrorCode, message);
    },
    close: () => pool.destroy(),
  };
}

/**
 * Analyses one item on a pool thread. The worker answers with the result as JSON text: a report is a deep object
 * graph, and JSON.stringify + JSON.parse cost about half of what posting the object does (V8's serializer at
 * ~0.3 ms per 30 KB report, its deserializer ~0.17 ms, against ~0.11 + ~0.13 ms), most of it saved on the workers.
 */
export async function analyzeInPool(pool: WorkerPool, id: string | number | null, text: string): Promise<BatchResult> {
  return JSON.parse(await pool.run<string>({ kind: 'item', id, text })) as BatchResult;
}

/**
 * `group` on all items at once (one task, one thread); if that thread dies, `one` on each item alone, so that only an
 * item that kills a thread even alone gets its own failure.
 */
async function groupOrEach<T, R>(items: T[], group: (items: T[]) => Promise<R[]>, one: (item: T) => Promise<R>): Promise<R[]> {
  try {
    return await group(items);
  } catch {
    return Promise.all(items.map(one));
  }
}

/**
 * Analyses a group of checked items on one pool thread, as one group (`analyzeItems`: the pipeline runs each
 * analyzer over the whole group, faster than one by one, as in the calling thread): the results analyzeInPool gives
 * item by item, in order. If the thread dies, each item is tried again on its own, so that only the item that kills
 * a thread gets WORKER_FAILED.
 */
export function analyzeGroupInPool(pool: WorkerPool, items: Array<{ id: string | number | null; text: string }>): Promise<BatchResult[]> {
  return groupOrEach(
    items,
    async (all) => JSON.parse(await pool.run<string>({ kind: 'items', items: all })) as BatchResult[],
    (it) =>
      analyzeInPool(pool, it.id, it.text).catch((e: unknown): BatchResult => ({
        id: it.id,
        error: { code: 'WORKER_FAILED', message: e instanceof Error ? e.message : String(e) },
      })),
  );
}

/**
 * Processes a group of inputs on one pool thread, as one group (`processInputs`): the LineResults of `input` tasks
 * one by one, in order. If the thread dies, each input is tried again on its own; `onDeath` gives the line of an
 * input whose thread died even then.
 */
export function processGroupInPool(
  pool: WorkerPool,
  inputs: RawInput[],
  onDeath: (input: RawInput, e: unknown) => LineResult,
): Promise<LineResult[]> {
  return groupOrEach(
    inputs,
    (all) => pool.run<LineResult[]>({ kind: 'inputs', inputs: all }),
    (input) => pool.run<LineResult>({ kind: 'input', input }).catch((e: unknown) => onDeath(input, e)),
  );
}

/**
 * `fn`'s results over groups of `source` run on `pool`'s threads, in input order: groups sized so that two per
 * thread are in flight when the read-ahead allows, never more than `maxInFlight` items read ahead.
 */
export async function* groupsInPool<T, R>(
  pool: WorkerPool,
  source: Iterable<T> | AsyncIterable<T>,
  maxInFlight: number,
  fn: (group: T[]) => Promise<R[]>,
): AsyncGenerator<R, void, undefined> {
  const group = workerGroupSize(pool.threads, maxInFlight);
  for await (const results of orderedMap(chunked(source, group), Math.max(1, Math.floor(maxInFlight / group)), fn)) yield* results;
}

/** The output lines of `source` processed on `pool`'s threads, in input order (groups: see {@link processGroupInPool}). */
export function linesInPool(
  pool: WorkerPool,
  source: Iterable<RawInput> | AsyncIterable<RawInput>,
  maxInFlight: number,
  onDeath: (input: RawInput, e: unknown) => LineResult,
): AsyncGenerator<LineResult, void, undefined> {
  return groupsInPool(pool, source, maxInFlight, (inputs) => processGroupInPool(pool, inputs, onDeath));
}
