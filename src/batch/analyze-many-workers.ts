/**
 * `analyzeMany(pipeline, items, { workers })` from `slant/node`: the batch API across worker threads (Node only).
 * Same contract as `pipeline.analyzeMany()` (input order, bounded read-ahead, one result per item, never throws for
 * one bad item); each thread builds the same pipeline from its settings, so every analyzer must be a built-in one.
 */
import type { Pipeline, PipelineOptions } from '../pipeline';
import { analyzeItems, checkItem, checkManyOptions } from './analyze-many';
import { toPortableOptions } from './config';
import { groupedMap } from './ordered';
import { analyzeGroupInPool, createWorkerPool, groupsInPool, type WorkerPool } from './pool';
import type { AnalyzeManyOptions, BatchItem, BatchResult } from './types';

/** Checks each item here (only valid ids and texts cross to a thread), analyses the valid ones as one group. */
async function analyzeChecked(pool: WorkerPool, items: unknown[]): Promise<BatchResult[]> {
  const checked = items.map(checkItem);
  const valid: Array<{ id: string | number | null; text: string }> = [];
  for (const c of checked) if ('text' in c) valid.push({ id: c.id, text: c.text });
  const results = valid.length ? await analyzeGroupInPool(pool, valid) : [];
  let next = 0;
  return checked.map((c) => ('text' in c ? results[next++] : c));
}

/**
 * The results of `source` analysed on `pool`'s threads, in input order. Each thread analyses groups of items, as the
 * calling thread does (faster than one by one): groups of up to WORKER_GROUP (8), two per thread in flight when
 * the read-ahead allows, never more than `maxInFlight` items read ahead. Never throws for one bad item.
 */
export function analyzeManyInPool(
  pool: WorkerPool,
  source: Iterable<unknown> | AsyncIterable<unknown>,
  maxInFlight: number,
): AsyncGenerator<BatchResult, void, undefined> {
  return groupsInPool(pool, source, maxInFlight, (items) => analyzeChecked(pool, items));
}

/** The options a pipeline was created with (kept private on Pipeline; read here to rebuild it in each thread). */
const optionsOf = (pipeline: Pipeline): PipelineOptions => pipeline['options'];

/**
 * Analyses many articles, across `workers` threads when `workers > 1` (in this thread with 1, the default).
 * Throws ConfigError for bad options, and before any thread starts for a pipeline with a custom analyzer.
 *
 * @example
 * import { createPipeline } from 'slant';
 * import { analyzeMany } from 'slant/node';
 * for await (const r of analyzeMany(createPipeline(), articles, { workers: 2 })) if (r.report) save(r.id, r.report);
 */
export async function* analyzeMany(
  pipeline: Pipeline,
  source: Iterable<BatchItem> | AsyncIterable<BatchItem>,
  options: AnalyzeManyOptions = {},
): AsyncGenerator<BatchResult, void, undefined> {
  const { workers, maxInFlight } = checkManyOptions(source, options);
  if (workers === 1) {
    yield* groupedMap(source, maxInFlight, (items) => analyzeItems(pipeline, items));
    return;
  }
  const portable = toPortableOptions(optionsOf(pipeline)); // throws before any thread starts
  const pool = createWorkerPool(workers, { pipeline: portable });
  try {
    yield* analyzeManyInPool(pool, source, maxInFlight);
  } finally {
    await pool.close();
  }
}
