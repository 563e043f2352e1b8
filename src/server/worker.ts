/**
 * Entry point of the HTTP service's worker threads (Node only; built as dist/server-worker.js). Every analysis a
 * request asks for runs here, never on the event loop of the server. Pipelines are built per configuration and
 * kept (a few), so that requests naming the same analyzers and settings share one.
 */
import { z } from 'zod';
import { builtinAnalyzers, presets } from '../analyzers';
import { errorLine, prepare, processInput, type Id, type LineOptions } from '../batch/record';
import { formatReport } from '../format';
import { readInput, type InputFormat } from '../input';
import { heapPacer } from '../batch/heap';
import { pipelineFromPortable } from '../batch/config';
import { isSlantError } from '../errors';
import type { Pipeline } from '../pipeline';
import type { Report } from '../report';
import type { AnalyzeResult, AnalyzerInfo, LineResult, ReadyResult, RequestConfig, ServerTask, TaskConfigError } from './protocol';

const MAX_PIPELINES = 16;
const pipelines = new Map<string, Pipeline>();
const pace = heapPacer();

/** The pipeline for a configuration (built once, then reused; the least recently used is dropped past 16). */
function pipelineFor(config: RequestConfig): Pipeline {
  const key = JSON.stringify([config.analyzers ?? null, config.settings ?? null]);
  let p = pipelines.get(key);
  if (p) {
    pipelines.delete(key);
    pipelines.set(key, p);
    return p;
  }
  p = pipelineFromPortable({
    ...(config.analyzers ? { analyzers: config.analyzers } : {}),
    ...(config.settings ? { settings: config.settings } : {}),
  });
  pipelines.set(key, p);
  if (pipelines.size > MAX_PIPELINES) pipelines.delete(pipelines.keys().next().value!);
  return p;
}

function configError(e: unknown): TaskConfigError {
  if (!isSlantError(e)) throw e;
  return { configError: { name: e.name, code: e.code, message: e.message } };
}

function catalogue(): AnalyzerInfo[] {
  const recommended = new Set(
    presets.recommended.map((s) => (typeof s === 'string' ? s : 'analyzer' in s ? s.analyzer.meta.id : s.meta.id)),
  );
  return Object.values(builtinAnalyzers).map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    category: meta.category,
    messages: { ...meta.messages },
    options: meta.options
      ? (z.toJSONSchema(meta.options, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>)
      : null,
    defaults: { ...(meta.defaults ?? {}) },
    lexicons: [...(meta.lexicons ?? [])],
    ...(meta.docs ? { docs: meta.docs } : {}),
    recommended: recommended.has(meta.id),
  }));
}

// Build the default pipeline and run it once when the thread starts: piscina hands a thread no task before its
// module has loaded, so a request never waits for the model on a thread that is already counting its deadline
// (and a thread started to replace one that timed out is warm before it takes work).
pipelineFor({}).analyze('The council approved the plan on Monday, officials said.');

/** The line's record and its markup field, when it is an object with "html" or "markdown" and no "text". */
function markupField(line: string): { record: Record<string, unknown>; field: Exclude<InputFormat, 'text'> } | undefined {
  if (!line.includes('"html"') && !line.includes('"markdown"')) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined; // processInput gives the INVALID_JSON record
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  if (r.text !== undefined) return undefined;
  if (r.html !== undefined) return { record: r, field: 'html' };
  if (r.markdown !== undefined) return { record: r, field: 'markdown' };
  return undefined;
}

/** An HTML or Markdown line: checked like a text line (same error records), read through its input adapter. */
function markupLine(pipeline: Pipeline, line: number, m: NonNullable<ReturnType<typeof markupField>>, opts: LineOptions): string {
  const p = prepare({ kind: 'record', line, record: m.record }, { ...opts, textField: m.field });
  const id: Id = p.id;
  if (p.error) return errorLine(id, line, p.error);
  const source = p.text!;
  const extracted = readInput(source, m.field);
  let report: Report;
  try {
    report = pipeline.analyzeExtracted(extracted, source);
  } catch (e) {
    return errorLine(id, line, { code: 'ANALYZER_FAILED', message: `analysis threw: ${e instanceof Error ? e.message : String(e)}` });
  }
  // A failed analyzer makes the line an error record, as in `slant batch` (analyzeText in src/batch/record.ts).
  const failed = Object.entries(report.analyzers).filter(([, r]) => r.status === 'failed');
  if (failed.length) {
    return errorLine(id, line, {
      code: 'ANALYZER_FAILED',
      message: failed.map(([a, r]) => `analyzer "${a}" failed: ${r.error?.message ?? r.basis}`).join('; '),
    });
  }
  return `{"id":${JSON.stringify(id)},"report":${JSON.stringify(report)}}`;
}

export default function handle(task: ServerTask): ReadyResult | AnalyzeResult | LineResult {
  if (task.kind === 'ready') return { analyzers: catalogue() };
  let pipeline: Pipeline;
  try {
    pipeline = pipelineFor(task.config);
  } catch (e) {
    return configError(e);
  }
  try {
    if (task.kind === 'analyze') {
      const { source, input, format } = task;
      const extracted = input === 'text' ? undefined : readInput(source, input);
      const report = extracted ? pipeline.analyzeExtracted(extracted, source) : pipeline.analyze(source);
      if (format === 'json') return { body: JSON.stringify(report) };
      return { body: formatReport(report, format, { source, text: extracted?.text ?? source, compact: true }) };
    }
    const opts: LineOptions = { idField: 'id', textField: 'text', fields: 'full', maxTextBytes: task.maxTextBytes, digest: false };
    const markup = markupField(task.text);
    if (markup) return { out: markupLine(pipeline, task.line, markup, opts) };
    return { out: processInput(pipeline, { kind: 'json', line: task.line, text: task.text }, opts).out };
  } finally {
    pace();
  }
}
