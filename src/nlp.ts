/**
 * The one module that imports wink-nlp and its English model. It loads the model once per process and turns a
 * text into a {@link SlantDocument} with exact UTF-16 offsets.
 */
import winkNLP from 'wink-nlp';
import allowedProperties from 'wink-nlp/src/allowed.js';
import model from 'wink-eng-lite-web-model';
import {
  SlantDocument,
  type Paragraph,
  type Quotation,
  type QuotationKind,
  type Sentence,
  type Token,
} from './document';
import { addMarkedQuotations, findParagraphs, findQuotations, type RawQuotation } from './quotations';

type Nlp = ReturnType<typeof winkNLP>;
type Its = Nlp['its'];
// wink's typings declare its.lemma with an incompatible parameter type although it is used like its.value.
const lemmaOf = (its: Its): Its['value'] => its.lemma as unknown as Its['value'];
let nlpInstance: Nlp | undefined;

/**
 * wink pipeline components we use: sentence boundaries and POS tags (lemmas need POS). wink's own negation,
 * sentiment and entity recognisers are left out: nothing here reads them, and skipping them makes parsing about
 * 1.5x faster. Tokens, normal forms, types, POS, lemmas and sentences are identical to the full pipeline's
 * (checked on all 2,225 articles of the BBC benchmark corpus).
 */
const WINK_PIPE = ['sbd', 'pos'];

/** wink's lexeme table (string -> index); it gains every out-of-vocabulary word wink reads. */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
}
let lexemes: LexemeTable | undefined;
let intrinsicLexemes = 0;
/** Out-of-vocabulary lexemes kept before the instance is rebuilt, bounding memory on endless corpora. */
const MAX_ADDED_LEXEMES = 300_000;
const ATOMIC_LEXEME = /^[\p{L}\p{N}]+$/u;

/** The shared wink instance; the model (~0.3 s) is loaded on first use only. */
export function getNlp(): Nlp {
  if (!nlpInstance) {
    // The model is wrapped only to keep a handle on the lexeme table wink builds from it (see readDoc below).
    const wrapped = {
      ...model,
      core: () => {
        const core = (model as unknown as { core: () => { features: { lexeme: LexemeTable } } }).core();
        lexemes = core.features.lexeme;
        return core;
      },
    };
    nlpInstance = winkNLP(wrapped as typeof model, WINK_PIPE);
    intrinsicLexemes = lexemes ? lexemes.list.length : 0;
  }
  return nlpInstance;
}

/** wink's analysis of a text, as parallel arrays (one entry per wink token, whitespace tokens included). */
export interface WinkTokens {
  values: string[];
  /** Number of characters (spaces, line breaks, no-break spaces) before each token. */
  spaces: number[];
  normals: string[];
  lemmas: string[];
  pos: string[];
  types: string[];
  /** Sentences as inclusive wink token index ranges. */
  sentences: Array<[number, number]>;
}

/** {@link WinkTokens} of a text, with the text as wink read it (same length; see {@link readableByWink}). */
export interface ReadText extends WinkTokens {
  read: string;
}

/**
 * Longest run of non-space characters given to wink as it is. wink's tokenizer takes time quadratic in the length of
 * such a run (16,000 letters or hyphenated fragments cost 0.3–1.7 s, a megabyte would cost many minutes), and no word
 * or ordinary URL is this long.
 */
export const MAX_RUN = 200;
/**
 * Longest run of whitespace given to wink as it is. wink makes a token of every line break that follows a space and
 * takes time quadratic in a row of such tokens ("\n \n \n…", common in text extracted from HTML: 40,000 characters
 * cost 2.5 s); a longer run is given with its line breaks first, which wink reads as one token.
 */
export const MAX_SPACE_RUN = 64;
/** wink stores at most this many spaces before a token; longer gaps are measured on the text instead. */
const WINK_MAX_SPACES = 65534;

/** Whether a UTF-16 code unit is JavaScript whitespace (`\s`), which is where wink splits raw tokens. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** A long whitespace run with its line breaks first (in their order), then the other spaces: same length. */
function groupLineBreaks(run: string): string {
  let breaks = '';
  let others = '';
  for (let k = 0; k < run.length; k++) {
    if (isLineBreak(run.charCodeAt(k))) breaks += run[k];
    else others += run[k];
  }
  return breaks + others;
}

/**
 * The text as wink is given it, with the same length, so every offset holds for the original: each run of more than
 * {@link MAX_RUN} non-space characters (encoded data, minified code, a pasted blob) becomes as many spaces and yields
 * no tokens, and each whitespace run longer than {@link MAX_SPACE_RUN} has its line breaks grouped. Both keep wink
 * linear in the text's length. Returns the text itself when neither occurs (one scan).
 */
export function readableByWink(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  let runStart = 0;
  let spaceRun = false;
  for (let i = 0; i <= text.length; i++) {
    const space = i < text.length && isSpace(text.charCodeAt(i));
    if (i < text.length && space === spaceRun) continue;
    // the run [runStart, i) ends here
    const length = i - runStart;
    if (!spaceRun && length > MAX_RUN) {
      out ??= [];
      out.push(text.slice(copied, runStart), ' '.repeat(length));
      copied = i;
    } else if (spaceRun && length > MAX_SPACE_RUN) {
      const run = text.slice(runStart, i);
      const grouped = groupLineBreaks(run);
      if (grouped !== run) {
        out ??= [];
        out.push(text.slice(copied, runStart), grouped);
        copied = i;
      }
    }
    runStart = i;
    spaceRun = space;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/** Makes `spaces` exact where wink capped a gap at {@link WINK_MAX_SPACES}, by finding each token in the text read. */
function measureLongGaps(w: WinkTokens, read: string): void {
  let cursor = 0;
  for (let i = 0; i < w.values.length; i++) {
    let start = cursor + w.spaces[i];
    if (w.spaces[i] >= WINK_MAX_SPACES && !read.startsWith(w.values[i], start)) {
      const found = read.indexOf(w.values[i], cursor);
      if (found >= 0) {
        w.spaces[i] = found - cursor;
        start = found;
      }
    }
    cursor = start + w.values[i].length;
  }
}

/**
 * Parses a text with wink, then makes wink forget the out-of-vocabulary words it learnt from it. wink's tokenizer
 * keeps any string it has seen before as one token, so without this the same article is tokenised differently
 * depending on what the process read earlier ("Verizon's" splits in a fresh process, not after some articles: 50 of
 * the 2,225 BBC articles changed). Forgetting makes every parse tokenise as a fresh process would, so results do
 * not depend on order, worker count or resumption.
 */
export function winkTokens(text: string): ReadText {
  const nlp = getNlp();
  const table = lexemes;
  const before = table ? table.list.length : 0;
  const read = readableByWink(text);
  const wdoc = nlp.readDoc(read);
  const out: ReadText = { ...(readRaw(wdoc) ?? readColumns(nlp, wdoc)), read };
  if (read.length > WINK_MAX_SPACES) measureLongGaps(out, read);
  if (table) {
    // Only lookups by string are undone: indexes stay valid because the list is never truncated.
    // A new lexeme made only of letters and digits cannot be split by the tokenizer, so remembering it changes
    // nothing and saves recomputing its features; only composite ones ("Verizon's", "U.S.-led") are forgotten.
    for (let i = before; i < table.list.length; i++) {
      const lexeme = table.list[i];
      if (!ATOMIC_LEXEME.test(lexeme)) delete table.hash[lexeme];
    }
    if (table.list.length - intrinsicLexemes > MAX_ADDED_LEXEMES) nlpInstance = undefined;
  }
  return out;
}

/** wink's public way to read a document: one `out()` pass per property. Exported for tests. */
export function readColumns(nlp: Nlp, wdoc: ReturnType<Nlp['readDoc']>): WinkTokens {
  const its = nlp.its;
  const t = wdoc.tokens();
  return {
    values: t.out(its.value) as string[],
    spaces: (t.out(its.precedingSpaces) as string[]).map((s) => s.length),
    normals: t.out(its.normal) as string[],
    lemmas: t.out(lemmaOf(its)) as string[],
    pos: t.out(its.pos) as string[],
    types: t.out(its.type) as string[],
    sentences: wdoc.sentences().out(its.span) as unknown as Array<[number, number]>,
  };
}

/**
 * The same properties read straight from wink's token array in one pass (about 3x cheaper than six `out()` passes,
 * which cost a third of a parse), with each vocabulary word's normal form, type and lemma (by POS) worked out once
 * per process. wink has no public access to its token array: a reader function is registered as one of the
 * `its.*` properties wink accepts, and called once per document to receive it. If a wink release changes these
 * internals, the reader is never called and `readColumns` does the work. Exported for tests.
 */
export function readRaw(wdoc: ReturnType<Nlp['readDoc']>): WinkTokens | undefined {
  const tokenList = wdoc.tokens();
  const n = tokenList.length();
  if (n === 0 || !rawAccessInstalled) return undefined;
  received = undefined;
  tokenList.itemAt(0).out(receiveRaw as unknown as Nlp['its']['value']);
  const got = received as RawAccess | undefined;
  received = undefined;
  if (!got || got.rdd.numOfTokens !== n) return undefined;
  const { rdd, addons } = got;
  const lemmaOfToken = lemmaOf(getNlp().its) as unknown as (i: number, r: RawDocData, a: unknown) => string;
  const rawLemma = (i: number): string => lemmaOfToken(i, rdd, addons);
  const tk = rdd.tokens;
  const cache = rdd.cache;
  const memo = vocabularyMemo(cache);
  const values = new Array<string>(n);
  const spaces = new Array<number>(n);
  const normals = new Array<string>(n);
  const lemmas = new Array<string>(n);
  const pos = new Array<string>(n);
  const types = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const lexeme = tk[i * TOKEN_SIZE];
    const spacesAndNox = tk[i * TOKEN_SIZE + 1];
    const posIndex = (tk[i * TOKEN_SIZE + 2] & POS_MASK) >>> LEMMA_BITS;
    const count = spacesAndNox & SPACES_MASK;
    spaces[i] = count < SPACES_MASK ? count : (rdd.nonBreakingSpaces[i] ?? '').length;
    values[i] = cache.value(lexeme);
    pos[i] = memo.pos[posIndex] ?? (memo.pos[posIndex] = cache.valueOf('pos', posIndex));
    // an expanded contraction ("ca" + "n't") keeps its normal form and lemma in the token itself
    const contraction = spacesAndNox > CONTRACTION_MIN;
    if (!contraction && lexeme < memo.size) {
      normals[i] = memo.normal[lexeme] ?? (memo.normal[lexeme] = cache.value(cache.normal(lexeme)));
      types[i] = memo.type[lexeme] ?? (memo.type[lexeme] = cache.property(lexeme, 'tokenType') as string);
      const key = lexeme * POS_SLOTS + posIndex;
      let lemma = memo.lemma.get(key);
      if (lemma === undefined) memo.lemma.set(key, (lemma = rawLemma(i)));
      lemmas[i] = lemma;
    } else {
      // contractions and out-of-vocabulary words: not memoised
      normals[i] = cache.value(contraction ? cache.nox(spacesAndNox) : cache.normal(lexeme));
      types[i] = cache.property(lexeme, 'tokenType') as string;
      lemmas[i] = rawLemma(i);
    }
  }
  const sentences = rdd.sentences.map((s): [number, number] => [s[0], s[1]]);
  return { values, spaces, normals, lemmas, pos, types, sentences };
}

/** Layout of wink's token array (wink-nlp src/constants.js): 4 numbers per token. */
const TOKEN_SIZE = 4;
const SPACES_MASK = 0xffff;
const CONTRACTION_MIN = 65535;
const POS_MASK = 0x3f00000;
const LEMMA_BITS = 20;
const POS_SLOTS = 64;

interface WinkCache {
  value(index: number): string;
  normal(index: number): number;
  nox(packed: number): number;
  property(index: number, name: string): unknown;
  valueOf(feature: string, index: number): string;
}
interface RawDocData {
  tokens: number[];
  cache: WinkCache;
  nonBreakingSpaces: Record<number, string>;
  numOfTokens: number;
  sentences: number[][];
}
interface RawAccess {
  rdd: RawDocData;
  addons: unknown;
}

let received: RawAccess | undefined;
function receiveRaw(_index: number, rdd: RawDocData, addons: unknown): number {
  received = { rdd, addons };
  return 0;
}
const rawAccessInstalled = installRawAccess();
function installRawAccess(): boolean {
  const set = (allowedProperties as { its4token?: unknown }).its4token;
  if (!(set instanceof Set)) return false;
  set.add(receiveRaw);
  return true;
}

/** Per-process memo of vocabulary words' properties, indexed by lexeme; rebuilt with the wink instance. */
interface VocabularyMemo {
  cache: WinkCache;
  size: number;
  normal: string[];
  type: string[];
  lemma: Map<number, string>;
  pos: string[];
}
let vocabulary: VocabularyMemo | undefined;
function vocabularyMemo(cache: WinkCache): VocabularyMemo {
  if (!vocabulary || vocabulary.cache !== cache) {
    // preallocated: filling an empty array at scattered indexes would make V8 store it as a slow dictionary
    vocabulary = { cache, size: intrinsicLexemes, normal: new Array<string>(intrinsicLexemes), type: new Array<string>(intrinsicLexemes), lemma: new Map(), pos: [] };
  }
  return vocabulary;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a token has a letter or digit; ASCII is decided without a regular expression (hot path). */
function hasWordChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) return WORD_CHAR.test(value);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}
const SPACE_POS = 'SPACE';

/** A word as tokenised and lemmatised out of context, for compiling lexicon terms. */
export interface TermToken {
  value: string;
  normal: string;
  lemma: string;
  pos: string;
}

const termCache = new Map<string, TermToken[]>();
const MAX_CACHED_TERMS = 200_000;
const TERM_BATCH_SEPARATOR = '\n\n';

function termTokensOf(values: string[], normals: string[], lemmas: string[], pos: string[], from: number, to: number): TermToken[] {
  const out: TermToken[] = [];
  for (let i = from; i < to; i++) {
    if (pos[i] === SPACE_POS || values[i].trim() === '') continue;
    const normal = normals[i] ?? values[i].toLowerCase();
    out.push({ value: values[i], normal, lemma: (lemmas[i] ?? normal).toLowerCase(), pos: pos[i] ?? 'X' });
  }
  return out;
}

/**
 * Tokenises many lexicon terms with one wink call (each term on its own paragraph, so each is its own sentence),
 * and caches the result: compiling a lexicon of thousands of terms costs one parse, not thousands.
 */
export function prepareTerms(terms: Iterable<string>): void {
  const todo = [...new Set(terms)].filter((t) => !termCache.has(t) && !t.includes('\n') && t.trim() !== '');
  if (!todo.length) return;
  const { values, spaces, normals, lemmas, pos } = winkTokens(todo.join(TERM_BATCH_SEPARATOR));
  let termIndex = 0;
  let termEnd = todo[0].length;
  let offset = 0;
  let first = 0;
  for (let i = 0; i <= values.length; i++) {
    const start = i < values.length ? offset + spaces[i] : Infinity;
    // Tokens that start after the current term's end belong to the next term(s).
    while (termIndex < todo.length && start >= termEnd) {
      termCache.set(todo[termIndex], termTokensOf(values, normals, lemmas, pos, first, i));
      first = i;
      termIndex++;
      if (termIndex < todo.length) termEnd += TERM_BATCH_SEPARATOR.length + todo[termIndex].length;
    }
    if (i < values.length) offset = start + values[i].length;
  }
}

/** Tokenises a short phrase (a lexicon term) exactly as a text would be tokenised. */
export function tokenizeTerm(term: string): TermToken[] {
  const cached = termCache.get(term);
  if (cached) return cached;
  const w = winkTokens(term);
  const out = termTokensOf(w.values, w.normals, w.lemmas, w.pos, 0, w.values.length);
  // Words from article text reach here too (attribution checks some sentence-initial nouns): bounded, so that
  // scoring millions of articles cannot grow the cache without end; past the bound a word is simply re-tokenised.
  if (termCache.size < MAX_CACHED_TERMS) termCache.set(term, out);
  return out;
}

/** Titles that stand before a name, so a full stop after them never ends a sentence ("Sens.", "Adm.", "Lt. Gov."). */
const TITLES = new Set([
  'sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'gen', 'gens', 'adm', 'lt', 'col', 'capt', 'cmdr', 'sgt', 'cpl', 'maj',
  'dr', 'drs', 'prof', 'rev', 'hon', 'messrs', 'mr', 'mrs', 'ms', 'pres', 'supt', 'det', 'insp', 'amb', 'atty',
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
    // "(D-Conn.) said": an abbreviation's full stop inside parentheses, then a lower-case word
    if (v === ')' && values[last - 1] === '.' && ABBREVIATION.test(values[last - 2] ?? '') && LOWER_START.test(values[next] ?? '')) return true;
    return false;
  }
}

/** Speech and naming verbs: a short quotation next to one of these has a speaker, so it is not a scare quote. */
const SPEECH_LEMMAS = new Set([
  'say', 'tell', 'call', 'describe', 'write', 'add', 'ask', 'state', 'claim', 'insist', 'warn', 'declare',
  'announce', 'tweet', 'post', 'reply', 'respond', 'explain', 'argue', 'note', 'dub', 'label', 'term', 'brand',
  'deem', 'quote', 'chant', 'shout', 'scream', 'yell', 'urge', 'promise', 'vow', 'admit', 'concede', 'accuse',
  'according', 'recall', 'testify', 'joke', 'complain', 'suggest', 'conclude', 'acknowledge', 'allege', 'mock',
]);
const SCARE_MAX_WORDS = 4;

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
function buildDocument(text: string, wink: ReadText, marked: ReadonlyArray<{ start: number; end: number }> = []): SlantDocument {
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
    if (read.startsWith(value, start)) {
      cursor = start + value.length;
    } else {
      const found = read.indexOf(value, cursor);
      if (found < 0) continue; // wink altered the token: drop it rather than invent offsets
      start = found;
      cursor = found + value.length;
    }
    if (pos[i] === SPACE_POS || value.trim() === '') continue;
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
  const paragraphs: Paragraph[] = paragraphRanges.map((r, index) => ({ index, start: r.start, end: r.end, sentenceStart: 0, sentenceEnd: 0 }));
  let si = 0;
  for (const p of paragraphs) {
    while (si < sentences.length && sentences[si].paragraph < p.index) si++;
    p.sentenceStart = si;
    while (si < sentences.length && sentences[si].paragraph === p.index) si++;
    p.sentenceEnd = si;
  }

  // 4. Quotations, their kinds, and each token's voice.
  const doc = new SlantDocument({ text, tokens, sentences, paragraphs, quotations: [] });
  const quotations = classifyQuotations(doc, addMarkedQuotations(findQuotations(read, paragraphRanges), marked, paragraphRanges));
  for (const q of quotations) doc.quotations.push(q); // no push(...): a spread of a huge array overflows the stack
  assignVoices(doc);
  return doc;
}

/** Index of the range containing (or last starting before) each offset; offsets must come in increasing order. */
function makeRangeLookup(ranges: Array<{ start: number; end: number }>): (offset: number) => number {
  let current = 0;
  return (offset: number): number => {
    while (current < ranges.length - 1 && offset >= ranges[current + 1].start) current++;
    return current;
  };
}

/** Speech or naming verbs among tokens [from, to): prefix sums, built on first use. */
function speechCounter(tokens: Token[]): (from: number, to: number) => number {
  let prefix: Int32Array | undefined;
  return (from, to) => {
    if (!prefix) {
      prefix = new Int32Array(tokens.length + 1);
      for (let k = 0; k < tokens.length; k++) prefix[k + 1] = prefix[k] + (SPEECH_LEMMAS.has(tokens[k].lemma) || SPEECH_LEMMAS.has(tokens[k].normal) ? 1 : 0);
    }
    return to > from ? prefix[to] - prefix[from] : 0;
  };
}

function classifyQuotations(doc: SlantDocument, raw: RawQuotation[]): Quotation[] {
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
 * not introduced by a colon, and no speech or naming verb in the same sentence outside the marks. "so-called"
 * always makes what follows a scare quote.
 */
function isScareQuote(doc: SlantDocument, q: RawQuotation, inside: Token[], words: number, speech: (from: number, to: number) => number): boolean {
  if (words === 0 || words > SCARE_MAX_WORDS) return words === 0;
  const lastInside = inside[inside.length - 1];
  if (lastInside && /^[.,!?…]$/u.test(lastInside.value)) return false;
  const before = doc.tokenIndexAt(q.start) - 1;
  const prev = before >= 0 ? doc.tokens[before] : undefined;
  if (prev && prev.normal === 'called' && before >= 2 && doc.tokens[before - 2].normal === 'so') return true;
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
