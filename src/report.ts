import { z } from 'zod';
import { AttributionKindSchema, QuotationKindSchema, SourceTypeSchema, VoiceSchema } from './enums';

/** Bumped on any change to the report's shape; consumers should check it. */
export const SCHEMA_VERSION = '1.3.0';

export const SpanSchema = z
  .strictObject({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    text: z.string(),
    source: z
      .strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
      .optional()
      .describe(
        'The range of the original input (HTML, Markdown) the span was read from, end exclusive; absent for plain text, where it equals start/end',
      ),
  })
  .describe(
    '0-based offsets into the analysed text (UTF-16 code units unless input.offsets says otherwise), end exclusive; text === text.slice(start, end)',
  );

export { SourceTypeSchema, VoiceSchema };
export const SeveritySchema = z.enum(['info', 'warning']);

export const EvidenceSchema = z
  .strictObject({
    lexicon: z.string().optional().describe('Lexicon id, e.g. "en/loaded-language"'),
    entry: z.string().optional().describe('Entry id within the lexicon'),
    term: z.string().optional().describe('The lexicon term that matched'),
    weight: z.number().optional(),
    source: z.string().optional().describe('Provenance of the entry'),
    rule: z.string().optional().describe('Name of the rule or pattern that fired, for findings not from a lexicon'),
    quotation: z.number().int().optional().describe('Index into quotations[] when the finding is inside a quotation'),
    attribution: z.number().int().optional().describe('Index into attributions[] the finding refers to'),
    headline: z.boolean().optional().describe('True when the finding is in the headline'),
    negated: z.boolean().optional(),
    model: z.string().optional().describe('Id of the learned model that made (or confirmed) the finding, e.g. "en/loaded-words"'),
    probability: z.number().min(0).max(1).optional().describe("The model's probability that annotators would mark the words"),
    closeTo: z
      .array(z.string())
      .optional()
      .describe('Nearest lexicon terms by word vector: why the model rated a word the lexicon does not list'),
  })
  .describe('Why the finding was reported');

export const FindingSchema = z.strictObject({
  analyzer: z.string(),
  messageId: z.string(),
  message: z.string(),
  category: z.string(),
  severity: SeveritySchema,
  voice: VoiceSchema,
  span: SpanSchema,
  explanation: z.string().optional(),
  evidence: EvidenceSchema,
  suggestions: z.array(z.string()),
});

export const QuotationSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  kind: QuotationKindSchema,
  span: SpanSchema.describe('From the opening to the closing mark'),
  content: SpanSchema.describe('The quoted words without the marks (first to last quoted character)'),
  segments: z.array(SpanSchema).describe('One content range per paragraph'),
  parent: z.number().int().optional().describe('Enclosing quotation, for nested quotes'),
  closed: z.boolean(),
  words: z.number().int().nonnegative(),
  speaker: z.string().optional().describe('Id in sources[] of who is quoted, when known'),
  speakerName: z.string().optional(),
});

export const SourceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: SourceTypeSchema,
  role: z.string().optional(),
  mentions: z.array(SpanSchema),
  attributions: z.number().int().nonnegative(),
});

export const AttributionSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  kind: AttributionKindSchema,
  cue: SpanSchema,
  cueLemma: z.string(),
  cueClass: z
    .enum(['speech', 'credibility', 'belief', 'stance', 'evidence', 'appearance', 'adverb', 'noun', 'other'])
    .describe(
      'What the cue word does: saying, framing credibility (claimed, admitted), believing, taking a stand, showing (a report shows), seeming, an adverb (reportedly), a noun (his claim)',
    ),
  source: SpanSchema.optional().describe('The source phrase as written ("he", "Dmitry Peskov, the press secretary,")'),
  sourceId: z.string().optional().describe('Id in sources[] of the resolved source (a pronoun resolves to the person it refers to)'),
  content: SpanSchema.optional().describe('The first part of the content'),
  contentParts: z
    .array(SpanSchema)
    .optional()
    .describe(
      'Every part of the content in text order, when it has more than one (a quotation interrupted by "she said", or continued after it)',
    ),
  quotation: z.number().int().optional(),
  sentence: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1).describe('Model confidence that this is an attribution'),
});

export const AnalyzerResultSchema = z.strictObject({
  status: z.enum(['ok', 'failed']),
  score: z.number().min(0).max(1).nullable().describe('0 = no signal, 1 = strongest; null when not applicable or failed'),
  weight: z.number().nonnegative(),
  basis: z.string().describe('How the score was reached, in words'),
  metrics: z.record(z.string(), z.number()),
  findings: z.number().int().nonnegative(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
});

export const SentenceStatusSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  span: SpanSchema,
  voice: z.enum(['writer', 'quoted', 'mixed']),
  status: z.string().describe('Set by analyzers, e.g. "attributed", "factual-report", "unattributed-assertion"'),
  reasons: z.array(z.string()),
  subjectivity: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'Probability that the sentence is opinionated (the subjectivity classifier of unattributed-assertions; models/subjectivity-en.json)',
    ),
});

export const StatsSchema = z.strictObject({
  characters: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  paragraphs: z.number().int().nonnegative(),
  quotations: z.number().int().nonnegative(),
  quotedWords: z.number().int().nonnegative().describe('Words inside direct or block quotations'),
});

export const ReportWarningSchema = z
  .strictObject({
    code: z.enum(['SHORT_TEXT', 'NOT_ENGLISH']),
    message: z.string(),
  })
  .describe(
    'Why the scores deserve less trust: SHORT_TEXT (thin evidence; the overall score is shrunk toward the typical value), NOT_ENGLISH (not scored)',
  );

export const InputInfoSchema = z
  .strictObject({
    format: z.enum(['text', 'html', 'markdown']).describe('How the input was read'),
    characters: z.number().int().nonnegative().describe('Length of the original input in UTF-16 code units'),
    offsets: z
      .enum(['utf16', 'codepoint', 'utf8'])
      .describe('Unit of every offset in the report: UTF-16 code units (default), code points or UTF-8 bytes'),
  })
  .describe('What was analysed');

export const RuleSchema = z
  .strictObject({
    description: z.string(),
    category: z.string(),
    messages: z.record(z.string(), z.string()).describe('Message templates by message id ({{name}} is filled from the finding)'),
    docs: z.string().optional(),
  })
  .describe("An analyzer as the report's formatters need it (SARIF rules, annotation bodies)");

export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  input: InputInfoSchema,
  stats: StatsSchema,
  score: z.strictObject({
    overall: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('raw, shrunk toward the typical overall score of news articles by the missing confidence'),
    raw: z.number().min(0).max(1).nullable().describe('Weighted mean of the analyzer scores with a weight above 0, before shrinkage'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .describe('How much evidence every score of this report rests on: min(1, words / 150, sentences / 6)'),
    weights: z.record(z.string(), z.number()),
    basis: z.string(),
  }),
  warnings: z.array(ReportWarningSchema).describe('Empty when the text is long enough and English'),
  analyzers: z.record(z.string(), AnalyzerResultSchema),
  rules: z.record(z.string(), RuleSchema).describe('Meta of each analyzer that ran, by id'),
  findings: z.array(FindingSchema),
  quotations: z.array(QuotationSchema),
  attributions: z.array(AttributionSchema),
  sources: z.array(SourceSchema),
  sentences: z.array(SentenceStatusSchema).describe('Per-sentence status, filled by analyzers that classify sentences'),
});

export type Report = z.infer<typeof ReportSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type ReportSpan = z.infer<typeof SpanSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type ReportQuotation = z.infer<typeof QuotationSchema>;
export type ReportSource = z.infer<typeof SourceSchema>;
export type ReportAttribution = z.infer<typeof AttributionSchema>;
export type AnalyzerResult = z.infer<typeof AnalyzerResultSchema>;
export type SentenceStatus = z.infer<typeof SentenceStatusSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type ReportWarning = z.infer<typeof ReportWarningSchema>;
export type InputInfo = z.infer<typeof InputInfoSchema>;
export type Rule = z.infer<typeof RuleSchema>;

/** JSON Schema of the report, for consumers outside TypeScript (also committed as schema/report.schema.json). */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The report's JSON Schema as published (schema/report.schema.json, and what `slant schema` prints): with `$id` and `title`. */
export function reportJsonSchemaDocument(): Record<string, unknown> {
  return { $id: 'https://slant.dev/schema/report.schema.json', title: 'slant report', ...reportJsonSchema() };
}
