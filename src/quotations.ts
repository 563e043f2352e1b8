/**
 * Finds quotations in raw text, before tokenisation: straight and curly double quotes, guillemets, German
 * „…“, single-quote quotations where they are clearly quotations (not apostrophes), nesting, and the news
 * convention of a quotation that runs over several paragraphs, re-opened at each paragraph start and closed
 * only at its end. Then classifies them (direct, block, or a scare quote: a few words with no speaker).
 */
import type { Quotation, QuotationKind, SlantDocument, Token } from './document';
import { soCalledFrom } from './distancing';

export interface RawQuotation {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  segments: Array<{ start: number; end: number }>;
  parent: number;
  closed: boolean;
  /** Marked as a quotation by the input's markup (<blockquote>, <q>, a Markdown block quote), not by quotation marks. */
  marked?: boolean;
}

interface Range {
  start: number;
  end: number;
}

const DOUBLE_OPENERS = new Set(['“', '„', '«', '‟']);
const DOUBLE_CLOSERS = new Set(['”', '»']);
const SINGLE_OPENERS = new Set(['‘', '‹', '‚']);
const SINGLE_CLOSERS = new Set(['’', '›']);
const QUOTE_MARK = /["“”„‟«»'‘’‹›‚]/g;
/**
 * Double quotations open at once in one paragraph, at most. Real text stays far below it: over 9,589 news and
 * corpus texts quotations nest at most 13 deep (mostly mispaired marks), 4 or more in 1.5% of texts.
 */
const MAX_DOUBLE_NESTING = 16;
/** Longest single-quoted passage looked for, in characters (even a paragraph-long quotation in British style is shorter). */
const MAX_SINGLE_QUOTE = 2000;
const OPEN_CONTEXT_BEFORE = /[\s([{\u2014\u2013\-/“„«‘‹:]/u;
const CLOSE_CONTEXT_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-…"”»’›']/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER_START = /^\s+\p{Ll}/u;
/** Elisions that start with an apostrophe: 'em, 'tis, '90s, rock 'n' roll. */
const ELISION_AFTER = /^(?:em|tis|twas|til|till|cause|bout|n|round|cos|s)\b|^\d0s\b|^\d\d\b/iu;

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);

/**
 * Two straight apostrophes stand for a double quotation mark in some newspapers' text (''…'', the New York Times
 * archive's convention): one mark of width 2.
 */
const isDoubleApostrophe = (text: string, i: number, hi: number): boolean => text[i] === "'" && i + 1 < hi && text[i + 1] === "'";

/** Whether a straight or curly double mark at `i` (`width` characters) opens, closes, or cannot tell from its neighbours. */
function doubleContext(text: string, i: number, lo: number, hi: number, width = 1): 'open' | 'close' | 'either' {
  const before = i > lo ? text[i - 1] : undefined;
  const after = i + width < hi ? text[i + width] : undefined;
  const opens = (before === undefined || OPEN_CONTEXT_BEFORE.test(before)) && !isSpace(after);
  const closes = before !== undefined && !isSpace(before) && (after === undefined || CLOSE_CONTEXT_AFTER.test(after));
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return 'either';
}

function isSingleOpener(text: string, i: number, lo: number, hi: number): boolean {
  const c = text[i];
  if (c !== "'" && !SINGLE_OPENERS.has(c)) return false;
  const before = i > lo ? text[i - 1] : undefined;
  const after = i + 1 < hi ? text[i + 1] : undefined;
  if (!(before === undefined || OPEN_CONTEXT_BEFORE.test(before) || before === '"')) return false;
  if (after === undefined || !(LETTER_OR_DIGIT.test(after) || after === '"' || after === '“')) return false;
  return !ELISION_AFTER.test(text.slice(i + 1, Math.min(hi, i + 8)));
}

function isSingleCloser(text: string, i: number, lo: number, hi: number): boolean {
  const c = text[i];
  if (c !== "'" && !SINGLE_CLOSERS.has(c)) return false;
  const before = i > lo ? text[i - 1] : undefined;
  const after = i + 1 < hi ? text[i + 1] : undefined;
  if (before === undefined || isSpace(before)) return false;
  return after === undefined || CLOSE_CONTEXT_AFTER.test(after);
}

/**
 * The closing single mark for an opener at `i`, within [i+1, hi). A plural possessive ("the Joneses' car") looks
 * like a closer; it is skipped when a later closer exists before the next opener.
 */
function findSingleCloser(text: string, i: number, lo: number, hi: number): number {
  let candidate = -1;
  // Past a possessive-looking closer the search goes on to the paragraph's end: bounded, so that a paragraph of
  // openers and possessives costs time linear in its length.
  const end = Math.min(hi, i + 1 + MAX_SINGLE_QUOTE);
  for (let j = i + 1; j < end; j++) {
    const c = text[j];
    if (c === '"' || DOUBLE_OPENERS.has(c) || DOUBLE_CLOSERS.has(c) || isDoubleApostrophe(text, j, hi)) break;
    if (j > i + 1 && isSingleOpener(text, j, lo, hi) && candidate < 0) break;
    if (!isSingleCloser(text, j, lo, hi)) continue;
    const possessive = text[j - 1] === 's' && LOWER_START.test(text.slice(j + 1, j + 3));
    if (!possessive) return j;
    if (candidate < 0) candidate = j;
  }
  return candidate;
}

interface Open {
  mark: string;
  start: number;
  contentStart: number;
  segments: Range[];
}

/** Splits text into paragraphs: maximal runs between line breaks, trimmed, never empty. */
export function findParagraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /[^\r\n\u2028\u2029]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

function trimRange(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** True when the text in [from, to) ends a sentence: a full stop, "?" or "!" (a closing bracket may follow), then space. */
function endsSentence(text: string, from: number, to: number): boolean {
  const { start, end: e } = trimRange(text, from, to);
  if (e === to || e <= start) return false;
  let k = e - 1;
  if (text[k] === ')' || text[k] === ']') k--;
  return k >= start && (text[k] === '.' || text[k] === '?' || text[k] === '!' || text[k] === '…');
}

/** True when the paragraph closes a carried quotation before it opens a new one (a wrapped line). */
function closesBeforeOpening(text: string, p: Range): boolean {
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (DOUBLE_CLOSERS.has(c)) return true;
    if (DOUBLE_OPENERS.has(c)) return false;
    if (c === '"') return doubleContext(text, i, p.start, p.end) === 'close';
    if (isDoubleApostrophe(text, i, p.end)) return doubleContext(text, i, p.start, p.end, 2) === 'close';
  }
  return false;
}

export function findQuotations(text: string, paragraphs: Range[]): RawQuotation[] {
  const out: RawQuotation[] = [];
  let carry: Open | undefined;

  // Parents are recomputed from positions at the end (fixParents).
  const emit = (o: Open, end: number, closed: boolean, contentEnd: number): void => {
    const segs = o.segments.filter((s) => s.end > s.start);
    out.push({
      start: o.start,
      end,
      contentStart: segs.length ? segs[0].start : o.contentStart,
      contentEnd: segs.length ? segs[segs.length - 1].end : contentEnd,
      segments: segs.length ? segs : [{ start: o.contentStart, end: contentEnd }],
      parent: -1,
      closed,
    });
  };
  const finish = (o: Open, end: number, closed: boolean, contentEnd: number): void => {
    o.segments.push(trimRange(text, o.contentStart, contentEnd));
    emit(o, end, closed, contentEnd);
  };

  const marks: number[] = [];
  QUOTE_MARK.lastIndex = 0;
  for (let m = QUOTE_MARK.exec(text); m; m = QUOTE_MARK.exec(text)) marks.push(m.index);
  let nextMark = 0;

  paragraphs.forEach((p, pIndex) => {
    const stack: Open[] = [];
    let i = p.start;
    if (carry) {
      const first = text[p.start];
      const width = isDoubleApostrophe(text, p.start, p.end) ? 2 : 1;
      const reopens = first === '"' || DOUBLE_OPENERS.has(first) || width === 2;
      if (reopens || closesBeforeOpening(text, p)) {
        carry.contentStart = reopens ? p.start + width : p.start;
        stack.push(carry);
        if (reopens) i = p.start + width;
      } else {
        const prev = paragraphs[pIndex - 1];
        finish(carry, prev.end, false, prev.end);
      }
      carry = undefined;
    }
    const consumedSingles = new Set<number>();
    const singlePairs: Array<[number, number]> = [];
    // Visit only the quotation marks: the scan costs the number of marks, not of characters.
    while (nextMark < marks.length && marks[nextMark] < i) nextMark++;
    for (; nextMark < marks.length && marks[nextMark] < p.end; nextMark++) {
      i = marks[nextMark];
      const c = text[i];
      const width = isDoubleApostrophe(text, i, p.end) ? 2 : 1;
      const isDoubleMark = c === '"' || DOUBLE_OPENERS.has(c) || DOUBLE_CLOSERS.has(c) || width === 2;
      if (isDoubleMark) {
        if (width === 2) nextMark++; // the second apostrophe is part of this mark
        const top = stack.length ? stack[stack.length - 1] : undefined;
        let role: 'open' | 'close';
        if (DOUBLE_CLOSERS.has(c)) role = top ? 'close' : doubleContext(text, i, p.start, p.end) === 'open' ? 'open' : 'close';
        else if (c === '“' && top && (top.mark === '„' || doubleContext(text, i, p.start, p.end) === 'close')) role = 'close';
        else if (c !== '"' && width === 1) role = 'open';
        else {
          const ctx = doubleContext(text, i, p.start, p.end, width);
          role = ctx === 'either' ? (top ? 'close' : 'open') : ctx;
        }
        if (role === 'open') {
          // "We lost. "It will not happen again." A double mark that opens a new sentence inside a quotation opened by
          // the same mark re-opens the quotation (its closer was left out, as when paragraphs run together): it ends
          // the open one there. Nesting the two would leave the outer open to some far closer, and everything
          // between in the quoted voice. A quotation inside a quotation takes the other kind of mark.
          if (top && top.mark === c && (c === '"' || c === '“') && endsSentence(text, top.contentStart, i)) {
            stack.pop();
            finish(top, trimRange(text, top.contentStart, i).end, false, i);
          }
          // A guard, not a rule of quotation: past this depth an opener is left as text, so that a run of stray
          // openers cannot nest without end (each open quotation spans the rest of the paragraph: quadratic time).
          if (stack.length >= MAX_DOUBLE_NESTING) continue;
          stack.push({ mark: c, start: i, contentStart: i + width, segments: [] });
        } else if (top) {
          stack.pop();
          finish(top, i + width, true, i);
        }
        continue;
      }
      if (consumedSingles.has(i)) continue;
      if (isSingleOpener(text, i, p.start, p.end)) {
        const j = findSingleCloser(text, i, p.start, p.end);
        if (j > i + 1) {
          consumedSingles.add(j);
          singlePairs.push([i, j]);
        }
      }
    }
    // Single-quote pairs (nested or top-level); their parents come from positions in fixParents.
    for (const [s, e] of singlePairs) {
      const content = trimRange(text, s + 1, e);
      if (content.end <= content.start) continue;
      out.push({
        start: s,
        end: e + 1,
        contentStart: content.start,
        contentEnd: content.end,
        segments: [content],
        parent: -1,
        closed: true,
      });
    }
    // An unclosed outermost double quotation may continue in the next paragraph; inner ones end here.
    while (stack.length > 1) {
      const inner = stack.pop() as Open;
      finish(inner, p.end, false, p.end);
    }
    if (stack.length === 1) {
      const o = stack[0];
      o.segments.push(trimRange(text, o.contentStart, p.end));
      o.contentStart = p.end;
      carry = o;
    }
  });
  if (carry) {
    const last = paragraphs[paragraphs.length - 1];
    emit(carry, last.end, false, last.end);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return fixParents(out);
}

/** After sorting by position, recompute each quotation's parent as the innermost one containing it. */
function fixParents(qs: RawQuotation[]): RawQuotation[] {
  const stack: number[] = [];
  qs.forEach((q, i) => {
    while (stack.length && qs[stack[stack.length - 1]].end <= q.start) stack.pop();
    q.parent = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
  });
  return qs;
}

/**
 * Adds the ranges that markup marks as quotations (see ExtractedInput.quotations) to those found by their marks:
 * a range already covered by a quotation in marks is left to it; the rest become quotations (one segment per
 * paragraph), never scare quotes.
 */
export function addMarkedQuotations(found: RawQuotation[], marked: ReadonlyArray<Range>, paragraphs: Range[]): RawQuotation[] {
  if (!marked.length) return found;
  const out = [...found];
  for (const r of marked) {
    if (r.end <= r.start || found.some((q) => q.start <= r.start && q.end >= r.end)) continue;
    const segments = paragraphs
      .filter((p) => p.end > r.start && p.start < r.end)
      .map((p) => ({ start: Math.max(p.start, r.start), end: Math.min(p.end, r.end) }));
    if (!segments.length) continue;
    out.push({
      start: r.start,
      end: r.end,
      contentStart: segments[0].start,
      contentEnd: segments[segments.length - 1].end,
      segments,
      parent: -1,
      closed: true,
      marked: true,
    });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return fixParents(out);
}

/** Speech and naming verbs: a short quotation next to one of these has a speaker, so it is not a scare quote. */
const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'call',
  'describe',
  'write',
  'add',
  'ask',
  'state',
  'claim',
  'insist',
  'warn',
  'declare',
  'announce',
  'tweet',
  'post',
  'reply',
  'respond',
  'explain',
  'argue',
  'note',
  'dub',
  'label',
  'term',
  'brand',
  'deem',
  'quote',
  'chant',
  'shout',
  'scream',
  'yell',
  'urge',
  'promise',
  'vow',
  'admit',
  'concede',
  'accuse',
  'according',
  'recall',
  'testify',
  'joke',
  'complain',
  'suggest',
  'conclude',
  'acknowledge',
  'allege',
  'mock',
]);
const SCARE_MAX_WORDS = 4;

/** Speech or naming verbs among tokens [from, to): prefix sums, built on first use. */
function speechCounter(tokens: Token[]): (from: number, to: number) => number {
  let prefix: Int32Array | undefined;
  return (from, to) => {
    if (!prefix) {
      prefix = new Int32Array(tokens.length + 1);
      for (let k = 0; k < tokens.length; k++)
        prefix[k + 1] =
          prefix[k] + ((SPEECH_LEMMAS.has(tokens[k].lemma) || SPEECH_LEMMAS.has(tokens[k].normal)) && soCalledFrom(tokens, k) < 0 ? 1 : 0);
    }
    return to > from ? prefix[to] - prefix[from] : 0;
  };
}

/** Quotations with their kinds (direct, block, scare), word counts and sentences, from the raw marks found. */
export function classifyQuotations(doc: SlantDocument, raw: RawQuotation[]): Quotation[] {
  // counted, not scanned per quotation: a long unbroken sentence full of short quotations stays linear
  const speech = speechCounter(doc.tokens);
  return raw.map((q, index) => {
    const inside = doc.tokensIn(q.contentStart, q.contentEnd);
    let words = 0;
    for (const t of inside) if (t.isWord) words++;
    const firstToken = doc.tokens[doc.tokenIndexAt(q.start)];
    const sentence = firstToken ? firstToken.sentence : 0;
    let kind: QuotationKind = q.segments.length > 1 ? 'block' : 'direct';
    if (kind === 'direct' && q.parent < 0 && !q.marked && isScareQuote(doc, q, inside, words, speech)) kind = 'scare';
    return {
      index,
      start: q.start,
      end: q.end,
      contentStart: q.contentStart,
      contentEnd: q.contentEnd,
      segments: q.segments,
      kind,
      parent: q.parent,
      closed: q.closed,
      wordCount: words,
      sentence,
    };
  });
}

/**
 * A scare quote: a few words, not ending like a quoted utterance (no final comma or full stop inside the marks),
 * not introduced by a colon, and no speech or naming verb in the same sentence outside the marks ("called" of
 * "so-called" is none). "so-called" (or "so called") always makes what follows a scare quote.
 */
function isScareQuote(
  doc: SlantDocument,
  q: RawQuotation,
  inside: Token[],
  words: number,
  speech: (from: number, to: number) => number,
): boolean {
  if (words === 0 || words > SCARE_MAX_WORDS) return words === 0;
  const lastInside = inside[inside.length - 1];
  if (lastInside && /^[.,!?…]$/u.test(lastInside.value)) return false;
  const before = doc.tokenIndexAt(q.start) - 1;
  const prev = before >= 0 ? doc.tokens[before] : undefined;
  if (prev && soCalledFrom(doc.tokens, before) >= 0) return true;
  if (prev && prev.value === ':') return false;
  const sentence = doc.sentences[doc.tokens[doc.tokenIndexAt(q.contentStart)]?.sentence ?? 0];
  if (!sentence) return true;
  // the sentence's tokens within the marks are one run [a, b)
  const tokens = doc.tokens;
  let a = Math.max(sentence.tokenStart, doc.tokenIndexAt(q.start));
  while (a < sentence.tokenEnd && tokens[a].start < q.start) a++;
  let b = a;
  while (b < sentence.tokenEnd && tokens[b].end <= q.end) b++;
  return speech(sentence.tokenStart, sentence.tokenEnd) === speech(a, b);
}
