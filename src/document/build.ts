/**
 * Builds the document model from wink's reading of a text: tokens with exact UTF-16 offsets, sentences (wink's, with
 * false breaks after titles mended), paragraphs, quotations with their kinds, and each token's voice.
 */
import { computeAttribution } from '../attribution';
import { hasWordChar, SPACE_POS, winkTokens, type ReadText } from '../nlp';
import { addMarkedQuotations, classifyQuotations, findParagraphs, findQuotations } from '../quotations';
import { defineLayer, SlantDocument, type Paragraph, type Sentence, type Token } from './index';

/** Attribution relations, sources and quotation speakers: one layer, computed on first use (`doc.attribution`). */
export const attributionLayer = defineLayer('attribution', computeAttribution);

/**
 * Rebuilds character offsets from wink's tokens. wink keeps every character of the text in a token value or in
 * its preceding spaces; when a token cannot be found where expected (defensive), it is searched forward.
 */
export function parseDocument(text: string, options: ParseOptions = {}): SlantDocument {
  return buildDocument(text, winkTokens(text), options.quotations ?? []);
}

export interface ParseOptions {
  /** Ranges that the input's markup marks as quotations (<blockquote>, <q>): quoted voice even without marks. */
  quotations?: ReadonlyArray<{ start: number; end: number }>;
}

/** The document model of `text` from wink's analysis of it. */
export function buildDocument(text: string, wink: ReadText, marked: ReadonlyArray<{ start: number; end: number }> = []): SlantDocument {
  const { values, spaces, normals, lemmas, pos, types, sentences: sentenceSpans, read } = wink;

  // Structure and offsets come from the text as wink read it (a blanked run is space there, so it can neither open
  // a quotation nor be mistaken for a token); every offset is also an offset of `text`.
  const paragraphRanges = findParagraphs(read);
  const paragraphOfOffset = makeRangeLookup(paragraphRanges);

  // 1. Tokens with offsets; whitespace tokens are dropped, wink's index -> our index kept for sentences.
  const tokens: Token[] = [];
  const ourIndex = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let start = cursor + spaces[i];
    if (occursAt(read, value, start)) {
      cursor = start + value.length;
    } else {
      const found = read.indexOf(value, cursor);
      if (found < 0) continue; // wink altered the token: drop it rather than invent offsets
      start = found;
      cursor = found + value.length;
    }
    if (pos[i] === SPACE_POS || isBlank(value)) continue;
    ourIndex[i] = tokens.length;
    // wink leaves some properties undefined for a few tokens (the lemma of "cannot" in some contexts): fall back.
    const normal = normals[i] ?? value.toLowerCase();
    tokens.push({
      index: tokens.length,
      start,
      end: start + value.length,
      value,
      normal,
      lemma: (lemmas[i] ?? normal).toLowerCase(),
      pos: pos[i] ?? 'X',
      type: types[i] ?? 'word',
      isWord: hasWordChar(value),
      sentence: 0,
      paragraph: paragraphOfOffset(start),
      quotation: -1,
      voice: 'writer',
    });
  }

  // 2. Sentences from wink (false breaks after titles mended), split again wherever a paragraph break falls inside one.
  const sentences: Sentence[] = [];
  const pushSentence = (from: number, to: number): void => {
    if (to <= from) return;
    const index = sentences.length;
    let words = 0;
    for (let k = from; k < to; k++) {
      tokens[k].sentence = index;
      if (tokens[k].isWord) words++;
    }
    sentences.push({
      index,
      start: tokens[from].start,
      end: tokens[to - 1].end,
      tokenStart: from,
      tokenEnd: to,
      paragraph: tokens[from].paragraph,
      wordCount: words,
      writerWordCount: words,
    });
  };
  for (const [first, last] of mendFalseBreaks(sentenceSpans, values, spaces)) {
    let from = -1;
    let to = -1;
    for (let k = first; k <= last; k++) {
      if (ourIndex[k] < 0) continue;
      if (from < 0) from = ourIndex[k];
      to = ourIndex[k] + 1;
    }
    if (from < 0) continue;
    let segStart = from;
    for (let k = from + 1; k < to; k++) {
      if (tokens[k].paragraph !== tokens[k - 1].paragraph) {
        pushSentence(segStart, k);
        segStart = k;
      }
    }
    pushSentence(segStart, to);
  }

  // 3. Paragraphs with their sentence ranges.
  const paragraphs: Paragraph[] = paragraphRanges.map((r, index) => ({
    index,
    start: r.start,
    end: r.end,
    sentenceStart: 0,
    sentenceEnd: 0,
  }));
  let si = 0;
  for (const p of paragraphs) {
    while (si < sentences.length && sentences[si].paragraph < p.index) si++;
    p.sentenceStart = si;
    while (si < sentences.length && sentences[si].paragraph === p.index) si++;
    p.sentenceEnd = si;
  }

  // 4. Quotations, their kinds, and each token's voice.
  const doc = new SlantDocument({ text, tokens, sentences, paragraphs, quotations: [], attribution: attributionLayer });
  const quotations = classifyQuotations(doc, addMarkedQuotations(findQuotations(read, paragraphRanges), marked, paragraphRanges));
  for (const q of quotations) doc.quotations.push(q); // no push(...): a spread of a huge array overflows the stack
  assignVoices(doc);
  return doc;
}

/**
 * `read.startsWith(value, start)` by char codes (the builtin with a position was a fifth of this function's time): the
 * same answer, position clamped to the text as the builtin clamps it.
 */
function occursAt(read: string, value: string, start: number): boolean {
  const p = start < 0 ? 0 : start > read.length ? read.length : start;
  if (p + value.length > read.length) return false;
  for (let j = 0; j < value.length; j++) if (read.charCodeAt(p + j) !== value.charCodeAt(j)) return false;
  return true;
}

/** `value.trim() === ''`, decided without trimming when the token starts with a printable ASCII character. */
function isBlank(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return value.trim() === '';
}

/** Titles that stand before a name, so a full stop after them never ends a sentence ("Sens.", "Adm.", "Lt. Gov."). */
const TITLES = new Set([
  'sen',
  'sens',
  'rep',
  'reps',
  'gov',
  'govs',
  'gen',
  'gens',
  'adm',
  'lt',
  'col',
  'capt',
  'cmdr',
  'sgt',
  'cpl',
  'maj',
  'dr',
  'drs',
  'prof',
  'rev',
  'hon',
  'messrs',
  'mr',
  'mrs',
  'ms',
  'pres',
  'supt',
  'det',
  'insp',
  'amb',
  'atty',
]);
const ABBREVIATION = /^[A-Z][A-Za-z]{0,4}$/;
const LOWER_START = /^[a-z]/;

/**
 * wink's sentence boundaries, with the false breaks it makes in news copy mended: after a title it does not know
 * ("Sens. John Smith said…", "Adm. Rogers spoke") and after an abbreviation in parentheses followed by a lower-case
 * word ("Sen. Chris Murphy (D-Conn.) said…"), which detached reporting verbs from their speakers.
 */
function mendFalseBreaks(spans: Array<[number, number]>, values: string[], spaces: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const wordAt = (k: number): string | undefined => (k >= 0 && values[k].trim() !== '' ? values[k] : undefined);
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (prev && continuesAfter(prev[1], span[0])) prev[1] = span[1];
    else out.push([span[0], span[1]]);
  }
  return out;

  function continuesAfter(end: number, nextStart: number): boolean {
    let last = end;
    while (last > 0 && values[last].trim() === '') last--;
    let next = nextStart;
    while (next < values.length - 1 && values[next].trim() === '') next++;
    const v = values[last];
    // "Sen." as one token, or "Sens" + "." with no space between
    if (v.endsWith('.') && v.length > 1 && TITLES.has(v.slice(0, -1).toLowerCase())) return true;
    const before = wordAt(last - 1);
    if (v === '.' && before && spaces[last] === 0 && TITLES.has(before.toLowerCase())) return true;
    // "(D-N.Y.)": a full stop between single capitals is an abbreviation's
    if (v === '.' && before && /^[A-Z]$/u.test(before) && /^[A-Z]\.?$/u.test(values[next] ?? '')) return true;
    // "(D-Conn.) said", "(D-Md.), chair of …": an abbreviation's full stop inside parentheses, then a lower-case
    // word or a comma
    if (
      v === ')' &&
      values[last - 1] === '.' &&
      ABBREVIATION.test(values[last - 2] ?? '') &&
      (LOWER_START.test(values[next] ?? '') || values[next] === ',')
    )
      return true;
    return false;
  }
}

/** Index of the range containing (or last starting before) each offset; offsets must come in increasing order. */
function makeRangeLookup(ranges: Array<{ start: number; end: number }>): (offset: number) => number {
  let current = 0;
  return (offset: number): number => {
    while (current < ranges.length - 1 && offset >= ranges[current + 1].start) current++;
    return current;
  };
}

function assignVoices(doc: SlantDocument): void {
  const { tokens, quotations, sentences } = doc;
  if (!quotations.length) return;
  // Quotations are sorted by start; visit each token's innermost containing quotation with a small stack.
  for (const q of quotations) {
    for (const seg of q.segments) {
      for (let k = doc.tokenIndexAt(seg.start); k < tokens.length && tokens[k].start < seg.end; k++) {
        tokens[k].quotation = q.index; // later (inner) quotations overwrite outer ones
      }
    }
  }
  for (const t of tokens) {
    let q = t.quotation >= 0 ? quotations[t.quotation] : undefined;
    while (q && q.kind === 'scare') q = q.parent >= 0 ? quotations[q.parent] : undefined;
    if (q) t.voice = 'quoted';
  }
  for (const s of sentences) {
    let writer = 0;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (tokens[k].isWord && tokens[k].voice === 'writer') writer++;
    s.writerWordCount = writer;
  }
}
