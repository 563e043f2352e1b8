/** Types shared by the batch API, the CLI and the worker threads. Browser-safe. */
import type { Report } from '../report';

/** One article given to `pipeline.analyzeMany()`: an id, the text, and any other fields (ignored); see ./item. */
export type { BatchItem } from './item';

/** Why an article could not be analysed. `code` is stable; `message` is for people. */
export interface BatchError {
  code: BatchErrorCode;
  message: string;
}

/**
 * - `INVALID_JSON`, `NOT_AN_OBJECT`, `EMPTY_LINE`, `INVALID_UTF8`, `CSV_INVALID`: the input line itself is broken.
 * - `INVALID_ID`: the id field is neither a string nor a number.
 * - `MISSING_TEXT`, `INVALID_TEXT`, `INVALID_TITLE`: the text (or title) field is absent or not a string.
 * - `TEXT_TOO_LARGE`: over the size limit (CLI `--max-size`).
 * - `ANALYZER_FAILED`: the pipeline or one of its analyzers threw on this text.
 * - `WORKER_FAILED`: the worker thread analysing the text died (e.g. out of memory); the pool replaces it.
 */
export type BatchErrorCode =
  | 'INVALID_JSON'
  | 'NOT_AN_OBJECT'
  | 'EMPTY_LINE'
  | 'INVALID_UTF8'
  | 'CSV_INVALID'
  | 'INVALID_ID'
  | 'MISSING_TEXT'
  | 'INVALID_TEXT'
  | 'INVALID_TITLE'
  | 'TEXT_TOO_LARGE'
  | 'ANALYZER_FAILED'
  | 'WORKER_FAILED';

/** What `pipeline.analyzeMany()` yields for each article, in input order. */
export type BatchResult =
  { id: string | number | null; report: Report; error?: undefined } | { id: string | number | null; error: BatchError; report?: undefined };

export interface AnalyzeManyOptions {
  /**
   * Worker threads (Node only). 1 (the default) analyses in the calling thread, which works everywhere; with more,
   * each thread builds the same pipeline from its settings, so every analyzer must be a built-in one (given by id,
   * as the object from `builtinAnalyzers`, or through `use()`).
   */
  workers?: number;
  /**
   * Articles read ahead of the consumer, at most (default: 16 per worker thread, which analyses them in groups of up
   * to 8; in the calling thread 32, analysed as one group: groups are faster than one by one). Bounds memory.
   */
  maxInFlight?: number;
}

/**
 * What the batch helpers need of a pipeline: `analyze(text)`. A structural type, so that src/batch never imports
 * src/pipeline (which imports batch/analyze-many for `pipeline.analyzeMany`).
 */
export interface TextAnalyzer {
  analyze(text: string): Report;
  /** Several texts at once, with the reports `analyze` gives one by one (the pipeline's faster path for groups). */
  analyzeTexts?(texts: readonly string[]): Report[];
}
