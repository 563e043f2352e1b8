import afinnLanguage from 'sentiment/languages/en/index.js';
import { defineLayer, type SlantDocument, type Token } from './document';
import { compileFramesModel, type CompiledFramesModel } from './frames-model';
import { builtinFramesModel, builtinLexicons } from './lexicon/builtin';
import { compileLexicon, type CompiledLexicon } from './lexicon/load';
import { compileSlots, compileTerm, type LexiconMatch } from './lexicon/matcher';
import type { LexiconEntry } from './lexicon/schema';

/**
 * One pass over a document's tokens that gathers everything the framing, tone, certainty and agency analyzers read
 * token by token: the matches of their four built-in lexicons, the lemma counts of the built-in frames model, the
 * AFINN word scores, and the verbs. Each token costs one or two map lookups, whatever the four need from it, and the
 * result is computed once per document and shared. A lexicon or model the user replaced is read by the analyzer on
 * its own (`lex.matcher.match(doc)`), which gives the same matches: this pass follows the semantics of
 * src/lexicon/matcher.ts (test/analyzers/stance-scan.test.ts compares the two).
 */

/** The lexicons matched here, in this order. */
export const SCAN_LEXICONS = ['en/frame-cues', 'en/certainty', 'en/tone-adjustments', 'en/agency'] as const;
/** Entries matched in other ways (agency: looked up by the head word after "by"), left out of the pass. */
const NOT_MATCHED: Readonly<Record<string, ReadonlySet<string>>> = { 'en/agency': new Set(['means', 'not-agent']) };

type PatternToken = ReturnType<typeof compileTerm>[number];

interface Pattern {
  entry: LexiconEntry;
  term: string;
  member: number;
  tokens: PatternToken[];
  stamp: number;
}

interface Compiled {
  members: CompiledLexicon[];
  model: CompiledFramesModel;
  /**
   * Every string the pass looks up (vocabulary lemmas, AFINN words, first words of patterns), by id. The facts about
   * each id live in the arrays below, so that a lookup reads one small integer, not an object.
   */
  ids: Map<string, number>;
  /** Index in the built-in frames model's vocabulary (when the string is a lemma), or -1. */
  vocab: Int16Array;
  /** AFINN score (when the string is a normal form), or 0. */
  afinn: Int8Array;
  /** Patterns whose first token the string matches as a normal form / as a lemma. */
  byNormal: Array<Pattern[] | null>;
  byLemma: Array<Pattern[] | null>;
  /** byNormal then byLemma without repeats: the candidates of a token whose lemma is its normal form. */
  byBoth: Array<Pattern[] | null>;
  /** Patterns starting with `*`. */
  general: Pattern[];
  patterns: Pattern[];
  /** True when every pattern starts with a word (letter or digit): tokens without one are skipped. */
  wordStartsOnly: boolean;
  /** Count of positions tried so far: a pattern marked with the current count was already tried at this position. */
  stamp: number;
}

/** The result of the pass over one document. */
export interface StanceScan {
  /** Matches per lexicon of {@link SCAN_LEXICONS}, in the matcher's order (text order, longer first at one position). */
  matches: LexiconMatch[][];
  /** Tokens of wink type "word", and sentences holding at least one. */
  words: number;
  wordSentences: number;
  /** Built-in frames model: vocabulary indices seen (each once) and how many words had that lemma. */
  vocabIndex: Int32Array;
  vocabCount: Int32Array;
  /** Tokens (word-like) with an AFINN score, and the score. */
  afinnTokens: Int32Array;
  afinnScores: Int8Array;
  /** Tokens tagged VERB. */
  verbs: Int32Array;
}

let compiled: Compiled | undefined;
/** The shared pass as a document layer: computed once per document, on first use. */
const stanceScanLayer = defineLayer('stance-scan', (doc: SlantDocument) => scan(doc));

function compile(): Compiled {
  const members = SCAN_LEXICONS.map((id) => compileLexicon(builtinLexicons[id], `built-in ${id}`));
  const model = compileFramesModel(builtinFramesModel, 'built-in en/frames');
  const ids = new Map<string, number>();
  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const byNormal: Array<Pattern[] | null> = [];
  const byLemma: Array<Pattern[] | null> = [];
  const add = (table: Array<Pattern[] | null>, key: string, p: Pattern): void => {
    const id = idOf(key);
    const list = table[id] ?? (table[id] = []);
    if (!list.includes(p)) list.push(p);
  };
  const general: Pattern[] = [];
  const patterns: Pattern[] = [];
  members.forEach((lex, member) => {
    const skip = NOT_MATCHED[lex.id];
    const slots = compileSlots(lex.lexicon);
    for (const entry of lex.lexicon.entries) {
      if (skip?.has(entry.category)) continue;
      for (const term of entry.terms) {
        const tokens = compileTerm(term, entry.match, slots, [], `${lex.id} entry "${entry.id}"`);
        if (!tokens.length) continue;
        const p: Pattern = { entry, term, member, tokens, stamp: 0 };
        patterns.push(p);
        const first = tokens[0];
        if (first.kind === 'any') general.push(p);
        else if (first.kind === 'slot') {
          for (const w of first.words) {
            add(byNormal, w, p);
            add(byLemma, w, p);
          }
        } else {
          add(byNormal, first.normal, p);
          if (first.byLemma) add(byLemma, first.lemma, p);
        }
      }
    }
  });
  model.lemmaIndex.forEach((_, lemma) => idOf(lemma));
  const words = Object.entries(afinnLanguage.labels).filter(([w]) => !/\s/u.test(w));
  for (const [w] of words) idOf(w);
  const vocab = new Int16Array(ids.size).fill(-1);
  const afinn = new Int8Array(ids.size);
  model.lemmaIndex.forEach((j, lemma) => {
    vocab[ids.get(lemma) as number] = j;
  });
  for (const [w, score] of words) afinn[ids.get(w) as number] = score;
  const byBoth: Array<Pattern[] | null> = [];
  for (let id = 0; id < ids.size; id++) {
    byNormal[id] ??= null;
    byLemma[id] ??= null;
    const both = [...(byNormal[id] ?? [])];
    for (const p of byLemma[id] ?? []) if (!both.includes(p)) both.push(p);
    byBoth[id] = both.length ? both : null;
  }
  const wordy = /[\p{L}\p{N}]/u;
  const wordStartsOnly = patterns.every((p) => {
    const f = p.tokens[0];
    return f.kind === 'any' || (f.kind === 'slot' ? [...f.words].every((w) => wordy.test(w)) : wordy.test(f.normal));
  });
  if (model.lemmaIndex.size > 32767) throw new Error('frames model vocabulary too large for the shared pass');
  return { members, model, ids, vocab, afinn, byNormal, byLemma, byBoth, general, patterns, wordStartsOnly, stamp: 0 };
}

/**
 * Id of `key` in the compiled tables, or -1. A plain map lookup: V8 keeps a string's hash in the string, and a
 * token's normal form and lemma are strings memoised per vocabulary word (src/nlp.ts), so the hash is computed once.
 */
function lookup(c: Compiled, key: string): number {
  const id = c.ids.get(key);
  return id === undefined ? -1 : id;
}

/** The compiled lexicons and model this pass serves (the built-in ones). */
function compiledScan(): Compiled {
  compiled ??= compile();
  return compiled;
}

/** Index of `lex` among the lexicons of the pass, or -1 when it is not the built-in one (the user replaced it). */
export function scanMember(lex: CompiledLexicon): number {
  return compiledScan().members.indexOf(lex);
}

/** True when `model` is the built-in frames model, whose lemma counts the pass gathers. */
export function isScanModel(model: CompiledFramesModel): boolean {
  return compiledScan().model === model;
}

/** As src/lexicon/matcher.ts: a capitalised plural read as a proper noun also matches by its singular. */
function singularOf(t: Token): string | undefined {
  return t.pos === 'PROPN' && t.normal.length > 3 && t.normal.endsWith('s') && !t.normal.endsWith('ss') ? t.normal.slice(0, -1) : undefined;
}

function tokenMatches(pt: PatternToken, t: Token): boolean {
  if (pt.kind === 'any') return t.isWord;
  if (pt.kind === 'slot') {
    if (pt.words.has(t.normal) || pt.words.has(t.lemma)) return true;
    const singular = singularOf(t);
    return singular !== undefined && pt.words.has(singular);
  }
  if (t.normal === pt.normal) return true;
  if (!pt.byLemma) return false;
  if (t.lemma === pt.lemma) return true;
  const singular = singularOf(t);
  return singular !== undefined && singular === pt.lemma;
}

function lastWord(tokens: Token[], first: number, last: number): Token {
  for (let k = last; k > first; k--) if (tokens[k].isWord) return tokens[k];
  return tokens[first];
}

/** The pattern's tokens from `i` on, within the sentence, and the entry's POS and context conditions. */
function matchAt(p: Pattern, tokens: Token[], i: number): number {
  const n = p.tokens.length;
  const last = i + n - 1;
  if (last >= tokens.length) return -1;
  const sentence = tokens[i].sentence;
  for (let k = 1; k < n; k++) {
    const t = tokens[i + k];
    if (t.sentence !== sentence || !tokenMatches(p.tokens[k], t)) return -1;
  }
  const e = p.entry;
  if (e.pos && !e.pos.includes(lastWord(tokens, i, last).pos as never)) return -1;
  if (e.unless?.before && i > 0 && tokens[i - 1].sentence === sentence && e.unless.before.includes(tokens[i - 1].normal)) return -1;
  if (e.unless?.after && tokens[last + 1]?.sentence === sentence && e.unless.after.includes(tokens[last + 1].normal)) return -1;
  return last;
}

/** The matches found at one position (longest first), reused from position to position within one scan. */
interface Found {
  pattern: Pattern[];
  last: number[];
  n: number;
}

/** Tries each pattern of `list` (once per position, by stamp) at token `i`; matches go to the found buffers. */
function tryPatterns(found: Found, list: Pattern[], tokens: Token[], i: number, st: number): void {
  const foundPattern = found.pattern;
  const foundLast = found.last;
  for (let k = 0; k < list.length; k++) {
    const p = list[k];
    if (p.stamp === st) continue;
    p.stamp = st;
    if (p.tokens.length > 1) {
      // quick reject on the second token (most multi-word candidates fail there)
      const next = tokens[i + 1];
      if (next === undefined || next.sentence !== tokens[i].sentence || !tokenMatches(p.tokens[1], next)) continue;
    }
    const last = matchAt(p, tokens, i);
    if (last < 0) continue;
    // insertion keeps longer matches first and equal spans in the order found (by normal form, by lemma, ...),
    // which is the matcher's order
    let j = found.n++;
    while (j > 0 && foundLast[j - 1] < last) {
      foundPattern[j] = foundPattern[j - 1];
      foundLast[j] = foundLast[j - 1];
      j--;
    }
    foundPattern[j] = p;
    foundLast[j] = last;
  }
}

function scan(doc: SlantDocument): StanceScan {
  const c = compiledScan();
  const { general } = c;
  const tokens = doc.tokens;
  const n = tokens.length;
  const matches: LexiconMatch[][] = c.members.map(() => []);
  const V = c.model.lemmaIndex.size;
  const vocabCounts = new Int32Array(V);
  const vocabSeen = new Int32Array(V);
  // one buffer, three lists: AFINN tokens from 0, their scores from n, verbs from 2n
  const buffer = new Int32Array(3 * n);
  const found: Found = { pattern: [], last: [], n: 0 };
  let nSeen = 0;
  let nAfinn = 0;
  let nVerbs = 0;
  let words = 0;
  let wordSentences = 0;
  let lastWordSentence = -1;
  const skipNonWords = c.wordStartsOnly;

  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.type === 'word') {
      words++;
      if (t.sentence !== lastWordSentence) {
        lastWordSentence = t.sentence;
        wordSentences++;
      }
    }
    if (!t.isWord && skipNonWords) continue;
    const normalId = lookup(c, t.normal);
    const lemmaId = t.lemma === t.normal ? normalId : lookup(c, t.lemma);
    if (lemmaId >= 0 && t.type === 'word') {
      const j = c.vocab[lemmaId];
      if (j >= 0 && vocabCounts[j]++ === 0) vocabSeen[nSeen++] = j;
    }
    if (t.pos === 'VERB') buffer[2 * n + nVerbs++] = i;
    if (normalId >= 0 && c.afinn[normalId] !== 0 && t.isWord) {
      buffer[nAfinn] = i;
      buffer[n + nAfinn++] = c.afinn[normalId];
    }
    // candidate patterns starting here: by normal form, by lemma, by a proper noun's singular, and wildcards
    const same = normalId === lemmaId;
    const a = normalId < 0 ? null : same ? c.byBoth[normalId] : c.byNormal[normalId];
    const b = lemmaId < 0 || same ? null : c.byLemma[lemmaId];
    const singular = t.pos === 'PROPN' ? singularOf(t) : undefined;
    const singularId = singular === undefined ? -1 : lookup(c, singular);
    const s = singularId < 0 ? null : c.byLemma[singularId];
    if (a === null && b === null && s === null && (!general.length || !t.isWord)) continue;
    const st = ++c.stamp;
    found.n = 0;
    if (a !== null) tryPatterns(found, a, tokens, i, st);
    if (b !== null) tryPatterns(found, b, tokens, i, st);
    if (s !== null) tryPatterns(found, s, tokens, i, st);
    if (general.length && t.isWord) tryPatterns(found, general, tokens, i, st);
    for (let k = 0; k < found.n; k++) {
      const p = found.pattern[k];
      const last = found.last[k];
      matches[p.member].push({ entry: p.entry, term: p.term, first: i, last, start: t.start, end: tokens[last].end });
    }
  }

  const vocabIndex = new Int32Array(nSeen);
  const vocabCount = new Int32Array(nSeen);
  for (let k = 0; k < nSeen; k++) {
    const j = vocabSeen[k];
    vocabIndex[k] = j;
    vocabCount[k] = vocabCounts[j];
  }
  return {
    matches,
    words,
    wordSentences,
    vocabIndex,
    vocabCount,
    afinnTokens: buffer.slice(0, nAfinn),
    afinnScores: new Int8Array(buffer.subarray(n, n + nAfinn)),
    verbs: buffer.slice(2 * n, 2 * n + nVerbs),
  };
}

/** The pass over `doc`, computed on first use and shared by the four analyzers. */
export function stanceScan(doc: SlantDocument): StanceScan {
  return doc.layer(stanceScanLayer);
}

/**
 * The matches of `lex` in `doc`, in the matcher's order: from the shared pass for a built-in lexicon of
 * {@link SCAN_LEXICONS} (for `en/agency` without its `means` and `not-agent` entries), from the lexicon's own
 * matcher otherwise.
 */
export function lexiconMatches(doc: SlantDocument, lex: CompiledLexicon): readonly LexiconMatch[] {
  const member = scanMember(lex);
  return member < 0 ? lex.matcher.match(doc) : stanceScan(doc).matches[member];
}
