/**
 * What the HTTP service's main thread and its worker threads say to each other. Plain data only (structured clone).
 */
import type { AnalyzerSettings } from '../analyzer';

/** The per-request pipeline configuration: built-in analyzer ids and settings by id (data, so it crosses threads). */
export interface RequestConfig {
  analyzers?: string[];
  settings?: Record<string, AnalyzerSettings<unknown>>;
}

import type { ReportFormat } from '../format';
import type { InputFormat } from '../input';

export type OutputFormat = ReportFormat;

/** The output formats of /v1/analyze (src/format's registry), with their content types. */
export const OUTPUT_FORMATS: Record<OutputFormat, string> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  sarif: 'application/sarif+json',
  w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export type ServerTask =
  /** Builds the default pipeline, warms the model, and answers the analyzer catalogue. */
  | { kind: 'ready' }
  /** One text: answered with the report as JSON text, or the page in the chosen format. */
  | { kind: 'analyze'; source: string; input: InputFormat; config: RequestConfig; format: OutputFormat }
  /**
   * One NDJSON line of /v1/batch (not parsed yet): answered with the output line, as `slant batch` writes it. A line
   * with "html" or "markdown" instead of "text" is read through that input adapter.
   */
  | { kind: 'line'; line: number; text: string; config: RequestConfig; maxTextBytes: number };

export interface AnalyzerInfo {
  id: string;
  description: string;
  category: string;
  /** Message id → message template. */
  messages: Record<string, string>;
  /** JSON Schema of the analyzer's options (null when it takes none). */
  options: Record<string, unknown> | null;
  defaults: { severity?: string; weight?: number };
  /** Lexicon ids the analyzer reads. */
  lexicons: string[];
  docs?: string;
  /** In the recommended preset (what runs when a request names no analyzers). */
  recommended: boolean;
}

/** A configuration the worker could not build a pipeline from (ConfigError or LexiconError), as data. */
export interface TaskConfigError {
  configError: { name: string; code: string; message: string };
}

export type ReadyResult = { analyzers: AnalyzerInfo[] };
export type AnalyzeResult = { body: string } | TaskConfigError;
export type LineResult = { out: string } | TaskConfigError;
