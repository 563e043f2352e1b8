/**
 * `pipeline.analyzeMany()`: ordered, bounded batch analysis in the calling thread. Browser-safe: it imports no
 * Node built-in and nothing that imports the pipeline at run time (no cycle). Worker threads are Node-only and live
 * in `slant/node` (src/batch/analyze-many-workers.ts), which reuses the option checks and item checks below.
 */
import { ConfigError } from '../errors';
import { orderedMap } from './ordered';
import { analyzeText } from './record';
import type { AnalyzeManyOptions, BatchItem, BatchResult, TextAnalyzer } from './types';

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
export function analyzeItem(pipeline: TextAnalyzer, item: unknown): BatchResult {
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

/** Checks analyzeMany() options and the source; returns the worker count and read-ahead bound. */
export function checkManyOptions(source: unknown, options: AnalyzeManyOptions | undefined): { workers: number; maxInFlight: number } {
  const known = ['workers', 'maxInFlight'];
  for (const key of Object.keys(options ?? {})) {
    if (!known.includes(key))
      throw new ConfigError('CONFIG_INVALID', `Unknown analyzeMany() option "${key}". Options: ${known.join(', ')}.`);
  }
  const workers = positiveInt(options?.workers, 'workers', 1);
  const maxInFlight = positiveInt(options?.maxInFlight, 'maxInFlight', workers * 4);
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
  yield* orderedMap(source, maxInFlight, (item) => analyzeItem(pipeline, item));
}
