import { z } from 'zod';
import { LexiconError } from '../errors';
import { defineResource, ProvenanceSchema, type ResourceCompiler } from '../resource';
import { LexiconSourceSchema } from './schema';

/**
 * Word lists: named sets of lower-case words (and small word-to-word maps) with provenance, for the parts of slant
 * that test membership rather than match phrases in text (attribution's cue classes, source words, given names,
 * places). Files live under lexicons/en/ beside the lexicons, are described by lexicons/word-lists.schema.json
 * (generated) and are validated and compiled by the one resource compiler (src/resource.ts).
 */
const kebab = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

const WordListSchema = z.strictObject({
  description: z.string().min(1),
  /** An id from the file's `sources`. */
  source: z.string().min(1),
  words: z.array(z.string().min(1)),
});

const WordMapSchema = z.strictObject({
  description: z.string().min(1),
  source: z.string().min(1),
  entries: z.record(z.string().min(1), z.string().min(1)),
});

export const WordListsSchema = z.strictObject({
  ...ProvenanceSchema,
  language: z.string().regex(/^[a-z]{2}$/),
  sources: z.array(LexiconSourceSchema).min(1),
  lists: z.record(z.string().regex(kebab, 'list names are kebab-case'), WordListSchema),
  maps: z.record(z.string().regex(kebab, 'map names are kebab-case'), WordMapSchema).optional(),
});

/** Word lists as written in a JSON file. */
export type WordListsInput = z.input<typeof WordListsSchema>;

/** Validated word lists. Asking for a list or map the file does not have throws a {@link LexiconError}. */
export interface CompiledWordLists {
  readonly id: string;
  /** The words of a list, in file order. */
  words(name: string): readonly string[];
  /** The words of a list as a set. */
  set(name: string): ReadonlySet<string>;
  /** A map, prototype-free (looking up "constructor" finds nothing). */
  map(name: string): Readonly<Record<string, string>>;
}

/**
 * Validates word lists (structure, then content: declared sources, no word listed twice in a list, no word that can
 * never match because it has upper-case letters or surrounding white space) and compiles them.
 */
export const compileWordLists: ResourceCompiler<CompiledWordLists> = defineResource({
  kind: 'word lists',
  schema: WordListsSchema,
  compile(data, problems) {
    const sourceIds = new Set(data.sources.map((s) => s.id));
    const sets = new Map<string, ReadonlySet<string>>();
    for (const [name, list] of Object.entries(data.lists)) {
      if (!sourceIds.has(list.source)) problems.push(`lists.${name}: source "${list.source}" is not declared in "sources"`);
      const seen = new Set<string>();
      for (const w of list.words) {
        if (seen.has(w)) problems.push(`lists.${name}: "${w}" is listed twice`);
        if (w !== w.trim() || w !== w.toLowerCase())
          problems.push(`lists.${name}: "${w}" can never match (use lower case, no surrounding space)`);
        seen.add(w);
      }
      sets.set(name, seen);
    }
    const maps = new Map<string, Readonly<Record<string, string>>>();
    for (const [name, m] of Object.entries(data.maps ?? {})) {
      if (!sourceIds.has(m.source)) problems.push(`maps.${name}: source "${m.source}" is not declared in "sources"`);
      for (const key of Object.keys(m.entries)) {
        if (key !== key.trim() || key !== key.toLowerCase())
          problems.push(`maps.${name}: "${key}" can never match (use lower case, no surrounding space)`);
      }
      maps.set(name, Object.freeze(Object.assign(Object.create(null) as Record<string, string>, m.entries)));
    }
    const missing = (what: string, name: string): never => {
      throw new LexiconError('LEXICON_INVALID', `Word lists "${data.id}" have no ${what} "${name}"`, [`${what}s.${name}: missing`]);
    };
    return {
      id: data.id,
      words: (name) => data.lists[name]?.words ?? missing('list', name),
      set: (name) => sets.get(name) ?? missing('list', name),
      map: (name) => maps.get(name) ?? missing('map', name),
    };
  },
});
