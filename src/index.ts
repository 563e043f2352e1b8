/**
 * slant — shows how a news article frames its subject: loaded language, assertions made in the writer's own
 * voice with no source, and how densely and how well it is sourced, each finding with exact UTF-16 offsets.
 * It surfaces linguistic signals; it does not judge truth or assign a political label.
 *
 * @example
 * import { analyze } from 'slant';
 * const report = analyze(text);
 * for (const f of report.findings) console.log(f.span.text, f.message);
 */
import { builtinAnalyzers, presets } from './analyzers';

export { builtinAnalyzers, presets };
export { analyze, createPipeline, Pipeline, type AnalyzeOptions, type AnalyzerSpec, type PipelineOptions } from './pipeline';
export {
  readInput,
  inputFormatFromPath,
  INPUT_FORMATS,
  HTML_CHROME,
  OffsetMap,
  mapReportToSource,
  type ExtractedInput,
  type HtmlInputOptions,
  type InputFormat,
  type ReadInputOptions,
  type TextRange,
} from './input';
export { OFFSET_UNITS, convertReportOffsets, type OffsetUnit } from './input/map-report';
export {
  formatReport,
  REPORT_FORMATS,
  toSarif,
  toW3c,
  toCsv,
  articleCsvHeader,
  articleCsvRow,
  findingsCsvRows,
  FINDINGS_CSV_HEADER,
  type FormatOptions,
  type ReportFormat,
} from './format';
export type { AnalyzeManyOptions, BatchError, BatchErrorCode, BatchItem, BatchResult } from './batch/types';
export {
  defineAnalyzer,
  use,
  type Analyzer,
  type AnalyzerContext,
  type AnalyzerMeta,
  type AnalyzerOutput,
  type AnalyzerSettings,
  type AnalyzerUse,
  type ReportDescriptor,
} from './analyzer';
export { parseDocument } from './document/build';
export { renderHtml, escapeHtml, type HtmlOptions } from './render/html';
export { highlightPieces, type Piece } from './render/highlight';
export {
  SlantDocument,
  type Paragraph,
  type Quotation,
  type QuotationKind,
  type Sentence,
  type Span,
  type Token,
  type Voice,
} from './document';
export {
  ReportSchema,
  FindingSchema,
  SCHEMA_VERSION,
  reportJsonSchema,
  type Report,
  type Finding,
  type Evidence,
  type AnalyzerResult,
  type ReportAttribution,
  type ReportQuotation,
  type ReportSource,
  type SentenceStatus,
  type Severity,
  type InputInfo,
  type Rule,
} from './report';
export type { Attribution, AttributionKind, AttributionRelation, SourceEntity, SourceType } from './attribution';
export { compileLexicon, extendLexicon, type CompiledLexicon } from './lexicon/load';
export { LexiconSchema, type Lexicon, type LexiconEntry, type LexiconInput } from './lexicon/schema';
export { builtinLexicons } from './lexicon/builtin';
export type { LexiconMatch } from './lexicon/matcher';
export {
  SlantError,
  ConfigError,
  LexiconError,
  InputError,
  isSlantError,
  isConfigError,
  isLexiconError,
  isInputError,
  type SlantErrorCode,
} from './errors';
