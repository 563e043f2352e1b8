/**
 * The one module that imports wink-nlp and its English model: it loads the model once per process and reads texts
 * and lexicon terms with it (tokens, sentences, POS tags, lemmas). Building the document model from that reading is
 * src/document/build.ts.
 */
import winkNLP from 'wink-nlp';
import allowedProperties from 'wink-nlp/src/allowed.js';
import model from 'wink-eng-lite-web-model';

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
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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
      if (lemma === undefined) memo.lemma.set(key, (lemma = hasStrayLemma(cache, lexeme) ? NO_LEMMA : rawLemma(i)));
      lemmas[i] = lemma === NO_LEMMA ? (undefined as unknown as string) : lemma;
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

/**
 * Memo value for a vocabulary word whose model entry gives no usable lemma. wink's lite model points the single lemma
 * of 864 contraction forms ("cannot", "can't", "ain't"…, when not split) past the end of its own lexeme table, so
 * wink returns undefined in a fresh process and, once the process has learnt some 40,000 new words, whichever word
 * sits there ("cannot" → "Elmendorf"): the report of a text then depended on what the process read before (3 of
 * the 9,589 snapshot texts). Such a lemma is read as missing, as in a fresh process; the word's normal form is used.
 */
const NO_LEMMA = '\u0000';
function hasStrayLemma(cache: WinkCache, lexeme: number): boolean {
  const mapped = cache.mappedSpelling(lexeme);
  return cache.property(mapped, 'isSLemma') === 1 && (cache.property(mapped, 'lemma') as number) >= intrinsicLexemes;
}

interface WinkCache {
  mappedSpelling(index: number): number;
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
    vocabulary = {
      cache,
      size: intrinsicLexemes,
      normal: new Array<string>(intrinsicLexemes),
      type: new Array<string>(intrinsicLexemes),
      lemma: new Map(),
      pos: [],
    };
  }
  return vocabulary;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a token has a letter or digit; ASCII is decided without a regular expression (hot path). */
export function hasWordChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) return WORD_CHAR.test(value);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}
export const SPACE_POS = 'SPACE';

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
  for (const [term, tokens] of tokenizeTermBatch(todo)) termCache.set(term, tokens);
}

/** Tokenises terms (distinct, one line each) with one wink parse, without the cache. */
export function tokenizeTermBatch(todo: readonly string[]): Map<string, TermToken[]> {
  const out = new Map<string, TermToken[]>();
  if (!todo.length) return out;
  const { values, spaces, normals, lemmas, pos } = winkTokens(todo.join(TERM_BATCH_SEPARATOR));
  let termIndex = 0;
  let termEnd = todo[0].length;
  let offset = 0;
  let first = 0;
  for (let i = 0; i <= values.length; i++) {
    const start = i < values.length ? offset + spaces[i] : Infinity;
    // Tokens that start after the current term's end belong to the next term(s).
    while (termIndex < todo.length && start >= termEnd) {
      out.set(todo[termIndex], termTokensOf(values, normals, lemmas, pos, first, i));
      first = i;
      termIndex++;
      if (termIndex < todo.length) termEnd += TERM_BATCH_SEPARATOR.length + todo[termIndex].length;
    }
    if (i < values.length) offset = start + values[i].length;
  }
  return out;
}

/**
 * Fills the term cache with tokenisations made earlier (the built-in lexicons' terms, generated by
 * scripts/term-tokens.ts): compiling the built-in lexicons then needs no full parse. Terms already cached are kept.
 */
export function seedTermTokens(entries: Iterable<readonly [string, TermToken[]]>): void {
  for (const [term, tokens] of entries) if (!termCache.has(term)) termCache.set(term, tokens);
}

/** The term cache in insertion order (for scripts/term-tokens.ts, which writes it out). */
export function cachedTermTokens(): ReadonlyMap<string, TermToken[]> {
  return termCache;
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
