import { z } from 'zod';
import { ConfigError, didYouMean, type SlantErrorCode } from './errors';
import { INPUT_FORMATS } from './input/types';
import { OFFSET_UNITS } from './input/map-report';
import { SeveritySchema } from './report';

/**
 * The schemas of everything a caller configures: pipeline options, per-analyzer settings, `analyze()` options and
 * `analyzeMany()` options. They are the single source of truth for the known keys and the valid values; the
 * messages below turn a zod issue into the one-line, friendly ConfigError the API has always given ("Unknown
 * setting "wieght" for analyzer "tone". Did you mean "weight"? Settings are: ...").
 */

const finiteNumber = z.number().refine(Number.isFinite);

/** Settings of one analyzer in a pipeline (`use(analyzer, settings)` or `settings: { [id]: settings }`). */
export const AnalyzerSettingsSchema = z.strictObject({
  enabled: z.boolean().optional(),
  /** Weight in the overall score (default: meta.defaults.weight, else 1). */
  weight: finiteNumber.refine((w) => w >= 0).optional(),
  severity: SeveritySchema.optional(),
  /** Checked against the analyzer's own `meta.options` schema. */
  options: z.unknown().optional(),
  /** Findings to drop: matched against the lexicon term, the entry id, the message id and the span text. */
  ignore: z.array(z.string()).optional(),
});

/** `createPipeline(options)`. The analyzers and lexicons are checked one by one afterwards (their messages name the index). */
export const PipelineOptionsSchema = z.strictObject({
  analyzers: z.array(z.unknown()).optional(),
  lexicons: z.array(z.unknown()).optional(),
  settings: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

/** `pipeline.analyze(text, options)`. */
export const AnalyzeOptionsSchema = z.strictObject({
  input: z.enum(INPUT_FORMATS).optional(),
  offsets: z.enum(OFFSET_UNITS).optional(),
  /** Checked by the HTML adapter. */
  html: z.unknown().optional(),
});

/** `pipeline.analyzeMany(items, options)` and `analyzeMany(pipeline, items, options)` from slant/node. */
export const AnalyzeManyOptionsSchema = z.strictObject({
  workers: z.number().int().min(1).optional(),
  maxInFlight: z.number().int().min(1).optional(),
});

export const PIPELINE_KEYS = PipelineOptionsSchema.keyof().options;
export const ANALYZE_KEYS = AnalyzeOptionsSchema.keyof().options;

/** How a value is named in a message: `"text"`, `an object with keys a, b`, `number 3`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  return `${typeof value} ${String(value)}`;
}

/** The messages of one schema: for a value that is not an object, an unknown key, and a bad value by key. */
export interface ConfigMessages {
  notObject(value: unknown): string;
  unknownKey(key: string, known: readonly string[]): string;
  field: Record<string, (value: unknown) => string>;
}

/**
 * Parses `value` with `schema`; on failure throws one ConfigError with the friendly message of the first problem:
 * not an object, then an unknown key (with "did you mean"), then the first bad value in the schema's key order.
 */
export function parseConfig<S extends z.ZodObject>(
  schema: S,
  value: unknown,
  messages: ConfigMessages,
  code: SlantErrorCode = 'CONFIG_INVALID',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(code, messages.notObject(value));
  const issues = parsed.error.issues;
  const unknown = issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys')
    throw new ConfigError(code, messages.unknownKey(unknown.keys[0], Object.keys(schema.shape)));
  const key = String(issues[0].path[0]);
  const say = messages.field[key];
  const given = (value as Record<string, unknown>)[key];
  throw new ConfigError(code, say ? say(given) : `Invalid "${key}": ${issues[0].message}; got ${describe(given)}.`);
}

/** The messages for an analyzer's settings. */
export function settingsMessages(id: string): ConfigMessages {
  return {
    notObject: (v) => `Settings for analyzer "${id}" must be an object; got ${describe(v)}.`,
    unknownKey: (key, known) =>
      `Unknown setting "${key}" for analyzer "${id}".${didYouMean(key, known)} Settings are: ${known.join(', ')}.`,
    field: {
      enabled: (v) => `"enabled" for analyzer "${id}" must be true or false; got ${describe(v)}.`,
      weight: (v) => `Weight for analyzer "${id}" must be a finite number >= 0; got ${describe(v)}.`,
      severity: (v) => `Severity for analyzer "${id}" must be "info" or "warning"; got ${describe(v)}.`,
      ignore: (v) => `"ignore" for analyzer "${id}" must be an array of strings; got ${describe(v)}.`,
    },
  };
}

export const PIPELINE_MESSAGES: ConfigMessages = {
  notObject: (v) => `createPipeline() takes an options object; got ${describe(v)}.`,
  unknownKey: (key, known) => `Unknown pipeline option "${key}".${didYouMean(key, known)}`,
  field: {
    analyzers: (v) => `"analyzers" must be an array; got ${describe(v)}.`,
    lexicons: (v) => `"lexicons" must be an array of lexicons; got ${describe(v)}.`,
    settings: (v) => `"settings" must be an object of settings objects by analyzer id; got ${describe(v)}.`,
  },
};

export const ANALYZE_MESSAGES: ConfigMessages = {
  notObject: (v) => `analyze() options must be an object; got ${describe(v)}.`,
  unknownKey: (key, known) => `Unknown analyze option "${key}".${didYouMean(key, known)} Options are: ${known.join(', ')}.`,
  field: {
    input: (v) => `Unknown input format ${describe(v)}; valid: ${INPUT_FORMATS.join(', ')}.`,
    offsets: (v) => `Unknown offsets unit ${describe(v)}; valid: ${OFFSET_UNITS.join(', ')}.`,
  },
};

export const ANALYZE_MANY_MESSAGES: ConfigMessages = {
  notObject: (v) => `analyzeMany() options must be an object; got ${describe(v)}.`,
  unknownKey: (key, known) => `Unknown analyzeMany() option "${key}".${didYouMean(key, known)} Options: ${known.join(', ')}.`,
  field: {
    workers: (v) => `analyzeMany(): "workers" must be an integer >= 1; got ${String(v)}.`,
    maxInFlight: (v) => `analyzeMany(): "maxInFlight" must be an integer >= 1; got ${String(v)}.`,
  },
};
