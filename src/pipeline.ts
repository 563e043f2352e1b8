import { z } from 'zod';
import type { Analyzer, AnalyzerContext, AnalyzerSettings, AnalyzerSpec, AnalyzerUse, ReportDescriptor } from './analyzer';
import { builtinAnalyzers, presets } from './analyzers';
import { findingVoice } from './attribution/reported';
import { analyzeMany } from './batch/analyze-many';
import type { AnalyzeManyOptions, BatchItem, BatchResult } from './batch/types';
import type { SlantDocument } from './document';
import { ConfigError, InputError, LexiconError, didYouMean } from './errors';
import { builtinLexicons } from './lexicon/builtin';
import { compileLexicon, type CompiledLexicon } from './lexicon/load';
import type { LexiconInput } from './lexicon/schema';
import { parseDocument } from './document/build';
import { buildReport } from './report-builder';
import type { AnalyzerResult, Finding, Report, Rule, SentenceStatus, Severity } from './report';
import { readInput, type ExtractedInput, type HtmlInputOptions, type InputFormat } from './input';
import { convertReportOffsets, mapReportToSource, type OffsetUnit } from './input/map-report';
import {
  ANALYZE_KEYS,
  ANALYZE_MESSAGES,
  AnalyzeOptionsSchema,
  AnalyzerSettingsSchema,
  describe,
  parseConfig,
  PIPELINE_KEYS,
  PIPELINE_MESSAGES,
  PipelineOptionsSchema,
  settingsMessages,
} from './config';

export type { AnalyzerSpec } from './analyzer';

export interface PipelineOptions {
  /** Analyzers to run, in order (default: `presets.recommended`). */
  analyzers?: readonly AnalyzerSpec[];
  /** Lexicons that add to or replace (by id) the built-in ones. */
  lexicons?: readonly LexiconInput[];
  /** Settings by analyzer id, applied over those given with `use()`. */
  settings?: Record<string, AnalyzerSettings<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * How `analyze` reads its input and states offsets (see src/input). Distinct keys from PipelineOptions, so that
 * `analyze(text, { analyzers, input: 'html' })` is unambiguous.
 */
export interface AnalyzeOptions {
  /** The input's format: `text` (default), `html` or `markdown`. Spans then also carry `source` offsets into the input. */
  input?: InputFormat;
  /** Unit of every offset in the report: `utf16` (default), `codepoint` or `utf8`. */
  offsets?: OffsetUnit;
  /** HTML input: page chrome to keep (`keep: ['header']`). */
  html?: HtmlInputOptions;
}

interface ResolvedAnalyzer {
  analyzer: Analyzer<string, unknown>;
  options: unknown;
  weight: number;
  severity: Severity;
  ignore: Set<string>;
  lexicons: Map<string, CompiledLexicon>;
}

const ANALYZER_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function isUse(spec: AnalyzerSpec): spec is AnalyzerUse<string, unknown> {
  return typeof spec === 'object' && spec !== null && 'analyzer' in spec && 'settings' in spec;
}

function resolveSpec(spec: AnalyzerSpec, index: number): { analyzer: Analyzer<string, unknown>; settings: AnalyzerSettings<unknown> } {
  if (typeof spec === 'string') {
    const known = builtinAnalyzers;
    const analyzer = known[spec];
    if (!analyzer) {
      throw new ConfigError(
        'ANALYZER_UNKNOWN',
        `Unknown analyzer id "${spec}" (analyzers[${index}]).${didYouMean(spec, Object.keys(known))} Known ids: ${Object.keys(known).join(', ') || '(none)'}.`,
      );
    }
    return { analyzer, settings: {} };
  }
  const { analyzer, settings } = isUse(spec) ? spec : { analyzer: spec as Analyzer<string, unknown>, settings: {} };
  const meta = (analyzer as { meta?: { id?: unknown; messages?: unknown } } | undefined)?.meta;
  if (!analyzer || typeof analyzer.analyze !== 'function' || !meta || typeof meta.id !== 'string' || !meta.messages) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `analyzers[${index}] is not an analyzer: got ${describe(analyzer)}. An analyzer is { meta: { id, description, category, messages }, analyze(context) } — build one with defineAnalyzer(), or pass a built-in id.`,
    );
  }
  if (!ANALYZER_ID.test(meta.id)) {
    throw new ConfigError('CONFIG_INVALID', `Analyzer id "${meta.id}" (analyzers[${index}]) must be kebab-case, e.g. "loaded-language".`);
  }
  return { analyzer: analyzer as Analyzer<string, unknown>, settings: settings ?? {} };
}

function resolveOptions(analyzer: Analyzer<string, unknown>, given: unknown): unknown {
  const schema = analyzer.meta.options;
  if (!schema) {
    if (given !== undefined && (typeof given !== 'object' || given === null || Object.keys(given).length)) {
      throw new ConfigError('OPTIONS_INVALID', `Analyzer "${analyzer.meta.id}" takes no options; got ${describe(given)}.`);
    }
    return {};
  }
  const parsed = schema.safeParse(given ?? {});
  if (!parsed.success) {
    throw new ConfigError('OPTIONS_INVALID', `Invalid options for analyzer "${analyzer.meta.id}":\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * A configured set of analyzers. Creation validates everything (ids, options, lexicons) so that mistakes fail
 * early; `analyze` never throws on text content.
 */
export class Pipeline {
  /** Ids of the enabled analyzers, in run order. */
  readonly analyzerIds: readonly string[];
  private readonly resolved: ResolvedAnalyzer[];
  private readonly options: PipelineOptions;
  private readonly rules: Record<string, Rule>;

  constructor(options: PipelineOptions = {}) {
    parseConfig(PipelineOptionsSchema, options, PIPELINE_MESSAGES);
    this.options = options;
    const specs = options.analyzers ?? presets.recommended;

    const userLexicons = new Map<string, CompiledLexicon>();
    for (const [i, lex] of (options.lexicons ?? []).entries()) {
      const compiled = compileLexicon(lex, `lexicons[${i}]`);
      userLexicons.set(compiled.id, compiled);
    }

    const seen = new Set<string>();
    const resolved: ResolvedAnalyzer[] = [];
    const settingsById = options.settings ?? {};
    const ids: string[] = [];
    specs.forEach((spec, i) => {
      const { analyzer, settings: useSettings } = resolveSpec(spec, i);
      const id = analyzer.meta.id;
      if (seen.has(id))
        throw new ConfigError(
          'ANALYZER_DUPLICATE',
          `Analyzer "${id}" is listed twice in "analyzers"; configure it once with use() or "settings".`,
        );
      seen.add(id);
      ids.push(id);
      const settings: AnalyzerSettings<unknown> = { ...useSettings, ...(settingsById[id] ?? {}) };
      if (useSettings.options || settingsById[id]?.options) {
        settings.options = { ...(useSettings.options ?? {}), ...(settingsById[id]?.options ?? {}) };
      }
      parseConfig(AnalyzerSettingsSchema, settings, settingsMessages(id));
      const lexicons = new Map<string, CompiledLexicon>();
      for (const lexId of analyzer.meta.lexicons ?? []) lexicons.set(lexId, resolveLexicon(lexId, id, userLexicons));
      const opts = resolveOptions(analyzer, settings.options);
      if (settings.enabled === false) return;
      resolved.push({
        analyzer,
        options: opts,
        weight: settings.weight ?? analyzer.meta.defaults?.weight ?? 1,
        severity: settings.severity ?? analyzer.meta.defaults?.severity ?? 'warning',
        ignore: new Set((settings.ignore ?? []).map((s) => s.toLowerCase())),
        lexicons,
      });
    });
    for (const id of Object.keys(settingsById)) {
      if (!seen.has(id)) {
        throw new ConfigError(
          'ANALYZER_UNKNOWN',
          `"settings" names analyzer "${id}", which is not in this pipeline.${didYouMean(id, seen)} Analyzers: ${[...seen].join(', ') || '(none)'}.`,
        );
      }
    }
    this.resolved = resolved;
    this.analyzerIds = resolved.map((r) => r.analyzer.meta.id);
    this.rules = {};
    for (const { analyzer } of resolved) {
      const { description, category, messages, docs } = analyzer.meta;
      this.rules[analyzer.meta.id] = { description, category, messages: { ...messages }, ...(docs ? { docs } : {}) };
    }
  }

  /**
   * Analyses one text, or an HTML or Markdown document with `{ input: 'html' | 'markdown' }` (every span then also
   * carries `source` offsets into it). Synchronous; never throws on content.
   */
  analyze(input: string, options: AnalyzeOptions = {}): Report {
    if (typeof input !== 'string') throw new InputError(`analyze() takes a string; got ${describe(input)}.`);
    parseConfig(AnalyzeOptionsSchema, options, ANALYZE_MESSAGES);
    if ((options.input ?? 'text') === 'text' && (options.offsets ?? 'utf16') === 'utf16') return this.analyzeDocument(parseDocument(input));
    return this.analyzeExtracted(readInput(input, options.input ?? 'text', { html: options.html }), input, options.offsets);
  }

  /** Analyses text already extracted by `readInput` from `source`; maps spans to the source and converts offsets. */
  analyzeExtracted(extracted: ExtractedInput, source: string, offsets: OffsetUnit = 'utf16'): Report {
    const report = this.analyzeDocument(parseDocument(extracted.text, { quotations: extracted.quotations }));
    report.input = { format: extracted.format, characters: source.length, offsets: 'utf16' };
    if (extracted.map) mapReportToSource(report, extracted.map);
    if (offsets !== 'utf16') convertReportOffsets(report, offsets, extracted.text, source);
    return report;
  }

  /** Analyses an already parsed document (parse once, analyse many times). */
  analyzeDocument(doc: SlantDocument): Report {
    return this.analyzeDocuments([doc])[0];
  }

  /**
   * Analyses several parsed documents: the reports analyzeDocument gives one by one. Each analyzer runs over all of
   * them before the next one starts, so its lexicons and models stay in the processor's caches (measured: 0.75-0.8x
   * the CPU time of one by one for groups of 16-32 articles).
   */
  analyzeDocuments(docs: readonly SlantDocument[]): Report[] {
    const states = docs.map(() => ({
      findings: [] as Finding[],
      results: {} as Record<string, AnalyzerResult>,
      statuses: new Map<number, SentenceStatus>(),
    }));
    for (const r of this.resolved) {
      for (let i = 0; i < docs.length; i++) {
        const s = states[i];
        s.results[r.analyzer.meta.id] = this.run(r, docs[i], s.findings, s.statuses);
      }
    }
    return docs.map((doc, i) => buildReport(doc, states[i].findings, states[i].results, [...states[i].statuses.values()], this.rules));
  }

  /** Analyses several texts (plain text, UTF-16 offsets): the reports `analyze(text)` gives, computed as analyzeDocuments does. */
  analyzeTexts(texts: readonly string[]): Report[] {
    for (const t of texts) if (typeof t !== 'string') throw new InputError(`analyzeTexts() takes strings; got ${describe(t)}.`);
    return this.analyzeDocuments(texts.map((t) => parseDocument(t)));
  }

  /**
   * Analyses many articles in this thread: yields `{ id, report }` or `{ id, error: { code, message } }` per item,
   * in input order, with at most `maxInFlight` items read ahead (backpressure). Works in any JavaScript
   * environment. Never throws for one bad item; throws ConfigError for bad options. Worker threads are Node-only:
   * `analyzeMany(pipeline, items, { workers })` from `slant/node` (here, `workers` other than 1 is a ConfigError).
   *
   * @example
   * for await (const r of pipeline.analyzeMany(articles)) if (r.report) save(r.id, r.report);
   */
  analyzeMany(
    source: Iterable<BatchItem> | AsyncIterable<BatchItem>,
    options: AnalyzeManyOptions = {},
  ): AsyncGenerator<BatchResult, void, undefined> {
    return analyzeMany(this, source, options);
  }

  /** A new pipeline with more analyzers, lexicons or settings; this one is unchanged. */
  extend(more: PipelineOptions): Pipeline {
    const base = this.options.analyzers ?? presets.recommended;
    const baseIds = new Set(base.map((s, i) => resolveSpec(s, i).analyzer.meta.id));
    const added = (more.analyzers ?? []).filter((s, i) => !baseIds.has(resolveSpec(s, i).analyzer.meta.id));
    const replaced = new Map((more.analyzers ?? []).map((s, i) => [resolveSpec(s, i).analyzer.meta.id, s]));
    return new Pipeline({
      analyzers: [...base.map((s, i) => replaced.get(resolveSpec(s, i).analyzer.meta.id) ?? s), ...added],
      lexicons: [...(this.options.lexicons ?? []), ...(more.lexicons ?? [])],
      settings: { ...(this.options.settings ?? {}), ...(more.settings ?? {}) },
    });
  }

  private run(r: ResolvedAnalyzer, doc: SlantDocument, findings: Finding[], statuses: Map<number, SentenceStatus>): AnalyzerResult {
    const { analyzer } = r;
    const meta = analyzer.meta;
    const own: Finding[] = [];
    const ownStatuses: Array<[number, SentenceStatus]> = [];
    const context: AnalyzerContext<string, unknown> = {
      doc,
      options: r.options,
      lexicon: (id) => {
        const lex = r.lexicons.get(id);
        if (!lex)
          throw new LexiconError(
            'LEXICON_MISSING',
            `Analyzer "${meta.id}" asked for lexicon "${id}" without declaring it in meta.lexicons.`,
          );
        return lex;
      },
      report: (d: ReportDescriptor<string>) => {
        const template = meta.messages[d.messageId];
        if (template === undefined) throw new Error(`unknown messageId "${d.messageId}"`);
        const span = doc.spanOf(d.span.start, d.span.end);
        const finding: Finding = {
          analyzer: meta.id,
          messageId: d.messageId,
          message: d.data || template.includes('{{') ? fillTemplate(template, d.data) : template,
          category: d.category ?? meta.category,
          severity: d.severity ?? r.severity,
          voice: d.voice ?? findingVoice(doc, span.start, span.end),
          span,
          evidence: d.evidence ?? {},
          suggestions: d.suggestions ?? [],
        };
        if (d.explanation) finding.explanation = d.explanation;
        if (!isIgnored(finding, r.ignore)) own.push(finding);
      },
      setSentenceStatus: (sentence, status, reasons = [], extra = {}) => {
        const s = doc.sentences[sentence];
        if (!s) return;
        const voice = s.writerWordCount === s.wordCount ? 'writer' : s.writerWordCount === 0 ? 'quoted' : 'mixed';
        const st: SentenceStatus = { index: sentence, span: doc.spanOf(s.start, s.end), voice, status, reasons };
        if (extra.subjectivity !== undefined) st.subjectivity = extra.subjectivity;
        ownStatuses.push([sentence, st]);
      },
    };
    try {
      const out = analyzer.analyze(context);
      const score = out.score === null || out.score === undefined ? null : clamp01(out.score);
      for (const f of own) findings.push(f); // no push(...own): over ~120k findings it overflows the stack
      for (const [i, st] of ownStatuses) statuses.set(i, st);
      return { status: 'ok', score, weight: r.weight, basis: out.basis, metrics: sanitizeMetrics(out.metrics), findings: own.length };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return {
        status: 'failed',
        score: null,
        weight: r.weight,
        basis: `analyzer failed: ${message}`,
        metrics: {},
        findings: 0,
        error: { code: 'ANALYZER_FAILED', message },
      };
    }
  }
}

function isIgnored(f: Finding, ignore: Set<string>): boolean {
  if (!ignore.size) return false;
  return [f.evidence.term, f.evidence.entry, f.messageId, f.span.text].some((v) => v !== undefined && ignore.has(v.toLowerCase()));
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function sanitizeMetrics(m: Record<string, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!m) return out;
  for (const k of Object.keys(m)) {
    const v = m[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}

/** A message template split once at its `{{ name }}` placeholders: even indexes literal text, odd ones names. */
const templateParts = new Map<string, string[]>();
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/;

function fillTemplate(template: string, data: Record<string, unknown> | undefined): string {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    if (templateParts.size < 10_000) templateParts.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += String(data?.[parts[i]] ?? '') + parts[i + 1];
  return out;
}

function resolveLexicon(id: string, analyzerId: string, user: Map<string, CompiledLexicon>): CompiledLexicon {
  const given = user.get(id);
  if (given) return given;
  const builtin = builtinLexicons[id];
  if (!builtin) {
    throw new LexiconError(
      'LEXICON_MISSING',
      `Analyzer "${analyzerId}" needs lexicon "${id}", which is neither built in nor given in "lexicons".${didYouMean(id, [...Object.keys(builtinLexicons), ...user.keys()])}`,
    );
  }
  return compileLexicon(builtin, `built-in ${id}`);
}

/** Creates a pipeline; throws ConfigError / LexiconError on bad configuration. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  return new Pipeline(options);
}

let defaultPipeline: Pipeline | undefined;
const pipelinesByOptions = new WeakMap<PipelineOptions, Pipeline>();

/**
 * One-liner: analyses `input` with the recommended analyzers, or with the given options: pipeline options
 * (`analyzers`, `lexicons`, `settings`) and analyze options (`input`, `offsets`, `html`) in one object, e.g.
 * `analyze(html, { input: 'html' })`. The pipeline built for an options object is reused when the same object is
 * passed again.
 */
export function analyze(input: string, options?: PipelineOptions & AnalyzeOptions): Report {
  if (!options) {
    if (!defaultPipeline) defaultPipeline = createPipeline();
    return defaultPipeline.analyze(input);
  }
  if (options === null || typeof options !== 'object') throw new ConfigError('CONFIG_INVALID', ANALYZE_MESSAGES.notObject(options));
  const pipelineOptions: Record<string, unknown> = {};
  const analyzeOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if ((ANALYZE_KEYS as readonly string[]).includes(key)) analyzeOptions[key] = value;
    else if ((PIPELINE_KEYS as readonly string[]).includes(key)) pipelineOptions[key] = value;
    else {
      const known = [...PIPELINE_KEYS, ...ANALYZE_KEYS];
      throw new ConfigError('CONFIG_INVALID', `Unknown option "${key}".${didYouMean(key, known)} Options are: ${known.join(', ')}.`);
    }
  }
  let pipeline: Pipeline;
  if (!Object.keys(pipelineOptions).length) {
    if (!defaultPipeline) defaultPipeline = createPipeline();
    pipeline = defaultPipeline;
  } else {
    let cached = pipelinesByOptions.get(options);
    if (!cached) {
      cached = createPipeline(pipelineOptions as PipelineOptions);
      pipelinesByOptions.set(options, cached);
    }
    pipeline = cached;
  }
  return pipeline.analyze(input, analyzeOptions as AnalyzeOptions);
}
