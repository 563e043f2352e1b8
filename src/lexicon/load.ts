import { prepareTerms, tokenizeTerm } from '../nlp';
import { defineResource, type ResourceCompiler } from '../resource';
import { buildMatcher, type PhraseMatcher } from './matcher';
import { seedBuiltinTermTokens } from './term-tokens';
import { LexiconSchema, type Lexicon, type LexiconEntry, type LexiconEntryInput, type LexiconInput } from './schema';

/** A validated lexicon with its matcher, ready for analyzers. */
export interface CompiledLexicon {
  readonly id: string;
  readonly lexicon: Lexicon;
  readonly matcher: PhraseMatcher;
  entry(id: string): LexiconEntry | undefined;
}

/**
 * Validates a lexicon in two passes and compiles it (src/resource.ts). Pass 1 checks structure with zod; pass 2
 * checks content (duplicates, dangling sources, terms that can never match) and reports every problem at once.
 * @param origin where the lexicon came from (a file path or "built-in"), used in error messages.
 */
export const compileLexicon: ResourceCompiler<CompiledLexicon> = defineResource({
  kind: 'lexicon',
  schema: LexiconSchema,
  compile(lexicon, problems) {
    seedBuiltinTermTokens();
    prepareTerms(termParts(lexicon));
    problems.push(...contentProblems(lexicon));
    const matcher = buildMatcher(lexicon, problems);
    const byId = new Map(lexicon.entries.map((e) => [e.id, e]));
    return { id: lexicon.id, lexicon, matcher, entry: (id: string) => byId.get(id) };
  },
});

/** Every string the compiler will tokenise: whole literal terms, their whitespace-separated parts, slot words. */
function termParts(lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const e of lexicon.entries) {
    for (const term of e.terms) {
      const parts = term
        .trim()
        .split(/\s+/u)
        .filter((p) => !/^<[^>]+>$/u.test(p) && p !== '*');
      out.push(parts.join(' '), ...parts);
    }
  }
  for (const words of Object.values(lexicon.slots ?? {})) for (const w of words) out.push(w);
  return out;
}

function contentProblems(lexicon: Lexicon): string[] {
  const problems: string[] = [];
  const sourceIds = new Set<string>();
  for (const s of lexicon.sources) {
    if (sourceIds.has(s.id)) problems.push(`source id "${s.id}" is declared twice`);
    sourceIds.add(s.id);
  }
  const entryIds = new Set<string>();
  const termOwner = new Map<string, string>();
  for (const e of lexicon.entries) {
    const where = `entry "${e.id}"`;
    if (entryIds.has(e.id)) problems.push(`${where}: id is used by another entry`);
    entryIds.add(e.id);
    if (!sourceIds.has(e.source)) problems.push(`${where}: source "${e.source}" is not declared in "sources"`);
    for (const w of [...(e.unless?.before ?? []), ...(e.unless?.after ?? [])]) {
      if (w !== w.toLowerCase() || /\s/u.test(w)) problems.push(`${where}: unless-word "${w}" can never match (use one lower-case word)`);
    }
    for (const term of e.terms) {
      if (term !== term.trim()) problems.push(`${where}: term "${term}" has surrounding whitespace`);
      const literal = term
        .split(/\s+/u)
        .filter((p) => !/^<[^>]+>$/u.test(p) && p !== '*')
        .join(' ');
      const hasPlaceholder = literal !== term.trim().split(/\s+/u).join(' ');
      const words = literal ? tokenizeTerm(literal) : [];
      if (!words.length && !hasPlaceholder) {
        problems.push(`${where}: term "${term}" can never match (no word in it)`);
        continue;
      }
      if (!hasPlaceholder && !words.some((w) => /[\p{L}\p{N}]/u.test(w.value))) {
        problems.push(`${where}: term "${term}" can never match (punctuation only)`);
        continue;
      }
      const key = `${e.match}:${(e.pos ?? []).join('|')}:${words.map((w) => (e.match === 'lemma' ? w.lemma : w.normal)).join(' ')}:${term.includes('<') || term.includes('*') ? term : ''}`;
      const owner = termOwner.get(key);
      if (owner && owner !== e.id) problems.push(`${where}: term "${term}" is also in entry "${owner}"`);
      else if (owner === e.id) problems.push(`${where}: term "${term}" is listed twice`);
      termOwner.set(key, e.id);
    }
  }
  return problems;
}

/** A changed copy of a lexicon: entries added (or replaced by id) and entries removed by id or term. */
export function extendLexicon(base: LexiconInput, change: { id?: string; add?: LexiconEntryInput[]; remove?: string[] }): LexiconInput {
  const remove = new Set(change.remove ?? []);
  const added = new Set((change.add ?? []).map((e) => e.id));
  const entries = base.entries.filter((e) => !remove.has(e.id) && !added.has(e.id) && !e.terms.some((t) => remove.has(t)));
  const sources = [...base.sources];
  if (change.add?.some((e) => e.source === 'user') && !sources.some((s) => s.id === 'user')) {
    sources.push({ id: 'user', title: 'Added by the user of this pipeline' });
  }
  return { ...base, id: change.id ?? base.id, sources, entries: [...entries, ...(change.add ?? [])] };
}
