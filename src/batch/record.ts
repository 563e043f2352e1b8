/**
 * One input line (or CSV row) in, one output line out: the step that runs in the main thread or in a worker.
 * Browser-safe.
 *
 * Output lines are `{"id":…,"report":{…}}` for an analysed article and `{"id":…,"line":n,"error":{"code","message"}}`
 * for anything else, with `"group"` after the id when grouping. An article without an id field gets its line number
 * as id.
 */
import { isSlantError } from '../errors';
import type { Report } from '../report';
import { isRecord, readId, readText, typeName } from './item';
import { digestReport, project, type Digest, type FieldsSpec } from './digest';
import type { BatchError, BatchErrorCode, TextAnalyzer } from './types';

export type Id = string | number | null;

/** What a reader gives for each input line or CSV row. */
export type RawInput =
  /** A JSONL line, not parsed yet (parsing happens where the analysis runs). */
  | { kind: 'json'; line: number; text: string }
  /** A CSV row, as field name → string. */
  | { kind: 'record'; line: number; record: Record<string, unknown> }
  /** A line the reader could not read (too large, not UTF-8, broken CSV, empty). */
  | { kind: 'bad'; line: number; id: Id; error: BatchError };

export interface LineOptions {
  idField: string;
  textField: string;
  /** Prepended to the text as a headline, followed by a blank line. */
  titleField?: string;
  groupField?: string;
  fields: FieldsSpec;
  /** Longest text analysed, in bytes of UTF-8 (the unit of `slant analyze --max-size`); longer ones give TEXT_TOO_LARGE. */
  maxTextBytes: number;
  /** Compute a digest for the summary. */
  digest: boolean;
  /** Add the analysed text to each output line as "text" (for output formats that point into it: sarif, w3c). */
  withText?: boolean;
}

export interface LineResult {
  /** The output line, without the final newline. */
  out: string;
  /** Identity used by --resume. */
  key: string;
  error?: BatchErrorCode;
  digest?: Digest;
}

export const keyOf = (id: Id, line: number): string => (id === null ? `line:${line}` : `id:${JSON.stringify(id)}`);

interface Prepared {
  id: Id;
  group?: string;
  text?: string;
  error?: BatchError;
}

function groupValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The UTF-8 size of `s` when it is over `max` bytes, else undefined (counted only when it could be). */
export function utf8BytesOver(s: string, max: number): number | undefined {
  if (s.length * 3 <= max) return undefined; // a UTF-16 code unit is at most 3 bytes of UTF-8
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > max ? bytes : undefined;
}

/** Parses and checks one input: its id, group and text, or why it cannot be analysed. */
export function prepare(input: RawInput, opts: LineOptions): Prepared {
  if (input.kind === 'bad') return { id: input.id, error: input.error };
  let record: unknown;
  if (input.kind === 'json') {
    if (input.text.trim() === '') return { id: null, error: { code: 'EMPTY_LINE', message: 'empty line' } };
    try {
      record = JSON.parse(input.text);
    } catch (e) {
      return { id: null, error: { code: 'INVALID_JSON', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` } };
    }
    if (!isRecord(record)) {
      return { id: null, error: { code: 'NOT_AN_OBJECT', message: `expected a JSON object; got ${typeName(record)}` } };
    }
  } else {
    record = input.record;
  }
  const r = record as Record<string, unknown>;
  const read = readId(r, opts.idField);
  if ('error' in read) return { id: null, error: read.error };
  const id: Id = read.id ?? input.line;
  const out: Prepared = { id };
  if (opts.groupField !== undefined) out.group = groupValue(r[opts.groupField]);
  const t = readText(r, opts.textField);
  if ('error' in t) {
    out.error = t.error;
    return out;
  }
  const text = t.text;
  let full = text;
  if (opts.titleField !== undefined) {
    const title = r[opts.titleField];
    if (title !== undefined && title !== null && typeof title !== 'string') {
      out.error = { code: 'INVALID_TITLE', message: `title field "${opts.titleField}" is ${typeName(title)}; expected a string` };
      return out;
    }
    if (title) full = `${title}\n\n${text}`;
  }
  const bytes = utf8BytesOver(full, opts.maxTextBytes);
  if (bytes !== undefined) {
    out.error = { code: 'TEXT_TOO_LARGE', message: `text is ${bytes} bytes (UTF-8), over the limit of ${opts.maxTextBytes} (--max-size)` };
    return out;
  }
  out.text = full;
  return out;
}

/** The resume key of an input without analysing it (cheap: parses, no NLP). */
export function inputKey(input: RawInput, opts: LineOptions): string {
  return keyOf(prepare(input, opts).id, input.line);
}

/** Analyses a text; a thrown error or a failed analyzer becomes a BatchError. */
export function analyzeText(pipeline: TextAnalyzer, text: string): { report: Report } | { error: BatchError } {
  let report: Report;
  try {
    report = pipeline.analyze(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { error: { code: 'ANALYZER_FAILED', message: isSlantError(e) ? message : `analysis threw: ${message}` } };
  }
  return checkReport(report);
}

/**
 * Analyses the texts of a group together (`analyzeTexts`: each analyzer over the whole group, faster than one by
 * one): per entry its result as {@link analyzeText} gives it, or undefined where `textOf` gives no text; undefined
 * for the whole group when the group threw (the caller then goes one by one, so that only the culprit fails).
 */
export function analyzeGroup<P>(
  analyzeTexts: (texts: readonly string[]) => Report[],
  entries: readonly P[],
  textOf: (entry: P) => string | undefined,
): Array<{ report: Report } | { error: BatchError } | undefined> | undefined {
  const texts: string[] = [];
  for (const entry of entries) {
    const text = textOf(entry);
    if (text !== undefined) texts.push(text);
  }
  let reports: Report[];
  try {
    reports = texts.length ? analyzeTexts(texts) : [];
  } catch {
    return undefined;
  }
  let next = 0;
  return entries.map((entry) => (textOf(entry) === undefined ? undefined : checkReport(reports[next++])));
}

/** A report with a failed analyzer is an error result (as in {@link analyzeText}). */
export function checkReport(report: Report): { report: Report } | { error: BatchError } {
  const failed = Object.entries(report.analyzers).filter(([, r]) => r.status === 'failed');
  if (failed.length) {
    const message = failed.map(([id, r]) => `analyzer "${id}" failed: ${r.error?.message ?? r.basis}`).join('; ');
    return { error: { code: 'ANALYZER_FAILED', message } };
  }
  return { report };
}

function head(id: Id, group: string | undefined): string {
  return `{"id":${JSON.stringify(id)}${group !== undefined ? `,"group":${JSON.stringify(group)}` : ''}`;
}

/** An error output line. */
export function errorLine(id: Id, line: number, error: BatchError, group?: string): string {
  return `${head(id, group)},"line":${line},"error":${JSON.stringify({ code: error.code, message: error.message })}}`;
}

/** Processes one input: checks it, analyses it, and renders its output line (and digest). Never throws (given a pipeline). */
export function processInput(pipeline: TextAnalyzer | null, input: RawInput, opts: LineOptions): LineResult {
  const p = prepare(input, opts);
  if (p.error) return render(p, input.line, opts, { error: p.error });
  if (!pipeline) throw new Error('processInput: no pipeline to analyse with');
  return render(p, input.line, opts, analyzeText(pipeline, p.text!));
}

/**
 * Processes several inputs: the results processInput gives one by one, with the valid texts analysed together when
 * the pipeline can (`analyzeTexts`: each analyzer over the whole group, faster). Never throws (given a pipeline).
 */
export function processInputs(pipeline: TextAnalyzer | null, inputs: readonly RawInput[], opts: LineOptions): LineResult[] {
  if (!pipeline?.analyzeTexts || inputs.length < 2) return inputs.map((input) => processInput(pipeline, input, opts));
  const prepared = inputs.map((input) => prepare(input, opts));
  const analysed = analyzeGroup(pipeline.analyzeTexts.bind(pipeline), prepared, (p) => (p.error ? undefined : p.text!));
  if (!analysed) return inputs.map((input) => processInput(pipeline, input, opts));
  return prepared.map((p, k) => render(p, inputs[k].line, opts, p.error ? { error: p.error } : analysed[k]!));
}

/** The output line (and digest) of a prepared input, given its analysis or why it has none. */
function render(p: Prepared, line: number, opts: LineOptions, analysed: { report: Report } | { error: BatchError }): LineResult {
  const key = keyOf(p.id, line);
  const error = 'error' in analysed ? analysed.error : undefined;
  const report = 'report' in analysed ? analysed.report : undefined;
  if (error) {
    const result: LineResult = { out: errorLine(p.id, line, error, p.group), key, error: error.code };
    if (opts.digest) result.digest = p.group !== undefined ? { group: p.group, error: error.code } : { error: error.code };
    return result;
  }
  const text = opts.withText ? `,"text":${JSON.stringify(p.text)}` : '';
  const result: LineResult = { out: `${head(p.id, p.group)},"report":${JSON.stringify(project(report!, opts.fields))}${text}}`, key };
  if (opts.digest) result.digest = digestReport(report!, p.group);
  return result;
}

/** Rebuilds the resume key and the summary digest of a line already in the output file. */
export function readOutputLine(record: Record<string, unknown>): { key: string; digest: Digest; error?: string } {
  const id = (record.id ?? null) as Id;
  const line = typeof record.line === 'number' ? record.line : -1;
  const group = typeof record.group === 'string' ? record.group : undefined;
  const err = record.error as BatchError | undefined;
  if (err) {
    const digest: Digest = { error: String(err.code) };
    if (group !== undefined) digest.group = group;
    return { key: keyOf(id, line), digest, error: String(err.code) };
  }
  const report = (record.report ?? {}) as Parameters<typeof digestReport>[0];
  return { key: keyOf(id, line), digest: digestReport(report, group) };
}
