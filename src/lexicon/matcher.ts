import type { SlantDocument, Token } from '../document';
import { tokenizeTerm } from '../nlp';
import type { Lexicon, LexiconEntry } from './schema';

/** One position of a compiled term. */
type PatternToken =
  | { kind: 'word'; lemma: string; normal: string; byLemma: boolean }
  | { kind: 'slot'; name: string; words: Set<string> }
  | { kind: 'any' };

interface Pattern {
  entry: LexiconEntry;
  term: string;
  tokens: PatternToken[];
}

/** A lexicon term found in a document: tokens [first, last] inclusive. */
export interface LexiconMatch {
  entry: LexiconEntry;
  term: string;
  first: number;
  last: number;
  start: number;
  end: number;
}

const SLOT = /^<([a-z0-9]+(?:[-.][a-z0-9]+)*)>$/;

/** Splits a term at slot and wildcard markers, tokenising the literal parts as text would be tokenised. */
export function compileTerm(
  term: string,
  match: 'lemma' | 'normal',
  slots: Record<string, Set<string>>,
  problems: string[],
  where: string,
): PatternToken[] {
  const out: PatternToken[] = [];
  for (const part of term.trim().split(/\s+/u)) {
    const slot = SLOT.exec(part);
    if (slot) {
      const words = slots[slot[1]];
      if (!words) problems.push(`${where}: term "${term}" uses unknown slot <${slot[1]}>`);
      out.push({ kind: 'slot', name: slot[1], words: words ?? new Set() });
      continue;
    }
    if (part === '*') {
      out.push({ kind: 'any' });
      continue;
    }
    for (const t of tokenizeTerm(part)) {
      out.push({ kind: 'word', lemma: t.lemma, normal: t.normal, byLemma: match === 'lemma' });
    }
  }
  return out;
}

/** Compiles the slot word lists of a lexicon into lemma sets. */
export function compileSlots(lexicon: Lexicon): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  for (const [name, words] of Object.entries(lexicon.slots ?? {})) {
    const set = new Set<string>();
    for (const w of words) for (const t of tokenizeTerm(w)) {
      set.add(t.lemma);
      set.add(t.normal);
    }
    out[name] = set;
  }
  return out;
}

/**
 * wink tags a capitalised common noun at the start of a sentence ("Critics say…") as a proper noun and leaves its
 * lemma unreduced; for such tokens a plain plural -s is stripped so that lemma matching still works.
 */
function properNounSingular(t: Token): string | undefined {
  return t.pos === 'PROPN' && t.normal.length > 3 && t.normal.endsWith('s') && !t.normal.endsWith('ss') ? t.normal.slice(0, -1) : undefined;
}

function tokenMatches(p: PatternToken, t: Token): boolean {
  switch (p.kind) {
    case 'any':
      return t.isWord;
    case 'slot': {
      if (p.words.has(t.lemma) || p.words.has(t.normal)) return true;
      const singular = properNounSingular(t);
      return singular !== undefined && p.words.has(singular);
    }
    case 'word':
      return t.normal === p.normal || (p.byLemma && (t.lemma === p.lemma || properNounSingular(t) === p.lemma));
  }
}

/**
 * Finds lexicon terms in a document. Terms are indexed by their first word (lemma and normal form), so a document
 * is scanned once whatever the size of the lexicon. Matches never cross a sentence boundary.
 */
export class PhraseMatcher {
  private readonly byKey = new Map<string, Pattern[]>();
  private readonly unindexed: Pattern[] = [];

  constructor(patterns: Pattern[]) {
    for (const p of patterns) {
      const first = p.tokens[0];
      if (!first || first.kind !== 'word') {
        if (first?.kind === 'slot') for (const w of first.words) this.add(w, p);
        else this.unindexed.push(p);
        continue;
      }
      this.add(first.normal, p);
      if (first.byLemma && first.lemma !== first.normal) this.add(first.lemma, p);
    }
  }

  private add(key: string, p: Pattern): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [p]);
    else if (!list.includes(p)) list.push(p);
  }

  /** Every match, in text order; at one position, longer matches first. */
  match(doc: SlantDocument): LexiconMatch[] {
    const out: LexiconMatch[] = [];
    const tokens = doc.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const a = this.byKey.get(t.normal);
      const b = t.lemma !== t.normal ? this.byKey.get(t.lemma) : undefined;
      const singular = properNounSingular(t);
      const c = singular !== undefined ? this.byKey.get(singular) : undefined;
      if (!a && !b && !c && !this.unindexed.length) continue;
      const seen = new Set<Pattern>();
      for (const list of [a, b, c, this.unindexed]) {
        if (!list) continue;
        for (const p of list) {
          if (seen.has(p)) continue;
          seen.add(p);
          const last = this.tryAt(p, doc, i);
          if (last >= 0) out.push({ entry: p.entry, term: p.term, first: i, last, start: t.start, end: tokens[last].end });
        }
      }
    }
    out.sort((x, y) => x.start - y.start || y.end - x.end);
    return out;
  }

  private tryAt(p: Pattern, doc: SlantDocument, i: number): number {
    const tokens = doc.tokens;
    const sentence = tokens[i].sentence;
    let k = i;
    for (let j = 0; j < p.tokens.length; j++, k++) {
      const t = tokens[k];
      if (!t || t.sentence !== sentence || !tokenMatches(p.tokens[j], t)) return -1;
    }
    const last = k - 1;
    const e = p.entry;
    if (e.pos && !e.pos.includes(lastWord(tokens, i, last).pos as never)) return -1;
    if (e.unless?.before && i > 0 && tokens[i - 1].sentence === sentence && e.unless.before.includes(tokens[i - 1].normal)) return -1;
    if (e.unless?.after && tokens[last + 1]?.sentence === sentence && e.unless.after.includes(tokens[last + 1].normal)) return -1;
    return last;
  }
}

function lastWord(tokens: Token[], first: number, last: number): Token {
  for (let k = last; k > first; k--) if (tokens[k].isWord) return tokens[k];
  return tokens[first];
}

/** Builds the matcher of a validated lexicon, collecting problems (unknown slots) on the way. */
export function buildMatcher(lexicon: Lexicon, problems: string[] = []): PhraseMatcher {
  const slots = compileSlots(lexicon);
  const patterns: Pattern[] = [];
  for (const entry of lexicon.entries) {
    for (const term of entry.terms) {
      const tokens = compileTerm(term, entry.match, slots, problems, `${lexicon.id} entry "${entry.id}"`);
      if (tokens.length) patterns.push({ entry, term, tokens });
    }
  }
  return new PhraseMatcher(patterns);
}
