import type { z } from 'zod';
import type { SlantDocument, Voice } from './document';
import type { CompiledLexicon } from './lexicon/load';
import type { AnalyzerSettingsSchema } from './config';
import type { Evidence, Severity } from './report';

/** What an analyzer passes to `context.report()`. The span's text and voice are filled in by the pipeline. */
export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  span: { start: number; end: number };
  /** Values for `{{placeholders}}` in the message template. */
  data?: Record<string, string | number>;
  /** Defaults to the analyzer's `meta.category`. */
  category?: string;
  /** Defaults to the configured severity. */
  severity?: Severity;
  explanation?: string;
  evidence?: Evidence;
  suggestions?: string[];
  /** Defaults to the voice of the span's first word: quoted, reported (the content of an indirect attribution to an identified source) or the writer's. */
  voice?: Voice;
}

/** What an analyzer reads and writes while it runs over one document. */
export interface AnalyzerContext<MessageId extends string, Options> {
  readonly doc: SlantDocument;
  readonly options: Options;
  /** A lexicon the analyzer declared in `meta.lexicons` (the user's replacement if one was given). */
  lexicon(id: string): CompiledLexicon;
  report(finding: ReportDescriptor<MessageId>): void;
  /** Records the status of a sentence ("attributed", "unattributed-assertion", ...) for the report. */
  setSentenceStatus(sentence: number, status: string, reasons?: string[], extra?: SentenceExtra): void;
}

/** More about a sentence, recorded with its status. */
export interface SentenceExtra {
  /** Probability (0–1) that the sentence is opinionated, from the subjectivity classifier. */
  subjectivity?: number;
}

/** An analyzer's verdict on the whole document: a 0–1 score, how it was reached, and the raw numbers. */
export interface AnalyzerOutput {
  /** 0 = no signal, 1 = strongest; null when the text gives nothing to score (e.g. no sentences). */
  score: number | null;
  basis: string;
  metrics?: Record<string, number>;
}

export interface AnalyzerMeta<MessageId extends string, Options> {
  /** kebab-case, equal to the file name under src/analyzers/. */
  id: string;
  description: string;
  /** Default category of findings. */
  category: string;
  /** Message templates by id; `{{name}}` is replaced from the finding's `data`. */
  messages: Record<MessageId, string>;
  /** Validates and fills defaults for options at pipeline creation. */
  options?: z.ZodType<Options>;
  /** Lexicon ids the analyzer reads; they are loaded and validated when the pipeline is created. */
  lexicons?: readonly string[];
  defaults?: { severity?: Severity; weight?: number };
  /** Where the analyzer is documented. */
  docs?: string;
}

export interface Analyzer<MessageId extends string = string, Options = Record<string, never>> {
  meta: AnalyzerMeta<MessageId, Options>;
  analyze(context: AnalyzerContext<MessageId, Options>): AnalyzerOutput;
}

/**
 * Identity helper that gives an analyzer full type inference: reporting an undeclared message id, or reading an
 * option the schema does not declare, is a compile error.
 */
export function defineAnalyzer<MessageId extends string, Options = Record<string, never>>(
  analyzer: Analyzer<MessageId, Options>,
): Analyzer<MessageId, Options> {
  return analyzer;
}

/** Per-analyzer settings: the pipeline decides enablement, weight, severity and ignore lists; the analyzer only finds. */
export type AnalyzerSettings<Options = unknown> = Omit<z.input<typeof AnalyzerSettingsSchema>, 'options'> & {
  /** Checked against the analyzer's `meta.options` schema. */
  options?: Partial<Options>;
};

/** An analyzer with its settings, as returned by {@link use}. */
export interface AnalyzerUse<MessageId extends string = string, Options = unknown> {
  readonly analyzer: Analyzer<MessageId, Options>;
  readonly settings: AnalyzerSettings<Options>;
}

/** Pairs an analyzer with settings, keeping the options typed for that analyzer. */
export function use<MessageId extends string, Options>(
  analyzer: Analyzer<MessageId, Options>,
  settings: AnalyzerSettings<Options> = {},
): AnalyzerUse<MessageId, Options> {
  return { analyzer, settings };
}

/** An analyzer given to a pipeline: the analyzer itself, `use(analyzer, settings)`, or a built-in id. */
export type AnalyzerSpec = Analyzer<string, any> | AnalyzerUse<string, any> | string; // eslint-disable-line @typescript-eslint/no-explicit-any
