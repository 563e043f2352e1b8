/**
 * Noun-phrase chunking from POS tags, capitalisation and punctuation (wink's lite model has no parser): the phrase
 * ending or starting at a token, appositives, comma-delimited chunks, clause boundaries.
 */
import type { Token } from '../document';
import { type Ctx, CUE_REACH } from './candidate';
import { PERSON_TITLES } from './lexicon';
import { isCapitalized, isComma, isNpHead, isNpInternal, isPossessivePronoun, isQuoteMark, SUBJECT_PRONOUNS } from './tokens';

/** Prepositions that can attach a modifier inside a source phrase ("a report by the World Bank", "Democrats in Congress"). */
const NP_PREPOSITIONS = new Set([
  'of',
  'at',
  'from',
  'for',
  'in',
  'with',
  'by',
  'to',
  'on',
  'about',
  'among',
  'across',
  'near',
  'under',
  'over',
  'against',
  'within',
  'inside',
  'outside',
  'around',
  'behind',
]);

/** Adjectives that follow the noun they modify in source phrases: "people familiar with the matter". */
const POSTNOMINAL_ADJECTIVES = new Set([
  'familiar',
  'close',
  'knowledgeable',
  'briefed',
  'involved',
  'opposed',
  'loyal',
  'sympathetic',
  'aligned',
  'connected',
  'linked',
  'affiliated',
  'critical',
  'friendly',
  'allied',
  'responsible',
]);

/** Leftmost token of the noun phrase ending at `j` (inclusive), not before `lo`; -1 when `j` cannot end one. */
export function npLeft(tokens: Token[], j: number, lo: number): number {
  if (j < lo) return -1;
  const end = tokens[j];
  if (end.value === ')') {
    // "Sen. Bernie Sanders (I-Vt.)": skip the parenthesis, then the name before it.
    let k = j - 1;
    while (k >= lo && tokens[k].value !== '(' && j - k < 8) k--;
    if (k < lo || tokens[k].value !== '(') return -1;
    const inner = npLeft(tokens, k - 1, lo);
    return inner < 0 ? -1 : inner;
  }
  if (
    !isNpHead(end) &&
    !(
      isCapitalized(end) &&
      (end.pos === 'VERB' || end.pos === 'ADJ' || end.pos === 'ADV') &&
      (j === lo || tokens[j - 1].pos === 'PROPN' || !tokens[j - 1].isWord)
    ) &&
    !ingNoun(tokens, j, lo)
  )
    return -1;
  if (end.pos === 'PRON' || (end.pos === 'DET' && SUBJECT_PRONOUNS.has(end.normal))) {
    // "he", "they", "who"; "some of them", "many of the protesters" are handled by the caller via "of".
    return j;
  }
  let k = j - 1;
  let pps = 0;
  while (k >= lo) {
    const t = tokens[k];
    if (isNpInternal(t)) {
      if (t.pos === 'DET' && !(tokens[k - 1] && (tokens[k - 1].normal === 'all' || tokens[k - 1].normal === 'both'))) {
        // a determiner starts the phrase, unless a preposition before it continues a larger one ("one of the aides",
        // "a report by the World Bank"); the preposition branch below decides
        if (k - 1 >= lo && tokens[k - 1].pos === 'ADP' && NP_PREPOSITIONS.has(tokens[k - 1].normal) && pps < 2) {
          k--;
          continue;
        }
        return k;
      }
      k--;
      continue;
    }
    // prepositional modifiers: "president of the United States", "Democrats in Congress", "a professor at Yale"
    if (t.pos === 'ADP' && pps < 2 && NP_PREPOSITIONS.has(t.normal)) {
      const before = tokens[k - 1];
      if (
        before &&
        k - 1 >= lo &&
        (before.pos === 'NOUN' ||
          before.pos === 'PROPN' ||
          isNameWord(tokens, k - 1) ||
          (t.normal === 'of' && (before.pos === 'NUM' || SUBJECT_PRONOUNS.has(before.normal) || before.pos === 'ADJ')))
      ) {
        k--;
        pps++;
        continue;
      }
      // "sources familiar with the talks", "people close to the president"
      if (
        before &&
        k - 2 >= lo &&
        POSTNOMINAL_ADJECTIVES.has(before.normal) &&
        (tokens[k - 2].pos === 'NOUN' || tokens[k - 2].pos === 'PROPN')
      ) {
        k -= 2;
        pps++;
        continue;
      }
      break;
    }
    // "Mr. Peck of SunTrust": a name word the tagger read as a verb, after a name
    if (isNameWord(tokens, k) && k > lo) {
      k--;
      continue;
    }
    // a name word the tagger reads as a verb: "the Met Office", "Paula Grant Associates"
    if (
      t.pos === 'VERB' &&
      isCapitalized(t) &&
      k > lo &&
      isCapitalized(tokens[k + 1]) &&
      (tokens[k - 1].pos === 'PROPN' || tokens[k - 1].normal === 'the') &&
      !inTitleCase(tokens, k)
    ) {
      k--;
      continue;
    }
    // "Frank Newport and Jim Harter", "Democrats and Republicans"
    if (t.pos === 'CCONJ' && (t.normal === 'and' || t.normal === '&')) {
      const before = tokens[k - 1];
      const after = tokens[k + 1];
      if (
        before &&
        k - 1 >= lo &&
        after &&
        (before.pos === 'PROPN' || before.pos === 'NOUN') &&
        (after.pos === 'PROPN' || after.pos === 'NOUN' || after.pos === 'DET' || after.pos === 'ADJ')
      ) {
        k--;
        continue;
      }
      break;
    }
    break;
  }
  // do not start with a trailing possessive marker or hyphen
  let first = k + 1;
  while (first < j && !tokens[first].isWord) first++;
  return first;
}

/**
 * A name word the tagger read as another part of speech: capitalised, not first in its sentence, right after a name
 * ("Mr. Peck", "Peter Welch", tagged VERB), outside a Title Case headline.
 */
export function isNameWord(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  return (
    t !== undefined &&
    prev !== undefined &&
    t.pos !== 'PROPN' &&
    t.isWord &&
    isCapitalized(t) &&
    prev.pos === 'PROPN' &&
    prev.sentence === t.sentence &&
    (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NOUN') &&
    !inTitleCase(tokens, k)
  );
}

/**
 * A modifier inside a noun phrase that the tagger read as a verb or adverb, before the words it modifies: "an
 * Associated Press survey" (a capitalised word before a name), "a new nationwide poll" (after a determiner or
 * adjective, before an adjective or noun).
 */
function misreadModifier(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  const prev = tokens[k - 1];
  if (!next || !t.isWord || next.sentence !== t.sentence) return false;
  if ((t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'ADV') && isCapitalized(t) && next.pos === 'PROPN' && isCapitalized(next))
    return prev !== undefined && (prev.pos === 'DET' || isPossessivePronoun(prev)) && !inTitleCase(tokens, k);
  return t.pos === 'ADV' && prev !== undefined && (prev.pos === 'DET' || prev.pos === 'ADJ') && (next.pos === 'ADJ' || next.pos === 'NOUN');
}

/** "the same polling", "his reporting": an -ing word the tagger read as a verb, after a determiner or adjective. */
function ingNoun(tokens: Token[], j: number, lo: number): boolean {
  const t = tokens[j];
  if (t.pos !== 'VERB' || !t.normal.endsWith('ing') || j - 1 < lo) return false;
  const prev = tokens[j - 1];
  return prev.pos === 'DET' || prev.pos === 'ADJ' || isPossessivePronoun(prev);
}

/**
 * Whether token k stands in Title Case ("Clinton Says Russians Hacked DNC"): most longer words of its sentence within
 * TITLE_CASE_REACH tokens either side capitalised (bounded, so that a huge run-on "sentence" stays linear).
 */
function inTitleCase(tokens: Token[], k: number): boolean {
  const sentence = tokens[k].sentence;
  let capital = 0;
  let lower = 0;
  const lo = Math.max(0, k - TITLE_CASE_REACH);
  const hi = Math.min(tokens.length - 1, k + TITLE_CASE_REACH);
  for (let m = lo; m <= hi; m++) {
    const t = tokens[m];
    if (t.sentence !== sentence || !t.isWord || t.value.length < 4) continue;
    if (isCapitalized(t)) capital++;
    else lower++;
  }
  return capital >= 3 && capital > 2 * lower;
}

const TITLE_CASE_REACH = 40;

/** Rightmost token of the noun phrase starting at `i`, not after `hi`; -1 when none starts there. */
export function npRight(tokens: Token[], i: number, hi: number): number {
  if (i > hi) return -1;
  const t0 = tokens[i];
  if (t0.pos === 'PRON') return SUBJECT_PRONOUNS.has(t0.normal) && !isPossessivePronoun(t0) ? i : possessiveNp(tokens, i, hi);
  if (!(isNpInternal(t0) || t0.pos === 'PROPN') || !t0.isWord) return -1;
  let k = i;
  let last = -1;
  let pps = 0;
  let afterPreposition = false;
  while (k <= hi) {
    const t = tokens[k];
    // "told Reuters the vote was close": a new phrase begins; "figures from the ONS": a preposition's object
    if (t.pos === 'DET' && last >= 0 && !afterPreposition) break;
    afterPreposition = false;
    // "the Newport-based athlete", "the London-born writer": a hyphen glued between two words joins one modifier
    const next = tokens[k + 1];
    if (t.value === '-' && last >= 0 && k + 1 <= hi && next.isWord && tokens[k - 1].end === t.start && next.start === t.end) {
      if (next.pos === 'PROPN' || isNpHead(next)) last = k + 1; // "Mark Lewis-Francis"
      k += 2;
      continue;
    }
    if (
      (isNpInternal(t) && (t.isWord || (t.value !== '.' && tokens[k + 1] && tokens[k + 1].isWord && k + 1 <= hi))) ||
      (last === k - 1 && isNameWord(tokens, k)) ||
      (k < hi && misreadModifier(tokens, k))
    ) {
      if (isNpHead(t) || t.pos === 'PROPN' || isNameWord(tokens, k)) last = k;
      k++;
      continue;
    }
    if (t.value === '(' && last >= 0) {
      // party tags "(D-Calif.)"
      let m = k + 1;
      while (m <= hi && tokens[m].value !== ')' && m - k < 8) m++;
      if (m <= hi && tokens[m].value === ')') {
        last = m;
        k = m + 1;
        continue;
      }
      break;
    }
    if (
      t.pos === 'ADP' &&
      last >= 0 &&
      pps < 2 &&
      (t.normal === 'of' || t.normal === 'at' || t.normal === 'for' || t.normal === 'from' || t.normal === 'with' || t.normal === 'by') &&
      tokens[k + 1] &&
      k + 1 <= hi
    ) {
      const nx = tokens[k + 1];
      if (nx.pos === 'PROPN' || nx.pos === 'DET' || nx.pos === 'NOUN' || nx.pos === 'ADJ' || isPossessivePronoun(nx)) {
        pps++;
        k++;
        afterPreposition = true;
        continue;
      }
    }
    if (
      t.pos === 'CCONJ' &&
      t.normal === 'and' &&
      last >= 0 &&
      tokens[k + 1] &&
      k + 1 <= hi &&
      tokens[k + 1].pos === 'PROPN' &&
      tokens[last].pos === 'PROPN'
    ) {
      k++;
      continue;
    }
    break;
  }
  return last;
}

function possessiveNp(tokens: Token[], i: number, hi: number): number {
  let k = i + 1;
  let last = -1;
  while (k <= hi && isNpInternal(tokens[k]) && tokens[k].isWord) {
    if (isNpHead(tokens[k])) last = k;
    k++;
  }
  return last;
}

/**
 * Whether the noun phrase ending at `last` is a person's title: its head ("technology director") or the head before
 * an "of" phrase ("the chairman of the Commons education select committee").
 */
function titledPhrase(tokens: Token[], last: number): boolean {
  for (let k = last; k >= 0 && last - k < 10 && tokens[k].sentence === tokens[last].sentence; k--) {
    const t = tokens[k];
    if (PERSON_TITLES.has(t.normal) && (k === last || tokens[k + 1].normal === 'of')) return true;
    if (!(t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'DET' || t.normal === 'of')) return false;
  }
  return false;
}

/** The end of an appositive or relative clause after a noun phrase: "Dmitry Peskov, the press secretary," */
export function appositiveRight(ctx: Ctx, npLast: number, hi: number): number {
  const { tokens } = ctx;
  if (!isComma(tokens[npLast + 1]) || npLast + 2 > hi) return npLast;
  const start = npLast + 2;
  const t = tokens[start];
  // "said RNID technology director, Guido Gybels.": a title, then the name of its holder closing the clause
  if (t.pos === 'PROPN' && isCapitalized(t) && titledPhrase(tokens, npLast)) {
    let k = start;
    while (k <= hi && k - start < 4 && tokens[k].pos === 'PROPN' && isCapitalized(tokens[k]) && tokens[k].isWord) k++;
    const after = tokens[k];
    if (k > start + 1 && (k > hi || after === undefined || after.value === '.' || isComma(after) || after.value === ';')) return k - 1;
  }
  const role =
    t.pos === 'DET' || t.pos === 'ADJ' || (t.pos === 'NOUN' && !isCapitalized(t)) || isPossessivePronoun(t) || t.normal === 'who';
  if (!role) return npLast;
  // up to the next comma or the end of the clause
  let k = start;
  while (
    k <= hi &&
    !isComma(tokens[k]) &&
    tokens[k].value !== '.' &&
    tokens[k].value !== ';' &&
    !isQuoteMark(tokens[k]) &&
    k - start < 25
  ) {
    if (t.normal !== 'who' && tokens[k].pos === 'VERB' && !(tokens[k].normal.endsWith('ed') || tokens[k].normal.endsWith('ing')))
      return npLast;
    k++;
  }
  if (k > hi) return hi;
  return k - 1;
}

/** Whether tokens [a, b] form a noun phrase, possibly followed by a relative clause ("a Republican who voted for …"). */
export function isNpChunk(tokens: Token[], a: number, b: number): boolean {
  let end = b;
  for (let k = a + 1; k <= b; k++) {
    if (tokens[k].normal === 'who' || tokens[k].normal === 'which' || tokens[k].normal === 'whose') {
      end = k - 1;
      break;
    }
  }
  return end >= a && npLeft(tokens, end, a) === a;
}

export const isChunkDelimiter = (t: Token | undefined): boolean =>
  t !== undefined && (t.value === ',' || t.value === '—' || t.value === '–' || t.value === '--');

/** Start of the comma-delimited chunk ending at `e` (exclusive of the delimiter), and whether a comma delimits it. */
export function chunkStart(ctx: Ctx, e: number, lo: number): { a: number; comma: boolean } {
  const { tokens } = ctx;
  let k = e;
  let n = 0;
  while (k >= lo && n < 40) {
    const t = tokens[k];
    if (isChunkDelimiter(t)) return { a: k + 1, comma: true };
    if (t.value === ')') {
      // "Gov. John Kasich (R-Ohio)": a parenthesis stays inside the chunk
      let m = k - 1;
      while (m >= lo && tokens[m].value !== '(' && k - m < 10) m--;
      if (m >= lo && tokens[m].value === '(') {
        n += k - m;
        k = m - 1;
        continue;
      }
    }
    if (t.value === ';' || t.value === ':' || t.value === '(' || (ctx.closeMark[k] >= 0 && k < e)) return { a: k + 1, comma: false };
    k--;
    n++;
  }
  return { a: Math.max(k + 1, lo), comma: false };
}

export function hasProper(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (tokens[k].pos === 'PROPN') return true;
  return false;
}

export function isClauseBoundary(t: Token | undefined): boolean {
  if (!t) return true;
  return (
    t.value === ',' ||
    t.value === ';' ||
    t.value === ':' ||
    t.value === '—' ||
    t.value === '(' ||
    QUOTE_CLOSE(t) ||
    t.pos === 'SCONJ' ||
    t.pos === 'CCONJ' ||
    (t.pos === 'ADV' &&
      (t.normal === 'then' ||
        t.normal === 'now' ||
        t.normal === 'also' ||
        t.normal === 'still' ||
        t.normal === 'meanwhile' ||
        t.normal === 'instead')) ||
    t.normal === 'that'
  );
}

function QUOTE_CLOSE(t: Token): boolean {
  return isQuoteMark(t);
}

/**
 * `npRight` from a noun the tagger read as a verb: after "According to" wink often tags the next word as an
 * infinitive ("According to reports", "According to estimates by the council", "According to campaign group …").
 */
export function npRightOfMisreadNoun(tokens: Token[], i: number, hi: number): number {
  const end = Math.min(hi, i + CUE_REACH);
  const view = tokens.slice(i, end + 1);
  view[0] = { ...view[0], pos: 'NOUN' };
  const l = npRight(view, 0, view.length - 1);
  return l < 0 ? -1 : i + l;
}
