/**
 * Distancing devices: the writer's ways of holding a word at arm's length without saying why. Two are read here:
 * - "so-called X" ("the so-called reforms", "so called "experts""): the writer's framing of a name, never an
 *   attribution cue (nobody is reported as calling it so);
 * - a scare quote: a few words in quotation marks with no speaker ("the government's "consultation"").
 * The loaded-language analyzer reports both in the writer's voice (messages `so-called` and `scare-quote`).
 */
import type { Quotation, SlantDocument, Token } from './document';

/** Parts of speech that cannot start what "so-called" names ("it is so called because", "so called for"). */
const NOT_NAMED_POS = new Set(['ADP', 'SCONJ', 'CCONJ', 'AUX', 'PART', 'PRON', 'DET', 'PUNCT', 'SYM']);
const OPENING_MARK = /^["“„‘'«‹]$/u;

/**
 * When tokens[k] ends a "so-called" marker ("so-called" in one token, so / - / called, or "so called") that names
 * what follows it, the marker's first token; else -1.
 */
export function soCalledFrom(tokens: readonly Token[], k: number): number {
  const t = tokens[k];
  if (!t) return -1;
  let first = -1;
  if (t.normal === 'so-called') first = k;
  else if (t.normal === 'called') {
    let j = k - 1;
    if (j >= 0 && /^[-‐‑]$/u.test(tokens[j].value) && tokens[j].end === t.start) j--;
    if (j >= 0 && tokens[j].normal === 'so' && tokens[j].sentence === t.sentence) first = j;
  }
  if (first < 0) return -1;
  const next = tokens[k + 1];
  if (!next || next.sentence !== t.sentence) return -1;
  return OPENING_MARK.test(next.value) || (next.isWord && !NOT_NAMED_POS.has(next.pos)) ? first : -1;
}

/** One distancing device in the text. */
export interface Distancing {
  kind: 'so-called' | 'scare-quote';
  /**
   * The finding's span, never including quotation marks (typographic and straight marks give the same span text):
   * "so-called" and the words it names, "so-called" alone when a quotation follows, or the scare quote's words.
   */
  start: number;
  end: number;
  /** The words held at a distance (what "so-called" names, or the scare quote's content). */
  termStart: number;
  termEnd: number;
  /** The scare quote (or the quotation right after "so-called"), if any. */
  quotation?: number;
}

/** Longest run of name-like tokens after "so-called": "so-called smart meters", "the so-called Islamic State". */
const MAX_NAMED_TOKENS = 4;
const NAME_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);
/** Words that introduce a mention of a word rather than its use ("the word "recession"", "known as "the Beast""). */
const MENTION_BEFORE = new Set([
  'word',
  'words',
  'term',
  'terms',
  'phrase',
  'slogan',
  'hashtag',
  'titled',
  'entitled',
  'named',
  'nicknamed',
  'as',
]);

const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'PART', 'SCONJ']);
/** A title or a name: capitalised words, with lower-case function words after the first ("Bridge Over the River"). */
function isTitleOrName(words: Token[]): boolean {
  const capital = (t: Token): boolean => /^\p{Lu}/u.test(t.value) || !/\p{L}/u.test(t.value);
  return capital(words[0]) && words.every((t) => capital(t) || FUNCTION_POS.has(t.pos));
}

/** Whether a scare quote holds the writer's distance: no speaker, words, not a title or name, not a mention of a word. */
function isDistancingQuote(doc: SlantDocument, q: Quotation, speakers: ReadonlyMap<number, string>): boolean {
  if (q.kind !== 'scare' || !q.closed || q.wordCount === 0 || speakers.has(q.index)) return false;
  const inside = doc.tokensIn(q.contentStart, q.contentEnd).filter((t) => t.isWord);
  if (!inside.length || isTitleOrName(inside)) return false;
  const before = doc.tokens[doc.tokenIndexAt(q.start) - 1];
  return !(before && before.end <= q.start && MENTION_BEFORE.has(before.normal));
}

/** The distancing devices of a document, in text order. */
export function findDistancing(doc: SlantDocument): Distancing[] {
  const { tokens, quotations } = doc;
  const speakers = doc.attribution.quotationSpeakers;
  const out: Distancing[] = [];
  const taken = new Set<number>();
  for (let k = 0; k < tokens.length; k++) {
    const first = soCalledFrom(tokens, k);
    if (first < 0) continue;
    const next = tokens[k + 1];
    const q = OPENING_MARK.test(next.value) ? quotations.find((x) => x.start === next.start) : undefined;
    if (q) {
      taken.add(q.index);
      out.push({
        kind: 'so-called',
        start: tokens[first].start,
        end: tokens[k].end,
        termStart: q.contentStart,
        termEnd: q.contentEnd,
        quotation: q.index,
      });
      continue;
    }
    let last = k;
    while (last + 1 < tokens.length && last - k < MAX_NAMED_TOKENS && tokens[last + 1].sentence === tokens[k].sentence) {
      const t = tokens[last + 1];
      const hyphen = /^[-‐‑]$/u.test(t.value) && tokens[last].end === t.start;
      if (!(NAME_POS.has(t.pos) || (hyphen && tokens[last + 2] && NAME_POS.has(tokens[last + 2].pos)))) break;
      last++;
    }
    if (last === k) last = k + 1;
    out.push({
      kind: 'so-called',
      start: tokens[first].start,
      end: tokens[last].end,
      termStart: tokens[k + 1].start,
      termEnd: tokens[last].end,
    });
  }
  for (const q of quotations) {
    if (taken.has(q.index) || !isDistancingQuote(doc, q, speakers)) continue;
    const [start, end] = [q.contentStart, q.contentEnd];
    out.push({ kind: 'scare-quote', start, end, termStart: start, termEnd: end, quotation: q.index });
  }
  return out.sort((a, b) => a.start - b.start);
}
