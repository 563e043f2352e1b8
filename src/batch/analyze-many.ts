/**
 * `pipeline.analyzeMany()`: ordered, bounded batch analysis. Browser-safe: with `workers: 1` (the default) it runs
 * in the calling thread; worker threads (Node only) are loaded from ./pool only when `workers > 1`.
 */
import { ConfigError } from '../errors';
import type { Pipeline, PipelineOptions } from '../pipeline';
import { toPortableOptions } from './config';
import { orderedMap } from './ordered';
import { analyzeText } from './record';
import type { AnalyzeManyOptions, BatchItem, BatchResult } from './types';

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** Checks one item; returns its id and text, or the error result. */
export function checkItem(item: unknown): { id: string | number | null; text: string } | BatchResult {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { id: null, error: { code: 'NOT_AN_OBJECT', message: `expected { id, text }; got ${typeName(item)}` } };
  }
  const { id: rawId, text } = item as Record<string, unknown>;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  if (rawId !== undefined && rawId !== null && id === null) {
    return { id: null, error: { code: 'INVALID_ID', message: `id is ${typeName(rawId)}; expected a string or a number` } };
  }
  if (text === undefined || text === null) return { id, error: { code: 'MISSING_TEXT', message: 'the item has no "text"' } };
  if (typeof text !== 'string') return { id, error: { code: 'INVALID_TEXT', message: `"text" is ${typeName(text)}; expected a string` } };
  return { id, text };
}

/** Analyses one item in this thread. Never throws. */
export function analyzeItem(pipeline: Pipeline, item: unknown): BatchResult {
  const checked = checkItem(item);
  if (!('text' in checked)) return checked;
  const r = analyzeText(pipeline, checked.text);
  return 'error' in r ? { id: checked.id, error: r.error } : { id: checked.id, report: r.report };
}

function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError('CONFIG_INVALID', `analyzeMany(): "${name}" must be an integer >= 1; got ${String(value)}.`);
  }
  return value;
}

/** Implementation of `Pipeline.analyzeMany`. */
export async function* analyzeMany(
  pipeline: Pipeline,
  pipelineOptions: PipelineOptions,
  source: Iterable<BatchItem> | AsyncIterable<BatchItem>,
  options: AnalyzeManyOptions = {},
): AsyncGenerator<BatchResult, void, undefined> {
  const known = ['workers', 'maxInFlight'];
  for (const key of Object.keys(options ?? {})) {
    if (!known.includes(key)) throw new ConfigError('CONFIG_INVALID', `Unknown analyzeMany() option "${key}". Options: ${known.join(', ')}.`);
  }
  const workers = positiveInt(options.workers, 'workers', 1);
  const maxInFlight = positiveInt(options.maxInFlight, 'maxInFlight', workers * 4);
  if (!source || (typeof (source as Iterable<BatchItem>)[Symbol.iterator] !== 'function' && typeof (source as AsyncIterable<BatchItem>)[Symbol.asyncIterator] !== 'function')) {
    throw new ConfigError('CONFIG_INVALID', 'analyzeMany() takes an iterable or async iterable of { id, text } objects.');
  }
  if (workers === 1) {
    yield* orderedMap(source, maxInFlight, (item) => analyzeItem(pipeline, item));
    return;
  }
  const portable = toPortableOptions(pipelineOptions); // throws before any thread starts
  const { createWorkerPool, analyzeInPool } = await import('./pool');
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
