/**
 * Entry point of the HTTP service's worker threads (Node only; built as dist/server-worker.js). Every analysis a
 * request asks for runs here, never on the event loop of the server. Pipelines are built per configuration and
 * kept (a few), so that requests naming the same analyzers and settings share one.
 */
import { z } from 'zod';
import { builtinAnalyzers, presets } from '../analyzers';
import { processInput, type LineOptions } from '../batch/record';
import { heapPacer } from '../batch/heap';
import { pipelineFromPortable } from '../batch/config';
import { isSlantError } from '../errors';
import type { Pipeline } from '../pipeline';
import { renderHtml } from '../render/html';
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
  p = pipelineFromPortable({ ...(config.analyzers ? { analyzers: config.analyzers } : {}), ...(config.settings ? { settings: config.settings } : {}) });
  pipelines.set(key, p);
  if (pipelines.size > MAX_PIPELINES) pipelines.delete(pipelines.keys().next().value!);
  return p;
}

function configError(e: unknown): TaskConfigError {
  if (!isSlantError(e)) throw e;
  return { configError: { name: e.name, code: e.code, message: e.message } };
}

function catalogue(): AnalyzerInfo[] {
  const recommended = new Set(presets.recommended.map((s) => (typeof s === 'string' ? s : 'analyzer' in s ? s.analyzer.meta.id : s.meta.id)));
  return Object.values(builtinAnalyzers).map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    category: meta.category,
    messages: { ...meta.messages },
    options: meta.options ? (z.toJSONSchema(meta.options, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>) : null,
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
      const report = pipeline.analyze(task.text);
      return { body: task.format === 'html' ? renderHtml(report, task.text) : JSON.stringify(report) };
    }
    const opts: LineOptions = { idField: 'id', textField: 'text', fields: 'full', maxTextLength: task.maxTextLength, digest: false };
    return { out: processInput(pipeline, { kind: 'json', line: task.line, text: task.text }, opts).out };
  } finally {
    pace();
  }
}
