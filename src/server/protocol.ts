/**
 * What the HTTP service's main thread and its worker threads say to each other. Plain data only (structured clone).
 */
import type { AnalyzerSettings } from '../analyzer';

/** The per-request pipeline configuration: built-in analyzer ids and settings by id (data, so it crosses threads). */
export interface RequestConfig {
  analyzers?: string[];
  settings?: Record<string, AnalyzerSettings<unknown>>;
}

export type OutputFormat = 'json' | 'html';

/** Output formats answered now, with their content types (sarif and w3c come with the formatter registry). */
export const OUTPUT_FORMATS: Record<OutputFormat, string> = { json: 'application/json', html: 'text/html; charset=utf-8' };

export type ServerTask =
  /** Builds the default pipeline, warms the model, and answers the analyzer catalogue. */
  | { kind: 'ready' }
  /** One text: answered with the report as JSON text, or the page in the chosen format. */
  | { kind: 'analyze'; text: string; config: RequestConfig; format: OutputFormat }
  /** One NDJSON line of /v1/batch (not parsed yet): answered with the output line, as `slant batch` writes it. */
  | { kind: 'line'; line: number; text: string; config: RequestConfig; maxTextLength: number };

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
