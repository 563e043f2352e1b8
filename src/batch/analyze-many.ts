/**
 * `pipeline.analyzeMany()`: ordered, bounded batch analysis in the calling thread. Browser-safe: it imports no
 * Node built-in and nothing that imports the pipeline at run time (no cycle). Worker threads are Node-only and live
 * in `slant/node` (src/batch/analyze-many-workers.ts), which reuses the option checks and item checks below.
 */
import { ANALYZE_MANY_MESSAGES, AnalyzeManyOptionsSchema, parseConfig } from '../config';
import { ConfigError } from '../errors';
import { isRecord, readId, readText, typeName } from './item';
import { groupedMap } from './ordered';
import { analyzeGroup, analyzeText } from './record';
import type { AnalyzeManyOptions, BatchItem, BatchResult, TextAnalyzer } from './types';

/** Checks one item (src/batch/item.ts); returns its id and text, or the error result. */
export function checkItem(item: unknown): { id: string | number | null; text: string } | BatchResult {
  if (!isRecord(item)) return { id: null, error: { code: 'NOT_AN_OBJECT', message: `expected { id, text }; got ${typeName(item)}` } };
  const id = readId(item);
  if ('error' in id) return { id: null, error: id.error };
  const text = readText(item);
  if ('error' in text) return { id: id.id ?? null, error: text.error };
  return { id: id.id ?? null, text: text.text };
}

/** Analyses one item in this thread. Never throws. */
export function analyzeItem(pipeline: TextAnalyzer, item: unknown): BatchResult {
  const checked = checkItem(item);
  if (!('text' in checked)) return checked;
  const r = analyzeText(pipeline, checked.text);
  return 'error' in r ? { id: checked.id, error: r.error } : { id: checked.id, report: r.report };
}

/**
 * Analyses a group of items in this thread: the results analyzeItem gives one by one, with the valid texts
 * analysed together when the pipeline can (`analyzeTexts`, faster). Never throws.
 */
export function analyzeItems(pipeline: TextAnalyzer, items: readonly unknown[]): BatchResult[] {
  if (!pipeline.analyzeTexts || items.length < 2) return items.map((item) => analyzeItem(pipeline, item));
  const checked = items.map(checkItem);
  const analysed = analyzeGroup(pipeline.analyzeTexts.bind(pipeline), checked, (c) => ('text' in c ? c.text : undefined));
  if (!analysed) return items.map((item) => analyzeItem(pipeline, item));
  return checked.map((c, k) => {
    if (!('text' in c)) return c;
    const r = analysed[k]!;
    return 'error' in r ? { id: c.id, error: r.error } : { id: c.id, report: r.report };
  });
}

/** Articles analysed as one group in the calling thread by default (about 0.75x the CPU time of one by one). */
export const IN_THREAD_GROUP = 32;
/** Most articles a worker thread analyses as one group. */
export const WORKER_GROUP = 8;
/** Articles read ahead per worker thread by default: two groups of {@link WORKER_GROUP}. */
export const WORKER_READ_AHEAD = 2 * WORKER_GROUP;

/** The group size for `threads` worker threads and a read-ahead of `maxInFlight`: two groups per thread in flight. */
export function workerGroupSize(threads: number, maxInFlight: number): number {
  return Math.max(1, Math.min(WORKER_GROUP, Math.floor(maxInFlight / (2 * threads))));
}

/** Checks analyzeMany() options and the source; returns the worker count and read-ahead bound. */
export function checkManyOptions(source: unknown, options: AnalyzeManyOptions | undefined): { workers: number; maxInFlight: number } {
  const checked = parseConfig(AnalyzeManyOptionsSchema, options ?? {}, ANALYZE_MANY_MESSAGES);
  const workers = checked.workers ?? 1;
  const maxInFlight = checked.maxInFlight ?? (workers === 1 ? IN_THREAD_GROUP : workers * WORKER_READ_AHEAD);
  if (
    !source ||
    (typeof (source as Iterable<BatchItem>)[Symbol.iterator] !== 'function' &&
      typeof (source as AsyncIterable<BatchItem>)[Symbol.asyncIterator] !== 'function')
  ) {
    throw new ConfigError('CONFIG_INVALID', 'analyzeMany() takes an iterable or async iterable of { id, text } objects.');
  }
  return { workers, maxInFlight };
}

/** The message for `pipeline.analyzeMany(items, { workers > 1 })`, which the browser-safe core cannot honour. */
export const WORKERS_NEED_NODE =
  "analyzeMany(): worker threads are Node-only and live in 'slant/node': import { analyzeMany } from 'slant/node' and call analyzeMany(pipeline, items, { workers }). pipeline.analyzeMany() without \"workers\" analyses in the calling thread.";

/**
 * Implementation of `Pipeline.analyzeMany`: in the calling thread, in any JavaScript environment. `workers` other
 * than 1 is a ConfigError that names `slant/node`.
 */
export async function* analyzeMany(
  pipeline: TextAnalyzer,
  source: Iterable<BatchItem> | AsyncIterable<BatchItem>,
  options: AnalyzeManyOptions = {},
): AsyncGenerator<BatchResult, void, undefined> {
  const { workers, maxInFlight } = checkManyOptions(source, options);
  if (workers !== 1) throw new ConfigError('CONFIG_INVALID', WORKERS_NEED_NODE);
  yield* groupedMap(source, maxInFlight, (items) => analyzeItems(pipeline, items));
}
