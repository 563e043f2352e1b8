/**
 * Casing of the document: which sentences stand in Title Case ("Senator Slams Budget Plan"), and their reading in
 * lower case (the tagger reads capitalised headline words as names).
 */
import { winkTokens } from '../nlp';
import { defineLayer, type Sentence, type SlantDocument, type Token } from './index';

const UPPER_START = /^\p{Lu}/u;

/**
 * Whether `s` starts with an upper-case letter, in any script ("Senate", "Élysée", "Öland"): the one test of
 * capitalisation. ASCII is decided from the character code (the common case, called for most tokens).
 * `asciiOnly` keeps to A–Z: attribution's name and cue rules were fitted that way, and reading "Éric" or "Öland"
 * as capitalised there changes 2 of the 9,589 reports of the output-identity check (szegedwiki-0513, -1462); it
 * stays until those rules are re-measured (issue #16).
 */
export function startsUpper(s: string, asciiOnly = false): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return !asciiOnly && UPPER_START.test(s);
}

const MIN_TITLE_WORDS = 3;
const TITLE_CASE_SHARE = 0.7;

/**
 * Title-Case sentences ("Senator Slams Budget Plan"): at least three words of four or more letters, most of them
 * capitalised, and not all in capitals. (Whether a sentence is the headline is decided by src/headline.ts, as in
 * every other analyzer; a Title-Case sentence need not be the headline.)
 */
const titleCaseLayer = defineLayer('title-case', (doc: SlantDocument): Set<number> => {
  const titleCase = new Set<number>();
  for (const s of doc.sentences) if (isTitleCase(doc, s)) titleCase.add(s.index);
  return titleCase;
});

/** The Title-Case sentences of a document (indices), computed once per document. */
export function titleCaseSentences(doc: SlantDocument): Set<number> {
  return doc.layer(titleCaseLayer);
}

/** Letters only (a constant: the build lowers a `\p{…}` literal in a function to `new RegExp` on every call). */
const LETTERS_ONLY = /^\p{L}+$/u;

function isTitleCase(doc: SlantDocument, s: Sentence): boolean {
  if (s.wordCount < MIN_TITLE_WORDS) return false;
  const maxLower = (1 - TITLE_CASE_SHARE) * s.wordCount;
  let long = 0;
  let lower = 0;
  let upper = 0;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = doc.tokens[k];
    if (!t.isWord || t.value.length < 4) continue;
    // normal is the lower-cased value: equal means no capital at all (the common case, decided without a regex)
    if (t.value === t.normal) {
      if (++lower > maxLower) return false;
      long++;
      continue;
    }
    if (!LETTERS_ONLY.test(t.value)) continue;
    long++;
    const first = t.value[0];
    if (first === first.toLowerCase()) lower++;
    else if (t.value === t.value.toUpperCase()) upper++;
  }
  return long >= MIN_TITLE_WORDS && long - lower >= TITLE_CASE_SHARE * long && upper < long;
}

/**
 * Re-reads Title-Case sentences in lower case: each capitalised token takes the lemma and POS the tagger gives the
 * lower-cased sentence (used by loaded-language's matching view). Changes `tokens` in place.
 */
export function withHeadlineLemmas(doc: SlantDocument, tokens: Token[], sentences: Set<number>): Token[] {
  for (const index of sentences) {
    const s = doc.sentences[index];
    const original = doc.text.slice(s.start, s.end);
    const lower = original.toLowerCase();
    if (lower.length !== original.length) continue;
    // through nlp.ts, which makes wink forget the words it learns here, so later texts tokenise the same
    const { values, spaces, lemmas, pos } = winkTokens(lower);
    const byStart = new Map<number, { end: number; lemma: string; pos: string }>();
    let offset = 0;
    for (let i = 0; i < values.length; i++) {
      const start = offset + spaces[i];
      offset = start + values[i].length;
      byStart.set(s.start + start, { end: s.start + offset, lemma: (lemmas[i] ?? values[i]).toLowerCase(), pos: pos[i] ?? 'X' });
    }
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k];
      const r = byStart.get(t.start);
      if (!r || r.end !== t.end || !startsUpper(t.value)) continue;
      // Headline verbs have no auxiliary or article around them, and the tagger reads "Mayor Slams Council" as
      // three nouns: an -s "plural" right after a noun is taken as the verb.
      const prev = k > s.tokenStart ? tokens[k - 1] : undefined;
      const headlineVerb =
        r.pos === 'NOUN' && r.lemma !== t.normal && t.normal.endsWith('s') && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN');
      tokens[k] = { ...t, lemma: r.lemma, pos: headlineVerb ? 'VERB' : r.pos };
    }
  }
  return tokens;
}
