import { z } from 'zod';

/** Universal POS tags produced by wink's English model. */
export const POS_TAGS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
] as const;

const kebab = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export const LexiconSourceSchema = z.strictObject({
  id: z.string().regex(kebab, 'source ids are kebab-case'),
  title: z.string().min(1),
  url: z.string().url().optional(),
  note: z.string().optional(),
});

export const LexiconEntrySchema = z.strictObject({
  id: z.string().regex(kebab, 'entry ids are kebab-case'),
  terms: z.array(z.string().min(1)).min(1),
  match: z.enum(['lemma', 'normal']).default('lemma'),
  pos: z.array(z.enum(POS_TAGS)).min(1).optional(),
  category: z.string().min(1),
  weight: z.number().min(0).max(1),
  explanation: z.string().min(1),
  alternatives: z.array(z.string().min(1)).optional(),
  source: z.string().min(1),
  unless: z
    .strictObject({
      before: z.array(z.string().min(1)).optional(),
      after: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  stats: z.record(z.string(), z.number()).optional(),
});

export const LexiconSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z]{2}\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lexicon ids look like "en/loaded-language"'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'versions are semver, e.g. "1.0.0"'),
  language: z.string().regex(/^[a-z]{2}$/),
  description: z.string().min(1),
  license: z.string().min(1),
  sources: z.array(LexiconSourceSchema).min(1),
  slots: z.record(z.string().regex(kebab), z.array(z.string().min(1)).min(1)).optional(),
  entries: z.array(LexiconEntrySchema),
});

/** A lexicon as written in a JSON file (defaults not yet applied). */
export type LexiconInput = z.input<typeof LexiconSchema>;
/** A validated lexicon. */
export type Lexicon = z.output<typeof LexiconSchema>;
export type LexiconEntry = z.output<typeof LexiconEntrySchema>;
export type LexiconEntryInput = z.input<typeof LexiconEntrySchema>;
