/**
 * The service's request and response schemas (zod), used both to validate requests and to generate the OpenAPI
 * document; the report itself is src/report.ts's ReportSchema, the same one the library validates with.
 */
import { z } from 'zod';
import { ReportSchema, SeveritySchema } from '../report';

export const INPUT_FIELDS = ['text', 'html', 'markdown'] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

export const AnalyzerSettingsSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    weight: z.number().nonnegative().optional().describe('Weight in the overall score'),
    severity: SeveritySchema.optional(),
    options: z.record(z.string(), z.unknown()).optional().describe("The analyzer's options (see GET /v1/analyzers for each schema)"),
    ignore: z.array(z.string()).optional().describe('Terms, entry ids, message ids or span texts whose findings are dropped'),
  })
  .describe('Settings of one analyzer');

export const AnalyzeRequestSchema = z
  .strictObject({
    text: z.string().optional().describe('The article as plain text (exactly one of text, html, markdown)'),
    html: z.string().optional().describe('The article as HTML'),
    markdown: z.string().optional().describe('The article as Markdown'),
    analyzers: z.array(z.string()).optional().describe('Built-in analyzer ids to run, in order (default: the recommended preset)'),
    settings: z.record(z.string(), AnalyzerSettingsSchema).optional().describe('Settings by analyzer id'),
    format: z.string().optional().describe('Output format (default json); see the 200 response for the content types'),
  })
  .describe('One article to analyse');
export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>;

export const ProblemSchema = z
  .object({
    type: z.string().describe('URI identifying the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What is wrong, naming the field'),
    field: z.string().optional().describe('The request field (or header, or query parameter) at fault'),
    closest: z.string().optional().describe('The closest valid value, for a misspelt id or field'),
    supported: z.array(z.string()).optional().describe('The valid values'),
  })
  .describe('RFC 9457 problem details');

export const AnalyzerInfoSchema = z.object({
  id: z.string(),
  description: z.string(),
  category: z.string(),
  messages: z.record(z.string(), z.string()).describe('Message id → message template'),
  options: z.record(z.string(), z.unknown()).nullable().describe("JSON Schema of the analyzer's options; null when it takes none"),
  defaults: z.object({ severity: z.string().optional(), weight: z.number().optional() }),
  lexicons: z.array(z.string()),
  docs: z.string().optional(),
  recommended: z.boolean().describe('Runs when a request names no analyzers'),
});

export const AnalyzersResponseSchema = z.object({ analyzers: z.array(AnalyzerInfoSchema) });

export const BatchLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string().optional().describe('The article as plain text (or give html, or markdown)'),
    html: z.string().optional(),
    markdown: z.string().optional(),
  })
  .catchall(z.unknown())
  .describe('One NDJSON input line: an id (default: the line number), the text (or html, or markdown), and any other fields (ignored)');

export const BatchOutputLineSchema = z
  .union([
    z.object({ id: z.union([z.string(), z.number()]).nullable(), report: ReportSchema }),
    z.object({
      id: z.union([z.string(), z.number()]).nullable(),
      line: z.number().int(),
      error: z.object({ code: z.string(), message: z.string() }),
    }),
  ])
  .describe('One NDJSON output line per input line, in input order: the report, or the error record `slant batch` writes');

export const HealthSchema = z.object({ status: z.string() });

export { ReportSchema };
