/**
 * `analyzeMany(pipeline, items, { workers })` from `slant/node`: the batch API across worker threads (Node only).
 * Same contract as `pipeline.analyzeMany()` (input order, bounded read-ahead, one result per item, never throws for
 * one bad item); each thread builds the same pipeline from its settings, so every analyzer must be a built-in one.
 */
import type { Pipeline, PipelineOptions } from '../pipeline';
import { analyzeItems, checkItem, checkManyOptions } from './analyze-many';
import { toPortableOptions } from './config';
import { groupedMap, orderedMap } from './ordered';
import { analyzeInPool, createWorkerPool } from './pool';
import type { AnalyzeManyOptions, BatchItem, BatchResult } from './types';

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
    yield* orderedMap(source, maxInFlight, async (item): Promise<BatchResult> => {
      const checked = checkItem(item);
      if (!('text' in checked)) return checked;
      try {
        return await analyzeInPool(pool, checked.id, checked.text);
      } catch (e) {
        return { id: checked.id, error: { code: 'WORKER_FAILED', message: e instanceof Error ? e.message : String(e) } };
      }
    });
  } finally {
    await pool.close();
  }
}
