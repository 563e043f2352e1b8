/**
 * Finds attribution cues and, for each, the tokens of its source and content. One pass over the tokens collects
 * candidate cues (reporting, belief and stance verbs; attribution nouns; "according to"; adverbs like
 * "reportedly"; a headline colon), each candidate's source and content are located from POS tags and punctuation,
 * a small linear model scores the candidate from its context, and candidates are accepted best first so that an
 * attribution nested in another's content is not reported twice.
 */
import type { SlantDocument, Token } from '../document';
import { CUE_PRIORS } from './cue-priors';
import {
  ANONYMOUS_NOUNS,
  ATTRIBUTION_ADVERBS,
  ATTRIBUTIVE_PARTICIPLES,
  CUE_AUXILIARIES,
  DOCUMENT_NOUNS,
  ORGANIZATION_WORDS,
  PERSON_TITLES,
  RECIPIENT_VERBS,
  VAGUE_NOUNS,
  type CueClass,
} from './lexicon';
import { CUE_MODEL } from './model';
import { FEMALE_NAMES, MALE_NAMES } from './names';
import {
  isCapitalized,
  isComma,
  isNpHead,
  isNpInternal,
  isPossessiveMarker,
  isPossessivePronoun,
  isQuoteMark,
  isTimeWord,
  isVerbGroupWord,
  SUBJECT_PRONOUNS,
} from './tokens';

/** Inclusive token range. */
export interface TokenRange {
  first: number;
  last: number;
}

export type CueForm = 'verb' | 'noun' | 'according' | 'preposition' | 'adverb' | 'modifier' | 'colon';
export type SourceSide = 'left' | 'right' | 'by' | 'inherited' | 'possessive' | 'none';

export interface Candidate {
  head: number;
  first: number;
  last: number;
  lemma: string;
  cls: CueClass;
  form: CueForm;
  prior: number;
  passive: boolean;
  source?: TokenRange;
  sourceSide: SourceSide;
  content: TokenRange[];
  /** Quotation (index) that the content starts with, if any. */
  quotation?: number;
  features: string[];
  /** Hashed lexical context (neighbouring words, the cue's form, the source's head word). */
  lexical: number[];
  score: number;
}

/**
 * A logistic model over hashed features: bias, weight of the cue word's prior log-odds, one weight per hash bucket
 * (feature names are hashed into 2^bits buckets), the acceptance threshold and the threshold for a candidate nested
 * in another attribution's content.
 */
export interface CueModel {
  bias: number;
  prior: number;
  bits: number;
  weights: Float32Array;
  threshold: number;
  /** A candidate inside an accepted attribution's content is kept only with at least this probability. */
  nestedThreshold: number;
}

const featCache = new Map<string, Map<string, string>>();
/** `prefix + value`, the same string object every time (feature names repeat; their hashes are cached). */
function feat(prefix: string, value: string): string {
  let m = featCache.get(prefix);
  if (!m) featCache.set(prefix, (m = new Map()));
  let f = m.get(value);
  if (f === undefined) {
    f = prefix + value;
    if (m.size < 50_000) m.set(value, f);
  }
  return f;
}

const FNV_OFFSET = 0x811c9dc5;
/**
 * FNV-1a hash of a string, continuing from `h` (so `hashOf(b, hashOf(a))` is the hash of `a + b` without building
 * the string). Computed each time: for these short strings that is faster than looking a cached value up.
 */
function hashOf(name: string, h = FNV_OFFSET): number {
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h;
}

/** Hashes of the feature-name prefixes `cls:`, `L:` and `form:` (continued by the value's characters). */
const CLS_PREFIX_HASH = hashOf('cls:');
const LEMMA_PREFIX_HASH = hashOf('L:');
const FORM_PREFIX_HASH = hashOf('form:');

/** Combines two hashes into a bucket of `bits` bits (a crossed feature). */
function mix(a: number, b: number, bits: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & ((1 << bits) - 1);
}

/** Bucket of one feature name. */
export function featureBucket(name: string, bits: number): number {
  return mix(hashOf(name), 0, bits);
}

/**
 * Hash buckets of a candidate's features: its context features, each also crossed with its cue class, with its cue
 * word and with its nesting (as `featureNames` lists them), computed without building the crossed names.
 */
export function featureBuckets(c: Candidate, bits: number, out: number[] = []): number[] {
  out.length = 0;
  const cls = hashOf(c.cls, CLS_PREFIX_HASH);
  const lemma = hashOf(c.lemma, LEMMA_PREFIX_HASH);
  out.push(mix(cls, 0, bits), mix(hashOf(c.form, FORM_PREFIX_HASH), 0, bits), mix(lemma, 0, bits));
  let nested = 0;
  for (const f of c.features) if (f === 'nested-strong' || f === 'nested-weak') nested = hashOf(f);
  for (const x of c.lexical) out.push(mix(x, 0x55555555, bits));
  for (const f of c.features) {
    const h = hashOf(f);
    out.push(mix(h, 0, bits));
    out.push(mix(cls, h, bits), mix(lemma, h, bits));
    if (nested && h !== nested && (f.startsWith('prev-') || f.startsWith('side-') || f.startsWith('src-') || f === 'gerund')) out.push(mix(nested, h, bits));
  }
  return out;
}

/** One entry of the cue table: measured probability that the word heads an attribution, and its class. */
export interface CuePrior {
  prior: number;
  cls: CueClass;
}

/** Per-document detection context (also reused when relations are built, to avoid recomputing its marks). */
export interface Ctx {
  doc: SlantDocument;
  tokens: Token[];
  /** Token index -> quotation index whose opening (closing) mark it is, else -1. */
  openMark: Int32Array;
  closeMark: Int32Array;
  priors: ReadonlyMap<string, CuePrior>;
  /** The verb and noun parts of the cue table, looked up for most tokens (undefined for a computed table). */
  verbPriors?: Map<string, CuePrior>;
  nounPriors?: Map<string, CuePrior>;
  /** Words capitalised mid-sentence outside the headline (computed when first needed). */
  bodyNames: Set<string> | undefined;
}

const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', "'re", '’re', 'am', "'m"]);
const MODALS = new Set(['will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'shall', "'ll", '’ll', "'d", '’d']);
const CLAUSE_CUT_CONJ = new Set(['but', 'while', 'although', 'though', 'whereas', 'yet']);
const WH_WORDS = new Set(['whether', 'if', 'how', 'what', 'why', 'when', 'where', 'who', 'which', 'whom']);
const CATENATIVE = new Set(['decline', 'refuse', 'want', 'continue', 'go', 'begin', 'start', 'try', 'plan', 'seem', 'appear',
  'hope', 'expect', 'promise', 'vow', 'threaten', 'pledge', 'need', 'have', 'like', 'love', 'intend', 'choose', 'agree', 'fail',
  'offer', 'ask', 'wish', 'prefer', 'dare', 'tend', 'use', 'be', 'aim', 'seek', 'decide', 'come', 'get', 'let', 'make', 'help']);
/** Particles and prepositions that join a cue verb (a Map: looked up for every verb, with lemmas as keys). */
const PHRASAL = new Map<string, string[]>(Object.entries({
  point: ['out', 'to'], refer: ['to'], call: ['for', 'on', 'out'], talk: ['about', 'of'], speak: ['about', 'of', 'out', 'to', 'on'],
  ask: ['about', 'for'], write: ['about', 'of'], complain: ['about', 'of'], worry: ['about'], think: ['about', 'of'],
  know: ['about', 'of'], joke: ['about'], testify: ['about', 'to'], warn: ['of', 'about', 'against'], boast: ['about', 'of'],
  brag: ['about'], learn: ['about', 'of'], hear: ['about', 'of', 'from'], argue: ['for', 'against', 'about'], comment: ['on'],
  focus: ['on'], insist: ['on'], agree: ['with', 'on', 'to'], vote: ['for', 'against'], look: ['at', 'to'], lay: ['out'],
  spell: ['out'], bring: ['up'], single: ['out'], weigh: ['in'], lash: ['out'], push: ['for', 'back'], rail: ['against'],
  say: ['of'], respond: ['to'], reply: ['to'], react: ['to'], allude: ['to'], hint: ['at'], lament: ['about'],
  dwell: ['on'], express: [], criticize: [], fire: ['back'], hit: ['back', 'out'], sign: ['off'], back: ['away', 'off'],
  apologize: ['for'], blame: [], thank: [], accuse: [], account: ['for'], advocate: ['for'], campaign: ['for', 'against'],
  cite: [], describe: [], remark: ['on'], reflect: ['on'], elaborate: ['on'], expand: ['on'], muse: ['about', 'on'],
  rave: ['about'], gush: ['about', 'over'], wonder: ['about'], care: ['about'], fret: ['about', 'over'], vouch: ['for'],
}));
const AS_VERBS = new Set(['see', 'regard', 'describe', 'view', 'know', 'portray', 'characterize', 'characterise', 'label',
  'brand', 'identify', 'dub', 'consider', 'cast', 'paint', 'present', 'depict', 'hail', 'tout', 'bill', 'frame']);
const MEDIUM_NOUNS = new Set(['statement', 'interview', 'tweet', 'post', 'letter', 'speech', 'remarks', 'email', 'e-mail',
  'release', 'op-ed', 'message', 'video', 'appearance', 'call', 'conference', 'briefing', 'memo', 'blog', 'column',
  'essay', 'article', 'editorial', 'op', 'broadcast', 'debate', 'rally', 'address', 'testimony', 'filing', 'report',
  'podcast', 'note', 'posting', 'text', 'session', 'hearing']);
const GERUND_SUFFIX = { test: (w: string): boolean => w.endsWith('ing') };
/** Adverbs that do not belong to a verb group before a cue. */
const NOT_CUE_ADVERBS = new Set(['so', 'as', 'how', 'when', 'where', 'why', 'there', 'here', 'thus', 'hence', 'therefore', 'instead', 'rather', 'too', 'very', 'only']);

function isBe(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'AUX' || t.pos === 'VERB') && (t.lemma === 'be' || BE_FORMS.has(t.normal));
}

/** A token that could be the main verb at the right of a subject. */
function isVerbish(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** The cue table split by form ("v", "n", "m", "p"), built once per table. */
const splitCache = new WeakMap<object, Map<string, Map<string, CuePrior>>>();
function byForm(priors: ReadonlyMap<string, CuePrior>, form: string): Map<string, CuePrior> | undefined {
  if (!(priors instanceof Map)) return undefined; // a computed table (training): look keys up one by one
  let split = splitCache.get(priors);
  if (!split) {
    split = new Map();
    for (const [key, value] of priors) {
      const bar = key.lastIndexOf('|');
      const f = key.slice(bar + 1);
      let m = split.get(f);
      if (!m) split.set(f, (m = new Map()));
      m.set(key.slice(0, bar), value);
    }
    splitCache.set(priors, split);
  }
  return split.get(form) ?? EMPTY;
}
const EMPTY = new Map<string, CuePrior>();

/** The cue table entry of `lemma` in `form`. */
function priorOf(ctx: Ctx, lemma: string, form: string): CuePrior | undefined {
  const m = form === 'v' ? ctx.verbPriors : form === 'n' ? ctx.nounPriors : byForm(ctx.priors, form);
  return m ? m.get(lemma) : ctx.priors.get(`${lemma}|${form}`);
}

function priorKey(lemma: string, form: 'v' | 'n'): string {
  return `${lemma}|${form}`;
}

/** Prepositions that can attach a modifier inside a source phrase ("a report by the World Bank", "Democrats in Congress"). */
const NP_PREPOSITIONS = new Set(['of', 'at', 'from', 'for', 'in', 'with', 'by', 'to', 'on', 'about', 'among', 'across', 'near',
  'under', 'over', 'against', 'within', 'inside', 'outside', 'around', 'behind']);
/** Adjectives that follow the noun they modify in source phrases: "people familiar with the matter". */
const POSTNOMINAL_ADJECTIVES = new Set(['familiar', 'close', 'knowledgeable', 'briefed', 'involved', 'opposed', 'loyal',
  'sympathetic', 'aligned', 'connected', 'linked', 'affiliated', 'critical', 'friendly', 'allied', 'responsible']);

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
  if (!isNpHead(end) && !(isCapitalized(end) && (end.pos === 'VERB' || end.pos === 'ADJ' || end.pos === 'ADV') && (j === lo || tokens[j - 1].pos === 'PROPN' || !tokens[j - 1].isWord))) return -1;
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
      if (before && k - 1 >= lo && (before.pos === 'NOUN' || before.pos === 'PROPN' || (t.normal === 'of' && (before.pos === 'NUM' || SUBJECT_PRONOUNS.has(before.normal) || before.pos === 'ADJ')))) {
        k--;
        pps++;
        continue;
      }
      // "sources familiar with the talks", "people close to the president"
      if (before && k - 2 >= lo && POSTNOMINAL_ADJECTIVES.has(before.normal) && (tokens[k - 2].pos === 'NOUN' || tokens[k - 2].pos === 'PROPN')) {
        k -= 2;
        pps++;
        continue;
      }
      break;
    }
    // a name word the tagger reads as a verb: "the Met Office", "Paula Grant Associates"
    if (t.pos === 'VERB' && isCapitalized(t) && k > lo && isCapitalized(tokens[k + 1]) && (tokens[k - 1].pos === 'PROPN' || tokens[k - 1].normal === 'the') && !inTitleCase(tokens, k)) {
      k--;
      continue;
    }
    // "Frank Newport and Jim Harter", "Democrats and Republicans"
    if (t.pos === 'CCONJ' && (t.normal === 'and' || t.normal === '&')) {
      const before = tokens[k - 1];
      const after = tokens[k + 1];
      if (before && k - 1 >= lo && after && (before.pos === 'PROPN' || before.pos === 'NOUN') && (after.pos === 'PROPN' || after.pos === 'NOUN' || after.pos === 'DET' || after.pos === 'ADJ')) {
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
    if (isNpInternal(t) && (t.isWord || (t.value !== '.' && tokens[k + 1] && tokens[k + 1].isWord && k + 1 <= hi))) {
      if (isNpHead(t) || t.pos === 'PROPN') last = k;
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
    if (t.pos === 'ADP' && last >= 0 && pps < 2 && (t.normal === 'of' || t.normal === 'at' || t.normal === 'for' || t.normal === 'from' || t.normal === 'with' || t.normal === 'by') && tokens[k + 1] && k + 1 <= hi) {
      const nx = tokens[k + 1];
      if (nx.pos === 'PROPN' || nx.pos === 'DET' || nx.pos === 'NOUN' || nx.pos === 'ADJ' || isPossessivePronoun(nx)) {
        pps++;
        k++;
        afterPreposition = true;
        continue;
      }
    }
    if (t.pos === 'CCONJ' && t.normal === 'and' && last >= 0 && tokens[k + 1] && k + 1 <= hi && tokens[k + 1].pos === 'PROPN' && tokens[last].pos === 'PROPN') {
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

/** The end of an appositive or relative clause after a noun phrase: "Dmitry Peskov, the press secretary," */
function appositiveRight(ctx: Ctx, npLast: number, hi: number): number {
  const { tokens } = ctx;
  if (!isComma(tokens[npLast + 1]) || npLast + 2 > hi) return npLast;
  const start = npLast + 2;
  const t = tokens[start];
  const role = t.pos === 'DET' || t.pos === 'ADJ' || (t.pos === 'NOUN' && !isCapitalized(t)) || isPossessivePronoun(t) || t.normal === 'who';
  if (!role) return npLast;
  // up to the next comma or the end of the clause
  let k = start;
  while (k <= hi && !isComma(tokens[k]) && tokens[k].value !== '.' && tokens[k].value !== ';' && !isQuoteMark(tokens[k]) && k - start < 25) {
    if (t.normal !== 'who' && (tokens[k].pos === 'VERB' && !(tokens[k].normal.endsWith('ed') || tokens[k].normal.endsWith('ing')))) return npLast;
    k++;
  }
  if (k > hi) return hi;
  return k - 1;
}

/** The detection context of a document with the built-in cue table (for building relations without detection). */
export function detectionContext(doc: SlantDocument): Ctx {
  return makeCtx(doc, CUE_PRIORS);
}

/** Builds the per-document context. */
function makeCtx(doc: SlantDocument, priors: ReadonlyMap<string, CuePrior>): Ctx {
  const n = doc.tokens.length;
  const openMark = new Int32Array(n).fill(-1);
  const closeMark = new Int32Array(n).fill(-1);
  for (const q of doc.quotations) {
    const o = doc.tokenIndexAt(q.start);
    if (o < n && doc.tokens[o].start === q.start) openMark[o] = q.index;
    if (q.closed && q.end > 0) {
      const c = doc.tokenIndexAt(q.end - 1);
      if (c < n && doc.tokens[c].end === q.end) closeMark[c] = q.index;
    }
  }
  return { doc, tokens: doc.tokens, openMark, closeMark, priors, verbPriors: byForm(priors, 'v'), nounPriors: byForm(priors, 'n'), bodyNames: undefined };
}

/** The cue table entry of a token, and the lemma it was found under. */
function lookupPrior(ctx: Ctx, t: Token, form: 'v' | 'n'): { prior: CuePrior; lemma: string } | undefined {
  let lemma = t.lemma;
  let prior = priorOf(ctx, lemma, form);
  if (!prior && t.normal !== t.lemma) prior = priorOf(ctx, (lemma = t.normal), form);
  // a participle the tagger read as an adjective keeps itself as lemma ("alleged"): try the verb ("allege")
  if (!prior && form === 'v' && t.normal.endsWith('ed')) return participlePrior(ctx, t.normal);
  return prior ? { prior, lemma } : undefined;
}

/** Per verb table: the entry found for a word ending in "ed" through its verb, or null (most such words have none). */
const participleCache = new WeakMap<Map<string, CuePrior>, Map<string, { prior: CuePrior; lemma: string } | null>>();

/** The cue table entry of the verb of an "-ed" word ("alleged" -> "allege", "voiced" -> "voice"), memoised per table. */
function participlePrior(ctx: Ctx, word: string): { prior: CuePrior; lemma: string } | undefined {
  const table = ctx.verbPriors;
  let memo = table && participleCache.get(table);
  if (table && !memo) participleCache.set(table, (memo = new Map()));
  const known = memo?.get(word);
  if (known !== undefined) return known ?? undefined;
  let lemma = word.slice(0, -1);
  let prior = priorOf(ctx, lemma, 'v');
  if (!prior) prior = priorOf(ctx, (lemma = word.slice(0, -2)), 'v');
  const found = prior ? { prior, lemma } : null;
  if (memo && memo.size < 50_000) memo.set(word, found);
  return found ?? undefined;
}

/** Whether a noun-tagged token reads as a verb here ("Critics charge that ..."). */
function nounReadsAsVerb(tokens: Token[], k: number, lo: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || k - 1 < lo || !next) return false;
  // an uninflected form reads as a verb only before "that", a quotation or a colon ("the figures show that")
  if (t.normal === t.lemma && !(next.normal === 'that' || isQuoteMark(next) || next.value === ':')) return false;
  const prevOk = prev.pos === 'PROPN' || (prev.pos === 'PRON' && SUBJECT_PRONOUNS.has(prev.normal) && !isPossessivePronoun(prev)) || prev.pos === 'NOUN';
  const particle = PHRASAL.get(t.lemma)?.includes(next.normal) ?? false;
  const nextOk = next.normal === 'that' || next.pos === 'PRON' || next.pos === 'DET' || isQuoteMark(next) || next.value === ':' || particle ||
    next.value === '.' || next.value === ',' || next.pos === 'PROPN' || next.pos === 'NUM';
  return prevOk && nextOk;
}

/** "asked not to be named", "spoke on condition of anonymity": part of a source phrase, not an attribution. */
function anonymityIdiom(tokens: Token[], k: number, hi: number): boolean {
  const l = tokens[k].lemma;
  if (l !== 'ask' && l !== 'speak' && l !== 'request' && l !== 'decline' && l !== 'insist' && l !== 'talk' && l !== 'agree') return false;
  for (let m = k + 1; m <= hi && m - k <= 6; m++) {
    const n = tokens[m].normal;
    if (n === 'anonymity' || n === 'anonymously' || ((n === 'named' || n === 'identified') && tokens[m - 1].normal === 'be')) return true;
  }
  return false;
}

/**
 * Words that head a cue of their own form ("according to", "in" a statement, a hedging participle or adverb), so
 * that one lookup per word tells which, if any, applies. The four groups share no word.
 */
const SPECIAL_CUE_WORDS = new Map<string, 'according' | 'in' | 'participle' | 'adverb'>([
  ['according', 'according'],
  ['in', 'in'],
  ...[...ATTRIBUTIVE_PARTICIPLES].map((w): [string, 'participle'] => [w, 'participle']),
  ...ATTRIBUTION_ADVERBS.map((w): [string, 'adverb'] => [w, 'adverb']),
]);

/*
 * Scratch arrays reused from document to document: detection and selection run synchronously and never hold one
 * past their return, and allocating fresh typed arrays for every document showed in profiles. Each returns an
 * array of at least `n` elements whose first `n` are set to `fill` (the rest is stale: index only below `n`).
 */
let float32Buffer = new Float32Array(1024);
let int32Buffer = new Int32Array(1024);
let uint8Buffer = new Uint8Array(1024);
function scratchFloat32(n: number): Float32Array {
  if (float32Buffer.length < n) float32Buffer = new Float32Array(n * 2);
  return float32Buffer.fill(0, 0, n);
}
/** Also used by buildAttribution (index.ts), after selection is done with it. */
export function scratchInt32(n: number, fill: number): Int32Array {
  if (int32Buffer.length < n) int32Buffer = new Int32Array(n * 2);
  return int32Buffer.fill(fill, 0, n);
}
function scratchUint8(n: number): Uint8Array {
  if (uint8Buffer.length < n) uint8Buffer = new Uint8Array(n * 2);
  return uint8Buffer.fill(0, 0, n);
}

/**
 * How far, in tokens, a cue looks for its source and content on either side within its sentence. A guard for text
 * without sentence breaks (lists, transcripts, pasted data): each cue scans its sentence, so an unbroken run of n
 * tokens with a cue every few words would cost time quadratic in n. News sentences are far shorter.
 */
const CUE_REACH = 250;

/** All candidate cues of the document, with sources, contents and features (not yet scored or selected). */
export function findCandidates(doc: SlantDocument, priors: ReadonlyMap<string, CuePrior> = CUE_PRIORS): { ctx: Ctx; candidates: Candidate[] } {
  const ctx = makeCtx(doc, priors);
  const { tokens } = ctx;
  const candidates: Candidate[] = [];
  for (const s of doc.sentences) {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k];
      if (t.voice === 'quoted') continue;
      const lo = Math.max(s.tokenStart, k - CUE_REACH);
      const hi = Math.min(s.tokenEnd - 1, k + CUE_REACH);
      let c: Candidate | undefined;
      if (!t.isWord) {
        // of the cues, only a colon is punctuation
        if (t.value === ':') c = colon(ctx, k, lo, hi, s.paragraph);
        if (c) candidates.push(c);
        continue;
      }
      const kind = SPECIAL_CUE_WORDS.get(t.normal);
      if (kind === 'according' && tokens[k + 1]?.normal === 'to' && k + 1 <= hi) {
        c = according(ctx, k, lo, hi);
        k++;
      } else if (kind === 'in' && t.pos === 'ADP') {
        if (prepositionNounAhead(tokens, k, hi)) c = preposition(ctx, k, lo, hi);
      } else if (kind === 'participle' && isAttributive(tokens, k, lo, hi)) {
        c = modifier(ctx, k, hi);
      } else if (kind === 'adverb' && t.pos === 'ADV') {
        c = adverb(ctx, k, lo, hi);
      } else {
        const verbish = t.pos === 'VERB' || (t.pos === 'ADJ' && (t.normal.endsWith('ed') || t.normal.endsWith('en'))) || (t.pos === 'NOUN' && priorOf(ctx, t.lemma, 'v') !== undefined && nounReadsAsVerb(tokens, k, lo));
        if (verbish) {
          const p = lookupPrior(ctx, t, 'v');
          if (p && !anonymityIdiom(tokens, k, hi)) c = verb(ctx, k, lo, hi, p.prior, p.lemma);
        } else if (t.pos === 'NOUN') {
          const p = lookupPrior(ctx, t, 'n');
          if (p) c = noun(ctx, k, lo, hi, p.prior);
        }
      }
      if (c) candidates.push(c);
    }
  }
  // a candidate inside the content of a likely attribution is usually reported speech within reported speech
  const cover = scratchFloat32(tokens.length);
  for (const c of candidates) {
    if (c.prior < 0.3) continue;
    for (const r of c.content) for (let k = r.first; k <= r.last; k++) if (cover[k] < c.prior) cover[k] = c.prior;
  }
  for (const c of candidates) {
    const v = cover[c.head];
    // a hedge word ("reportedly", "a reported offer") qualifies its own phrase wherever it stands: no nesting
    const local = c.form === 'modifier' || c.form === 'adverb';
    if (local) {
      // no nesting feature
    } else if (v >= 0.7) c.features.push('nested-strong');
    else if (v >= 0.3) c.features.push('nested-weak');
    windowFeatures(ctx, c);
  }
  return { ctx, candidates };
}

const SLOT_W1 = 0x3a1b2c4d;
const SLOT_W2 = 0x5e6f7081;
const SLOT_W3 = 0x1f2e3d4c;
const SLOT_W4 = 0x6b5a4938;
const SLOT_FORM = 0x7c8d9eaf;
const SLOT_SRC = 0x2468ace0;
const SENTENCE_EDGE = 0x13579bdf;

/**
 * Lexical context as hashes (not crossed, not named): neighbouring words and tags, the cue's form, the source's
 * head word and length. Kept numeric because they are many and all different.
 */
function windowFeatures(ctx: Ctx, c: Candidate): void {
  const { tokens } = ctx;
  const out = c.lexical;
  const s = tokens[c.head].sentence;
  windowWord(out, tokens[c.first - 1], s, SLOT_W1);
  windowWord(out, tokens[c.first - 2], s, SLOT_W2);
  windowWord(out, tokens[c.last + 1], s, SLOT_W3);
  windowWord(out, tokens[c.last + 2], s, SLOT_W4);
  out.push(SLOT_FORM ^ hashOf(tokens[c.head].normal));
  if (c.source) {
    let h = c.source.last;
    while (h > c.source.first && !tokens[h].isWord) h--;
    const len = c.source.last - c.source.first + 1;
    out.push(SLOT_SRC ^ hashOf(tokens[h].pos === 'PROPN' ? 'PROPN' : tokens[h].lemma), (SLOT_SRC + 1) ^ (len > 6 ? 7 : len > 2 ? 3 : len));
  }
}

/** The word and tag of a neighbouring token in `slot`, or the sentence edge when it lies outside sentence `s`. */
function windowWord(out: number[], t: Token | undefined, s: number, slot: number): void {
  if (!t || t.sentence !== s) {
    out.push(slot ^ SENTENCE_EDGE);
    return;
  }
  out.push(Math.imul(slot, 31) ^ hashOf(t.normal), Math.imul(slot, 17) ^ hashOf(t.pos));
}

function base(k: number, lemma: string, cls: CueClass, form: CueForm, prior: number): Candidate {
  return { head: k, first: k, last: k, lemma, cls, form, prior, passive: false, sourceSide: 'none', content: [], features: [], lexical: [], score: 0 };
}

/** Extends a verb cue over its auxiliaries, negation and adverbs to the left, and particles to the right. */
function extendVerbCue(ctx: Ctx, c: Candidate, lo: number, hi: number): void {
  const { tokens } = ctx;
  let j = c.head - 1;
  let n = 0;
  while (j >= lo && n < 4) {
    const t = tokens[j];
    if (isVerbGroupWord(t) || (t.pos === 'ADV' && !NOT_CUE_ADVERBS.has(t.normal) && (CUE_AUXILIARIES.has(t.normal) || t.normal.endsWith('ly') || (j - 1 >= lo && isVerbGroupWord(tokens[j - 1])) || n === 0))) {
      j--;
      n++;
      continue;
    }
    break;
  }

  // "declined to say", "went on to say", "wants to know": the catenative verb joins the cue
  if (j - 1 >= lo && tokens[j].normal === 'to' && tokens[j].pos === 'PART') {
    let v = j - 1;
    if (tokens[v].normal === 'on' && v - 1 >= lo) v--;
    if (tokens[v].pos === 'VERB' && CATENATIVE.has(tokens[v].lemma)) {
      c.features.push('catenative');
      j = v - 1;
      n = 0;
      while (j >= lo && n < 4 && (isVerbGroupWord(tokens[j]) || (tokens[j].pos === 'ADV' && CUE_AUXILIARIES.has(tokens[j].normal)))) {
        j--;
        n++;
      }
    }
  }
  c.first = j + 1;
  for (let m = c.first; m < c.head; m++) {
    if (isBe(tokens[m]) && tokens[c.head].normal !== tokens[c.head].lemma && !GERUND_SUFFIX.test(tokens[c.head].normal)) c.passive = true;
  }
  // right: particles, "in a statement", "as", a colon
  let r = c.head;
  const next = tokens[r + 1];
  if (next && r + 1 <= hi) {
    const particles = PHRASAL.get(c.lemma);
    if (particles && particles.includes(next.normal) && (next.pos === 'ADP' || next.pos === 'ADV' || next.pos === 'PART')) r++;
    else if (next.normal === 'as' && AS_VERBS.has(c.lemma)) r++;
  }
  const n1 = tokens[r + 1];
  if (n1 && r + 1 <= hi && (n1.normal === 'in' || n1.normal === 'on' || n1.normal === 'during') && c.cls !== 'evidence') {
    // "said in a statement", "wrote in a blog post", "said on Twitter"
    const n2 = tokens[r + 2];
    const n3 = tokens[r + 3];
    const n4 = tokens[r + 4];
    if (n2 && (n2.normal === 'twitter' || n2.normal === 'facebook' || n2.normal === 'instagram')) r += 2;
    else if (n2 && n3 && (n2.pos === 'DET' || isPossessivePronoun(n2)) && MEDIUM_NOUNS.has(n3.normal) && r + 3 <= hi) {
      r += 3;
      if (n4 && n4.normal === 'post' && r + 1 <= hi) r++;
    } else if (n2 && n3 && n4 && (n2.pos === 'DET' || isPossessivePronoun(n2)) && (n3.pos === 'ADJ' || n3.pos === 'NOUN' || n3.pos === 'PROPN') && MEDIUM_NOUNS.has(n4.normal) && r + 4 <= hi) r += 4;
  }
  if (tokens[r + 1] && r + 1 <= hi && tokens[r + 1].value === ':') r++;
  c.last = r;
}

/** Tokens that end a clause for a content running rightwards. */
function clauseEnd(ctx: Ctx, from: number, hi: number): number {
  const { tokens, openMark, closeMark } = ctx;
  let inQuote = 0;
  let end = Math.min(hi, from + CUE_REACH);
  const last = end;
  for (let k = from; k <= last; k++) {
    const t = tokens[k];
    if (openMark[k] >= 0) inQuote++;
    if (closeMark[k] >= 0 && inQuote > 0) inQuote--;
    if (inQuote > 0 || t.voice === 'quoted' || t.isWord) continue; // only punctuation ends a clause
    if (t.value === ';' || t.value === '(' || t.value === '—' || t.value === '--' || t.value === '–') {
      end = k - 1;
      break;
    }
    if (isComma(t) && k + 1 <= hi) {
      const nx = tokens[k + 1];
      if (CLAUSE_CUT_CONJ.has(nx.normal) || (nx.normal === 'according' && tokens[k + 2]?.normal === 'to')) {
        end = k - 1;
        break;
      }
      // ", adding that", ", saying": a new attribution by the same source
      if (nx.pos === 'VERB' && GERUND_SUFFIX.test(nx.normal) && (priorOf(ctx, nx.lemma, 'v')?.prior ?? 0) >= 0.3) {
        end = k - 1;
        break;
      }
    }
  }
  // drop final punctuation (but keep a closing quotation mark and what it closes)
  while (end >= from && !tokens[end].isWord && closeMark[end] < 0 && tokens[end].value !== ')') end--;
  return end;
}

/** Content to the right of token `r` (exclusive start): skips "that" and a colon; runs to the clause end. */
function contentRight(ctx: Ctx, c: Candidate, r: number, hi: number): void {
  const { tokens, openMark, closeMark } = ctx;
  let k = r;
  while (k <= hi && (tokens[k].value === ',' || tokens[k].value === ':' || tokens[k].value === '—')) k++;
  if (k <= hi && tokens[k].normal === 'that' && (tokens[k].pos === 'SCONJ' || tokens[k].pos === 'PRON' || tokens[k].pos === 'DET') && tokens[k + 1] && (tokens[k + 1].pos !== 'VERB' && tokens[k + 1].pos !== 'AUX')) k++;
  if (k > hi) return;
  let end = clauseEnd(ctx, k, hi);
  if (openMark[k] >= 0) {
    const q = ctx.doc.quotations[openMark[k]];
    c.quotation = q.index;
    // a quotation may run over several sentences: take it whole
    let qe = ctx.doc.tokenIndexAt(q.end) - 1;
    if (qe < k) qe = k;
    if (qe > end) end = qe;
  }
  if (end >= k) c.content.push({ first: k, last: end });
  void closeMark;
}

/** Content to the left of token `p` (inclusive end): the quotation that closes there, or the clause before it. */
function contentLeft(ctx: Ctx, c: Candidate, p: number, lo: number): void {
  const { tokens, closeMark } = ctx;
  let e = p;
  while (e >= lo && (tokens[e].value === ',' || tokens[e].value === '—')) e--;
  if (e < lo) return;
  // "“…,” she said" / "“…”, she said"
  let q = closeMark[e];
  if (q < 0 && e - 1 >= lo && !tokens[e].isWord && closeMark[e - 1] >= 0) q = closeMark[e - 1];
  if (q >= 0) {
    const quotation = ctx.doc.quotations[q];
    const open = ctx.doc.tokenIndexAt(quotation.start);
    c.quotation = q;
    c.content.push({ first: Math.min(open, e), last: e });
    return;
  }
  // the clause before: from the sentence start (or the last clause break) to e
  let s = e;
  while (s - 1 >= lo) {
    const t = tokens[s - 1];
    if (t.value === ';' || t.value === ':' || (t.value === '—' && tokens[s - 2]?.voice !== 'quoted')) break;
    s--;
  }
  while (s <= e && !tokens[s].isWord && ctx.openMark[s] < 0) s++;
  if (s <= e) c.content.push({ first: s, last: e });
}

/** The subject of the clause in which a subject-less cue ("adding", "and urged") stands: the sentence's first noun phrase before a verb. */
function clauseSubject(ctx: Ctx, lo: number, before: number): TokenRange | undefined {
  const { tokens } = ctx;
  // the nearest verb to the left that has a subject: "X rallied supporters, saying …", "X sued, seeking …"
  for (let k = before - 1; k >= lo; k--) {
    const t = tokens[k];
    if (t.voice === 'quoted' || !(t.pos === 'VERB' || t.pos === 'AUX')) continue;
    if (GERUND_SUFFIX.test(t.normal) && !(k - 1 >= lo && isBe(tokens[k - 1]))) continue;
    if (k - 1 >= lo && tokens[k - 1].normal === 'to') continue;
    let first = k;
    while (first - 1 >= lo && (isVerbGroupWord(tokens[first - 1]) || tokens[first - 1].pos === 'ADV')) first--;
    const pseudo = base(k, t.lemma, 'other', 'verb', 0);
    pseudo.first = first;
    const src = sourceLeft(ctx, pseudo, lo);
    if (src) return src;
  }
  return undefined;
}

/**
 * The subject of the clause before token `before` in the sentence starting at `lo` (for "…, adding that"); `ctx`,
 * when given, is the document's detection context (else one is built).
 */
export function clauseSubjectOf(doc: SlantDocument, lo: number, before: number, ctx?: Ctx): TokenRange | undefined {
  return clauseSubject(ctx && ctx.doc === doc ? ctx : makeCtx(doc, CUE_PRIORS), Math.max(lo, before - CUE_REACH), before);
}

const TIME_NOUNS = new Set(['week', 'weekend', 'month', 'year', 'time', 'day', 'night', 'morning', 'afternoon', 'evening', 'moment', 'decade', 'spring', 'summer', 'fall', 'autumn', 'winter', 'interview', 'statement', 'speech']);
const TIME_ADVERBS = new Set(['earlier', 'later', 'yesterday', 'today', 'tonight', 'recently', 'previously', 'once', 'again', 'then', 'now', 'since', 'ago', 'before', 'afterward', 'afterwards', 'late', 'early', 'last', 'this', 'next', 'that']);

/** Skips time adverbials just before a cue ("Trump earlier Tuesday said", "the senator on Tuesday dismissed"). */
function skipAdverbialLeft(tokens: Token[], p: number, lo: number): number {
  let k = p;
  let moved = true;
  while (moved && k >= lo) {
    moved = false;
    const t = tokens[k];
    if (isTimeWord(t) || (t.pos === 'ADV' && TIME_ADVERBS.has(t.normal)) || (t.pos === 'NUM' && tokens[k - 1] && isTimeWord(tokens[k - 1]))) {
      k--;
      moved = true;
    } else if (t.pos === 'NOUN' && TIME_NOUNS.has(t.normal) && k - 1 >= lo && (TIME_ADVERBS.has(tokens[k - 1].normal) || tokens[k - 1].pos === 'DET' || tokens[k - 1].pos === 'ADJ')) {
      k -= 2;
      while (k >= lo && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ')) k--;
      moved = true;
    } else if (t.pos === 'ADP' && k < p && (t.normal === 'on' || t.normal === 'at' || t.normal === 'in' || t.normal === 'during' || t.normal === 'last')) {
      k--;
      moved = true;
    }
  }
  return k;
}

/** Kind of a comma-delimited segment before a cue ("X, the spokesman, said"; "X, who …, said"; "X, 58, said"). */
function segmentKind(tokens: Token[], a: number, b: number): 'appositive' | 'relative' | 'adverbial' | 'other' {
  const t = tokens[a];
  if (t.normal === 'who' || t.normal === 'which' || t.normal === 'whose' || t.normal === 'whom') return 'relative';
  if (a === b && t.pos === 'NUM') return 'adverbial'; // an age
  if (t.pos === 'ADP' || t.pos === 'ADV' || t.pos === 'SCONJ' || isTimeWord(t) || t.pos === 'VERB') return 'adverbial';
  if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || isPossessivePronoun(t) || isQuoteMark(t)) return 'appositive';
  return 'other';
}

/** "NP who/that VP" ending at `p` (a restrictive relative clause right before the cue): the whole phrase. */
function restrictiveRelative(tokens: Token[], p: number, lo: number): TokenRange | undefined {
  for (let k = p - 1; k >= lo && p - k <= 14; k--) {
    const t = tokens[k];
    if (isComma(t) || t.value === ';' || isQuoteMark(t)) return undefined;
    if ((t.normal === 'who' || (t.normal === 'that' && t.pos === 'PRON')) && k - 1 >= lo) {
      let hasVerb = false;
      for (let m = k + 1; m <= p; m++) if (tokens[m].pos === 'VERB' || tokens[m].pos === 'AUX') hasVerb = true;
      if (!hasVerb) return undefined;
      const f = npLeft(tokens, k - 1, lo);
      if (f < 0 || !(f === lo || isClauseBoundary(tokens[f - 1]))) return undefined;
      return { first: f, last: p };
    }
  }
  return undefined;
}

/** Whether tokens [a, b] form a noun phrase, possibly followed by a relative clause ("a Republican who voted for …"). */
function isNpChunk(tokens: Token[], a: number, b: number): boolean {
  let end = b;
  for (let k = a + 1; k <= b; k++) {
    if (tokens[k].normal === 'who' || tokens[k].normal === 'which' || tokens[k].normal === 'whose') {
      end = k - 1;
      break;
    }
  }
  return end >= a && npLeft(tokens, end, a) === a;
}

const isChunkDelimiter = (t: Token | undefined): boolean => t !== undefined && (t.value === ',' || t.value === '—' || t.value === '–' || t.value === '--');

/** Start of the comma-delimited chunk ending at `e` (exclusive of the delimiter), and whether a comma delimits it. */
function chunkStart(ctx: Ctx, e: number, lo: number): { a: number; comma: boolean } {
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

/**
 * Finds the source at the left of the cue: "X said", "X, the spokesman, said", "X, who …, said", "X, 58, said",
 * "X, for his part, said", "X on Tuesday said", "a report published Wednesday said". Appositives stay in the
 * source; relative clauses, ages and adverbials between commas do not.
 */
function sourceLeft(ctx: Ctx, c: Candidate, lo: number): TokenRange | undefined {
  const { tokens } = ctx;
  let p = skipAdverbialLeft(tokens, c.first - 1, lo);
  if (p < lo) return undefined;
  if (tokens[p].normal === 'who' || tokens[p].normal === 'which' || (tokens[p].normal === 'that' && tokens[p].pos === 'PRON')) {
    c.features.push('src-relative');
    return { first: p, last: p };
  }
  if (!isChunkDelimiter(tokens[p])) {
    // "a senior official who asked not to be named said": a restrictive relative clause ends right before the cue
    const rel = restrictiveRelative(tokens, p, lo);
    if (rel) {
      c.features.push('src-restrictive-relative');
      return rel;
    }
    // "A news report published Wednesday said": a participle after the noun phrase
    if (tokens[p].pos === 'VERB' && tokens[p].normal.endsWith('ed') && p - 1 >= lo && p < c.first - 1) p--;
    let f = npLeft(tokens, p, lo);
    if (f < 0) return undefined;
    // "… to align with Russia on this front signals": a phrase governed by a verb is its object, not a subject
    if (f - 2 >= lo && tokens[f - 1].pos === 'ADP' && (tokens[f - 2].pos === 'VERB' || tokens[f - 2].pos === 'AUX')) return undefined;
    let last = p;
    // "A letter from the American Legion obtained by The Associated Press warns": skip the participle phrase
    if (f - 2 >= lo && tokens[f - 1].normal === 'by' && tokens[f - 2].pos === 'VERB' && tokens[f - 2].normal.endsWith('ed')) {
      const f2 = npLeft(tokens, f - 3, lo);
      if (f2 >= 0) {
        last = f - 3;
        f = f2;
      }
    }
    return { first: f, last };
  }
  // comma-delimited chunks before the cue, right to left, up to a chunk that does not start after a comma
  const chunks: Array<{ a: number; b: number; kind: ReturnType<typeof segmentKind> | 'np' }> = [];
  let e = p; // a comma
  while (chunks.length < 5) {
    const b = e - 1;
    if (b < lo) break;
    const { a, comma } = chunkStart(ctx, b, lo);
    if (a > b) break;
    const np = isNpChunk(tokens, a, b);
    const kind = np && segmentKind(tokens, a, b) !== 'relative' ? 'np' : segmentKind(tokens, a, b);
    chunks.push({ a, b, kind });
    if (!comma) break;
    e = a - 1;
  }
  chunks.reverse(); // left to right
  // the head is the leftmost noun-phrase chunk; what follows it must be appositives, relatives or adverbials
  let h = chunks.findIndex((x) => x.kind === 'np');
  if (h < 0) return undefined;
  for (let i = h + 1; i < chunks.length; i++) if (chunks[i].kind === 'other') return undefined;
  // the head must start its clause: a sentence start, a boundary, or an adverbial chunk before it
  const head = chunks[h];
  if (!(head.a === lo || isClauseBoundary(tokens[head.a - 1]))) return undefined;
  if (h > 0 && chunks.slice(0, h).some((x) => x.kind !== 'adverbial')) {
    // "The deal is off, officials say, …": a clause before; only a noun phrase right before the cue is the source
    h = chunks.length - 1;
    if (chunks[h].kind !== 'np') return undefined;
  }
  let last = chunks[h].b;
  for (let i = h + 1; i < chunks.length && (chunks[i].kind === 'np' || chunks[i].kind === 'appositive'); i++) last = chunks[i].b + 1;
  c.features.push(feat('src-chunks-', chunks.slice(h).map((x) => x.kind[0]).join('')));
  return { first: chunks[h].a, last };
}

function hasProper(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (tokens[k].pos === 'PROPN') return true;
  return false;
}

function isClauseBoundary(t: Token | undefined): boolean {
  if (!t) return true;
  return t.value === ',' || t.value === ';' || t.value === ':' || t.value === '—' || t.value === '(' || QUOTE_CLOSE(t) || t.pos === 'SCONJ' || t.pos === 'CCONJ' || (t.pos === 'ADV' && (t.normal === 'then' || t.normal === 'now' || t.normal === 'also' || t.normal === 'still' || t.normal === 'meanwhile' || t.normal === 'instead')) || t.normal === 'that';
}

function QUOTE_CLOSE(t: Token): boolean {
  return isQuoteMark(t);
}

/** Finds an inverted source at the right of the cue: "said Smith", "said Dmitry Peskov, the press secretary". */
function sourceRight(ctx: Ctx, c: Candidate, hi: number): TokenRange | undefined {
  const { tokens } = ctx;
  const i = c.last + 1;
  if (i > hi) return undefined;
  const t = tokens[i];
  if (!(t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'ADJ' || (t.pos === 'PRON' && (t.normal === 'he' || t.normal === 'she' || t.normal === 'they' || t.normal === 'i' || t.normal === 'we')) || isPossessivePronoun(t))) return undefined;
  const last = npRight(tokens, i, hi);
  if (last < 0) return undefined;
  const after = tokens[last + 1];
  // the phrase must end the clause (or be followed by a comma/appositive/time adverb)
  if (after && last + 1 <= hi && !(after.value === ',' || after.value === '.' || after.value === ';' || after.value === ':' || after.value === '—' || after.normal === 'in' || after.normal === 'on' || after.normal === 'at' || isQuoteMark(after) || after.pos === 'PUNCT' || isTimeWord(after) || after.pos === 'ADV')) return undefined;
  const end = appositiveRight(ctx, last, hi);
  return { first: i, last: end };
}

function verb(ctx: Ctx, k: number, lo: number, hi: number, p: CuePrior, lemma: string): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const c = base(k, lemma, p.cls, 'verb', p.prior);
  extendVerbCue(ctx, c, lo, hi);
  const f = c.features;
  const prev = tokens[c.first - 1];
  const prevIn = c.first - 1 >= lo;
  const gerund = GERUND_SUFFIX.test(t.normal);
  const infinitive = prevIn && prev.normal === 'to';
  if (gerund) f.push('gerund');
  if (infinitive) f.push('infinitive');
  if (c.passive) f.push('passive');
  if (t.pos !== 'VERB') f.push(feat('pos-', t.pos));
  for (let m = c.first; m < c.head; m++) {
    if (MODALS.has(tokens[m].normal)) f.push('modal');
    if (tokens[m].normal === 'not' || tokens[m].normal === "n't" || tokens[m].normal === 'n’t' || tokens[m].normal === 'never') f.push('negated');
  }
  if (k === lo || (k === lo + 1 && !tokens[lo].isWord)) f.push('sentence-initial');
  // "figures released on Tuesday", "the bill passed by the House": a participle modifying the noun before it
  if (c.first === k && prevIn && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && t.normal.endsWith('ed') && t.normal !== t.lemma) {
    const nx = tokens[k + 1];
    if (!nx || k + 1 > hi || nx.pos === 'ADP' || isTimeWord(nx) || nx.normal === 'by') {
      f.push('postnominal-participle');
      c.passive = true; // a reduced passive: its subject is what it modifies, its agent follows "by"
    }
  }
  if (tokens[k].paragraph === 0) f.push('first-paragraph');

  // source
  let source: TokenRange | undefined;
  let side: SourceSide = 'none';
  const prevKind = !prevIn ? 'start' : ctx.closeMark[c.first - 1] >= 0 ? 'close-quote' : isComma(prev) ? (ctx.closeMark[c.first - 2] >= 0 ? 'close-quote' : 'comma') : prev.value === '—' || prev.value === '–' || prev.value === '--' ? 'dash' : prev.pos === 'CCONJ' ? 'cconj' : isNpHead(prev) || prev.value === ')' ? 'np' : prev.pos === 'ADP' || prev.pos === 'SCONJ' ? 'adp' : prev.pos === 'ADV' ? 'adv' : 'other';
  f.push(feat('prev-', prevKind));
  const participleStart = prevKind === 'start' && (gerund || t.normal.endsWith('ed')) && t.normal !== t.lemma;
  if (c.passive || participleStart) {
    // passive: "was criticized by X"; otherwise no source. "Asked about it, she …": no source either.
    let b = c.last + 1;
    while (b <= hi && b - c.last < 7 && tokens[b].normal !== 'by' && (isTimeWord(tokens[b]) || tokens[b].pos === 'ADV' || tokens[b].pos === 'ADP' || tokens[b].pos === 'DET' || tokens[b].pos === 'NOUN' || tokens[b].pos === 'ADJ' || tokens[b].pos === 'PROPN')) b++;
    if (b <= hi && tokens[b].normal === 'by') {
      const l = npRight(tokens, b + 1, hi);
      if (l >= 0) {
        source = { first: b + 1, last: l };
        side = 'by';
      }
    }
    if (participleStart) f.push('participle-start');
  } else if (c.cls === 'appearance') {
    side = 'none'; // "seems", "appears": the subject is part of the content
  } else if ((infinitive && !f.includes('catenative')) || (gerund && (prevKind === 'comma' || prevKind === 'adp' || prevKind === 'cconj' || prevKind === 'close-quote' || prevKind === 'dash')) || prevKind === 'cconj') {
    side = 'inherited';
  } else {
    if (prevKind !== 'close-quote' && prevKind !== 'start') {
      source = sourceLeft(ctx, c, lo);
      if (source) side = 'left';
    }
    if (!source && INVERSION_VERBS.has(c.lemma) && !c.passive && (prevKind === 'close-quote' || prevKind === 'comma' || prevKind === 'start')) {
      source = sourceRight(ctx, c, hi);
      if (source) side = 'right';
    }
    // "the board rejected both objections, ruled Cruz eligible": a verb after a comma shares its subject
    if (!source && (prevKind === 'comma' || prevKind === 'dash') && !gerund) side = 'inherited';
  }
  c.source = source;
  c.sourceSide = side;
  f.push(feat('side-', side));
  if (source) f.push(feat('src-', sourceShape(tokens, source)));

  // content: postposed after a quotation ("“…,” she said …"), postposed after a clause ("…, officials said"),
  // or following the cue ("said that …", "told reporters …", "said: …")
  const leftEdge = side === 'left' && source ? source.first : c.first;
  const before = leftEdge - 1 >= lo ? leftEdge - 1 : -1;
  const quoteBefore = before >= 0 && (ctx.closeMark[before] >= 0 || (isComma(tokens[before]) && before - 1 >= lo && ctx.closeMark[before - 1] >= 0));
  const afterIdx = side === 'right' || side === 'by' ? source!.last + 1 : c.last + 1;
  if (quoteBefore) {
    f.push('quote-before');
    contentLeft(ctx, c, before, lo);
    // "“…,” he said, “…”": a second part of the same quotation after the cue
    for (let m = afterIdx; m <= hi; m++) {
      if (ctx.openMark[m] >= 0 && m > afterIdx && (isComma(tokens[m - 1]) || tokens[m - 1].value === ':')) {
        const q = ctx.doc.quotations[ctx.openMark[m]];
        c.content.push({ first: m, last: Math.max(m, ctx.doc.tokenIndexAt(q.end) - 1) });
        break;
      }
      if (tokens[m].value === '.' || tokens[m].value === ';') break;
    }
  } else {
    let r = afterIdx;
    const nx = tokens[r];
    let nextKind = r > hi ? 'end' : nextKindOf(ctx, r);
    if (RECIPIENT_VERBS.has(c.lemma) && (nextKind === 'np' || nextKind === 'pron')) {
      // "told reporters that ...", "urged him to resign": skip the person addressed
      const objLast = nx.pos === 'PRON' ? r : npRight(tokens, r, hi);
      if (objLast >= r) {
        const after = objLast + 1 <= hi ? nextKindOf(ctx, objLast + 1) : 'end';
        if (after === 'that' || after === 'to' || after === 'quote' || after === 'colon' || after === 'pron' || after === 'comma' || after === 'wh' || after === 'time' || after === 'adp' || (after === 'np' && TELL_VERBS.has(c.lemma))) {
          f.push('recipient');
          r = objLast + 1;
          nextKind = after;
        }
      }
    }
    // adverbials between the cue and the content: "said Saturday that", "said on Tuesday", "asked rhetorically"
    r = skipAdverbialRight(ctx, r, hi);
    nextKind = r > hi ? 'end' : nextKindOf(ctx, r);
    f.push(feat('next-', nextKind));
    const rightEmpty = nextKind === 'end' || (nextKind === 'punct' && tokens[r].value !== ':' && tokens[r].value !== ',' && tokens[r].value !== '—');
    const clauseBefore = before >= lo && isComma(tokens[before]) && before > lo;
    if (clauseBefore && (rightEmpty || nextKind === 'comma')) {
      // "The deal is off, officials said." / "…, the Times said, including …"
      f.push('clause-before');
      contentLeft(ctx, c, before, lo);
      if (nextKind === 'comma' && r + 1 <= hi) {
        const e = clauseEnd(ctx, r + 1, hi);
        if (e >= r + 1) c.content.push({ first: r + 1, last: e });
      }
    } else if (!rightEmpty) {
      contentRight(ctx, c, r, hi);
      // "is expected to win", "seemed to be": the subject is part of the content
      if ((c.passive || c.cls === 'appearance') && side !== 'by' && c.content.length) {
        const sl = sourceLeft(ctx, { ...c, features: [] }, lo);
        if (sl && !(sl.first === sl.last && tokens[sl.first].normal === 'it')) c.content.unshift(sl);
      }
    }
    // "he declared:" at the end of a paragraph: the content is the next paragraph
    if (!c.content.length && (tokens[c.last].value === ':' || tokens[r]?.value === ':') && (r > hi || tokens[r].value === ':')) nextParagraphContent(ctx, c, hi);
  }
  if (!c.content.length) f.push('no-content');
  else if (c.quotation !== undefined) f.push('content-quote');
  return c;
}

/** Verbs that always take the person addressed before the content: "told reporters the vote was close". */
const TELL_VERBS = new Set(['tell', 'inform', 'assure', 'reassure', 'remind', 'notify', 'convince', 'persuade', 'warn', 'promise']);

/** Verbs that invert with their source after a quotation: "“…,” said Smith". */
const INVERSION_VERBS = new Set(['say', 'add', 'write', 'ask', 'explain', 'note', 'continue', 'reply', 'respond', 'answer',
  'argue', 'insist', 'recall', 'declare', 'warn', 'observe', 'concede', 'admit', 'conclude', 'remark', 'joke', 'quip',
  'exclaim', 'counter', 'shout', 'complain', 'tell', 'tweet', 'state', 'acknowledge', 'claim', 'suggest', 'report',
  'announce', 'predict', 'promise', 'muse', 'offer', 'cry', 'yell', 'whisper', 'agree', 'retort', 'interject']);

/** Skips time and manner adverbials after the cue ("said Saturday", "said on Tuesday", "asked rhetorically"). */
function skipAdverbialRight(ctx: Ctx, r: number, hi: number): number {
  const { tokens } = ctx;
  let k = r;
  let guard = 0;
  while (k <= hi && guard++ < 6) {
    const t = tokens[k];
    const n1 = tokens[k + 1];
    if (isTimeWord(t) || (t.pos === 'ADV' && (TIME_ADVERBS.has(t.normal) || (t.normal.endsWith('ly') && n1 && (n1.normal === 'that' || n1.value === ',' || n1.value === ':' || isQuoteMark(n1)))))) {
      k++;
      continue;
    }
    if (t.pos === 'NOUN' && TIME_NOUNS.has(t.normal) && k > r && (TIME_ADVERBS.has(tokens[k - 1].normal) || isTimeWord(tokens[k - 1]))) {
      k++;
      continue;
    }
    if ((t.normal === 'last' || t.normal === 'this' || t.normal === 'earlier' || t.normal === 'later' || t.normal === 'next') && n1 && k + 1 <= hi && (isTimeWord(n1) || TIME_NOUNS.has(n1.normal))) {
      k += 2;
      continue;
    }
    if ((t.normal === 'on' || t.normal === 'in' || t.normal === 'during' || t.normal === 'at') && n1 && k + 1 <= hi) {
      // "on Tuesday", "in an interview", "at a rally in Ohio"
      if (isTimeWord(n1)) {
        k += 2;
        continue;
      }
      let m = k + 1;
      while (m <= hi && m - k < 6 && (tokens[m].pos === 'DET' || tokens[m].pos === 'ADJ' || tokens[m].pos === 'NUM' || isPossessivePronoun(tokens[m]) || tokens[m].pos === 'PROPN')) m++;
      if (m <= hi && (MEDIUM_NOUNS.has(tokens[m].normal) || TIME_NOUNS.has(tokens[m].normal)) && tokens[m + 1] && m + 1 <= hi && (tokens[m + 1].normal === 'that' || tokens[m + 1].value === ',' || tokens[m + 1].value === ':' || isQuoteMark(tokens[m + 1]) || tokens[m + 1].pos === 'PRON')) {
        k = m + 1;
        continue;
      }
    }
    break;
  }
  return k;
}

/** "He declared:" closing a paragraph: the content is the next paragraph (its quotation, when it is one). */
function nextParagraphContent(ctx: Ctx, c: Candidate, hi: number): void {
  const { doc, tokens } = ctx;
  const next = hi + 1;
  if (next >= tokens.length || tokens[next].paragraph === tokens[hi].paragraph) return;
  const q = ctx.openMark[next];
  if (q >= 0) {
    c.quotation = q;
    c.content.push({ first: next, last: Math.max(next, doc.tokenIndexAt(doc.quotations[q].end) - 1) });
    return;
  }
  const para = doc.paragraphs[tokens[next].paragraph];
  const last = doc.tokenIndexAt(para.end) - 1;
  if (last >= next) c.content.push({ first: next, last });
}

function sourceShape(tokens: Token[], r: TokenRange): string {
  const head = tokens[r.last].value === ',' ? tokens[r.last - 1] : tokens[r.last];
  if (r.first === r.last && tokens[r.first].pos === 'PRON') {
    const n = tokens[r.first].normal;
    return n === 'it' ? 'it' : n === 'who' || n === 'which' || n === 'that' ? 'rel' : 'pron';
  }
  let proper = false;
  for (let k = r.first; k <= r.last; k++) if (tokens[k].pos === 'PROPN') proper = true;
  if (proper) return 'name';
  if (head && head.pos === 'NOUN') return 'noun';
  return 'other';
}

function nextKindOf(ctx: Ctx, r: number): string {
  const t = ctx.tokens[r];
  if (ctx.openMark[r] >= 0 || isQuoteMark(t)) return 'quote';
  if (t.normal === 'that') return 'that';
  if (t.value === ':') return 'colon';
  if (t.value === ',') return 'comma';
  if (t.normal === 'to' && t.pos === 'PART') return 'to';
  if (WH_WORDS.has(t.normal)) return 'wh';
  if (isTimeWord(t)) return 'time';
  if (!t.isWord) return 'punct';
  if (t.pos === 'PRON') return SUBJECT_PRONOUNS.has(t.normal) && !isPossessivePronoun(t) ? 'pron' : 'np';
  if (t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM') return 'np';
  if (t.pos === 'ADP') return 'adp';
  if (t.pos === 'VERB' || t.pos === 'AUX') return 'verb';
  if (t.pos === 'ADV') return 'adv';
  return 'other';
}

/** Prepositions that join an attribution noun to its content: "criticism of", "support for". */
const NOUN_CUE_PREPOSITIONS = new Set(['of', 'about', 'over', 'on', 'for', 'against', 'with', 'to', 'toward', 'towards']);

function noun(ctx: Ctx, k: number, lo: number, hi: number, p: CuePrior): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const c = base(k, t.lemma, p.cls === 'noun' ? 'noun' : p.cls, 'noun', p.prior);
  const f = c.features;
  f.push('noun');
  // source: possessive before ("his claim", "Trump's criticism"), or "by/from X" after
  let j = k - 1;
  while (j >= lo && tokens[j].pos === 'ADJ') j--;
  if (j >= lo && isPossessivePronoun(tokens[j])) {
    c.source = { first: j, last: j };
    c.sourceSide = 'possessive';
  } else if (j >= lo && isPossessiveMarker(tokens[j])) {
    const f0 = npLeft(tokens, j - 1, lo);
    if (f0 >= 0) {
      c.source = { first: f0, last: j - 1 };
      c.sourceSide = 'possessive';
    }
  }
  let r = k + 1;
  const nx = tokens[r];
  if (!c.source && nx && r <= hi && (nx.normal === 'by' || nx.normal === 'from') && r + 1 <= hi) {
    const l = npRight(tokens, r + 1, hi);
    if (l >= 0) {
      c.source = { first: r + 1, last: l };
      c.sourceSide = 'by';
      r = l + 1;
    }
  }
  f.push(feat('side-', c.sourceSide));
  const nk = r > hi ? 'end' : nextKindOf(ctx, r);
  f.push(feat('next-', nk));
  if (nk === 'that' || nk === 'to') {
    contentRight(ctx, c, r, hi);
  } else if (nk === 'adp' && NOUN_CUE_PREPOSITIONS.has(tokens[r].normal)) {
    c.last = r; // "criticism of", "support for": the preposition belongs to the cue
    f.push(feat('noun-prep-', tokens[r].normal));
    const l = npRight(tokens, r + 1, hi);
    if (l >= 0) c.content.push({ first: r + 1, last: l });
  } else if (nk === 'colon' || nk === 'quote') {
    contentRight(ctx, c, r, hi);
  }
  if (!c.content.length) f.push('no-content');
  return c;
}

function according(ctx: Ctx, k: number, lo: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const c = base(k, 'according to', 'speech', 'according', 0.95);
  c.last = k + 1;
  const l = tokens[k + 2]?.pos === 'VERB' && k + 2 <= hi ? npRightOfMisreadNoun(tokens, k + 2, hi) : npRight(tokens, k + 2, hi);
  // "According to X, …" or "…, according to X."
  const atStart = k === lo || (k > lo && (isComma(tokens[k - 1]) ? false : !tokens[k - 1].isWord || tokens[k - 1].pos === 'CCONJ' || tokens[k - 1].pos === 'ADV'));
  if (l >= 0) {
    let last = appositiveRight(ctx, l, hi);
    // at the front an appositive ends at a comma before the content ("According to Ann Lee, the minister, …");
    // "According to reports, the minister resigned." has none
    if (atStart && last > l && !isComma(tokens[last + 1])) last = l;
    c.source = { first: k + 2, last };
    c.sourceSide = 'right';
  }
  c.features.push('according', feat('side-', c.sourceSide));
  const afterSource = c.source ? c.source.last + 1 : k + 2;
  if (atStart) {
    c.features.push('according-initial');
    contentRight(ctx, c, afterSource, hi);
  } else {
    contentLeft(ctx, c, k - 1, lo);
    if (afterSource <= hi && isComma(tokens[afterSource])) {
      const e = clauseEnd(ctx, afterSource + 1, hi);
      if (e > afterSource) c.content.push({ first: afterSource + 1, last: e });
    }
  }
  if (!c.content.length) c.features.push('no-content');
  return c;
}

/**
 * `npRight` from a noun the tagger read as a verb: after "According to" wink often tags the next word as an
 * infinitive ("According to reports", "According to estimates by the council", "According to campaign group …").
 */
function npRightOfMisreadNoun(tokens: Token[], i: number, hi: number): number {
  const end = Math.min(hi, i + CUE_REACH);
  const view = tokens.slice(i, end + 1);
  view[0] = { ...view[0], pos: 'NOUN' };
  const l = npRight(view, 0, view.length - 1);
  return l < 0 ? -1 : i + l;
}

/** Nouns that make "in …" a source: "In a CNN poll released Monday, …", "in his view", "in a statement". */
const PREP_SOURCE_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'report', 'study', 'interview', 'statement', 'op-ed',
  'letter', 'speech', 'tweet', 'book', 'memo', 'filing', 'complaint', 'column', 'editorial', 'article', 'words', 'view',
  'opinion', 'estimate', 'estimation', 'analysis', 'assessment', 'remarks', 'testimony', 'post', 'essay', 'memoir', 'ad',
  'advertisement', 'video', 'email', 'message', 'lawsuit', 'suit', 'ruling', 'order', 'decision', 'judgment', 'mind', 'eyes']);

/** Whether one of the next few words is a noun that can make "in …" a source. */
function prepositionNounAhead(tokens: Token[], k: number, hi: number): boolean {
  for (let m = k + 1; m <= hi && m - k <= 7; m++) if (PREP_SOURCE_NOUNS.has(tokens[m].normal)) return true;
  return false;
}

function preposition(ctx: Ctx, k: number, lo: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const l = npRight(tokens, k + 1, hi);
  if (l < 0) return undefined;
  let head = l;
  while (head > k + 1 && !tokens[head].isWord) head--;
  if (!PREP_SOURCE_NOUNS.has(tokens[head].normal)) return undefined;
  const p = priorOf(ctx, 'in', 'p') ?? { prior: 0.3, cls: 'noun' as CueClass };
  const c = base(k, 'in', p.cls, 'preposition', p.prior);
  c.features.push('preposition', feat('prep-noun-', tokens[head].lemma));
  // "a CNN poll released Monday": a participle and its time adverbial stay in the source
  let end = l;
  if (tokens[end + 1] && end + 1 <= hi && tokens[end + 1].pos === 'VERB' && tokens[end + 1].normal.endsWith('ed')) {
    end = skipAdverbialRight(ctx, end + 2, hi) - 1;
    if (end < l + 1) end = l + 1;
  }
  c.source = { first: k + 1, last: end };
  c.sourceSide = 'right';
  const atStart = k === lo || isClauseBoundary(tokens[k - 1]) || (tokens[k - 1].pos === 'ADV' && k - 1 === lo);
  if (atStart) {
    c.features.push('prep-initial');
    contentRight(ctx, c, end + 1, hi);
  } else {
    contentLeft(ctx, c, k - 1, lo);
  }
  if (!c.content.length) c.features.push('no-content');
  return c;
}

/** "a reported approval", "the alleged attack": a participle between a determiner and a noun. */
function isAttributive(tokens: Token[], k: number, lo: number, hi: number): boolean {
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || k - 1 < lo || !next || k + 1 > hi) return false;
  const prevOk = prev.pos === 'DET' || isPossessivePronoun(prev) || isPossessiveMarker(prev) || prev.pos === 'ADJ' || prev.pos === 'NUM' || prev.normal === 'and';
  const nextOk = next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN' || next.pos === 'NUM';
  return prevOk && nextOk;
}

function modifier(ctx: Ctx, k: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const p = priorOf(ctx, t.normal, 'm') ?? { prior: 0.5, cls: 'adverb' as CueClass };
  const c = base(k, t.normal, 'adverb', 'modifier', p.prior);
  c.features.push('modifier');
  // the noun phrase it modifies, with a following prepositional phrase ("approval by the ministry")
  let l = npRight(tokens, k + 1, hi);
  if (l >= k + 1) {
    // and its complements up to the next clause break: "approval by the ministry on Monday to buy five systems"
    const end = clauseEnd(ctx, l + 1, hi);
    for (let m = l + 1; m <= end && tokens[m].value !== ',' && !(tokens[m].pos === 'VERB' && !(tokens[m].normal.endsWith('ed') || tokens[m].normal.endsWith('ing')) && tokens[m - 1].normal !== 'to'); m++) l = m;
    c.content.push({ first: k + 1, last: l });
  }
  return c;
}

function adverb(ctx: Ctx, k: number, lo: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const p = priorOf(ctx, t.normal, 'v') ?? { prior: 0.6, cls: 'adverb' as CueClass };
  const c = base(k, t.normal, 'adverb', 'adverb', p.prior);
  c.features.push('adverb');
  // the clause without the adverb, on both sides
  let s = k - 1;
  while (s >= lo && !(tokens[s].value === ',' || tokens[s].value === ';' || tokens[s].pos === 'SCONJ' || tokens[s].value === ':')) s--;
  s++;
  if (s <= k - 1) {
    let e = k - 1;
    while (e >= s && !tokens[e].isWord) e--;
    if (e >= s) c.content.push({ first: s, last: e });
  }
  let r = k + 1;
  while (r <= hi && !tokens[r].isWord && ctx.openMark[r] < 0) r++;
  if (r <= hi) {
    const e = clauseEnd(ctx, r, hi);
    if (e >= r) c.content.push({ first: r, last: e });
  }
  return c;
}

function colon(ctx: Ctx, k: number, lo: number, hi: number, paragraph: number): Candidate | undefined {
  const { tokens } = ctx;
  // "Newspaper: Defense secretary used personal email" (headline), "Jane Doe: “…”" (body)
  const next = tokens[k + 1];
  if (!next || k + 1 > hi) return undefined;
  const quoteNext = ctx.openMark[k + 1] >= 0 || isQuoteMark(next);
  const headline = paragraph === 0;
  if (!headline && !quoteNext) return undefined;
  // the part before the colon must be a short noun phrase (after a dash, if any)
  let s = k - 1;
  while (s >= lo && k - s <= 7 && tokens[s].value !== '-' && tokens[s].value !== '—' && tokens[s].value !== '–') s--;
  const from = s + 1;
  if (from >= k || k - from > 6) return undefined;
  // a headline "Clinton to Voters: …", "Mayor To Critics: …": the speaker before "to", the audience after it
  if (headline) {
    for (let j = from + 1; j < k - 1; j++) {
      if (tokens[j].normal !== 'to') continue;
      if (npLeft(tokens, j - 1, from) !== from || !namesSource(ctx, from, j - 1) || !isCapitalized(tokens[j + 1])) break;
      const c = base(k, ':', 'speech', 'colon', 0.5);
      c.source = { first: from, last: j - 1 };
      c.sourceSide = 'left';
      c.features.push('colon', 'colon-headline', feat('src-', sourceShape(tokens, c.source)));
      contentRight(ctx, c, k + 1, hi);
      if (!c.content.length) c.features.push('no-content');
      return c;
    }
  }
  const f0 = npLeft(tokens, k - 1, from);
  if (f0 !== from) return undefined;
  if (!hasProper(tokens, from, k - 1) && !isCapitalized(tokens[from])) return undefined;
  // in a title-case headline every word is capitalised: the part before the colon must name a source (a name used
  // in the body, or a source noun such as "Newspaper", "Officials", "Poll")
  if (headline && !namesSource(ctx, from, k - 1)) return undefined;
  const c = base(k, ':', 'speech', 'colon', headline ? 0.5 : 0.6);
  c.source = { first: from, last: k - 1 };
  c.sourceSide = 'left';
  c.features.push('colon', headline ? 'colon-headline' : 'colon-quote', feat('src-', sourceShape(tokens, c.source)));
  contentRight(ctx, c, k + 1, hi);
  if (!c.content.length) c.features.push('no-content');
  return c;
}

/** Whether tokens [a, b] name a source: a word capitalised mid-sentence in the body, or a source noun. */
function namesSource(ctx: Ctx, a: number, b: number): boolean {
  const { tokens } = ctx;
  if (!ctx.bodyNames) {
    const names = new Set<string>();
    for (let k = 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.paragraph === 0 || !isCapitalized(t) || !t.isWord) continue;
      const prev = tokens[k - 1];
      if (prev.sentence !== t.sentence || isQuoteMark(prev) || prev.value === ':') continue; // sentence-initial
      names.add(t.normal);
    }
    ctx.bodyNames = names;
  }
  for (let k = a; k <= b; k++) {
    const n = tokens[k].normal;
    const l = tokens[k].lemma;
    // a person's name by its given name ("Ann Coulter: …")
    if (k < b && (FEMALE_NAMES.has(n) || MALE_NAMES.has(n)) && isCapitalized(tokens[k]) && isCapitalized(tokens[k + 1]) && tokens[k + 1].isWord) return true;
    if (n === 'newspaper' || n === 'newspapers') return true;
    if (ctx.bodyNames.has(n) || DOCUMENT_NOUNS.has(n) || ANONYMOUS_NOUNS.has(n) || VAGUE_NOUNS.has(n) || PERSON_TITLES.has(l) || ORGANIZATION_WORDS.has(n)) return true;
  }
  return false;
}

/** Words that mark hearsay: "reportedly", "allegedly", "a reported offer", "the alleged attack". */
const HEARSAY_WORDS = new Set(['reportedly', 'allegedly', 'purportedly', 'supposedly', 'reputedly', 'ostensibly', 'reported',
  'alleged', 'purported', 'rumored', 'rumoured', 'supposed', 'so-called']);

/** Scores candidates with the linear model. */
export function scoreCandidates(candidates: Candidate[], model: CueModel = CUE_MODEL): void {
  const buckets: number[] = [];
  for (const c of candidates) {
    const p = Math.min(0.995, Math.max(0.005, c.prior));
    let z = model.bias + model.prior * Math.log(p / (1 - p));
    for (const b of featureBuckets(c, model.bits, buckets)) z += model.weights[b];
    c.score = 1 / (1 + Math.exp(-z));
    // hearsay markers always attribute what they qualify to someone unnamed, whatever the corpus annotators chose
    if ((c.form === 'modifier' || c.form === 'adverb') && HEARSAY_WORDS.has(c.lemma)) c.score = Math.max(c.score, 0.9);
  }
}

/** Feature names of a candidate: its context features, crossed with its cue class, its cue word and nesting. */
export function featureNames(c: Candidate): string[] {
  const out: string[] = [`cls:${c.cls}`, `form:${c.form}`, `L:${c.lemma}`];
  let nested = '';
  for (const f of c.features) if (f === 'nested-strong' || f === 'nested-weak') nested = f;
  for (const f of c.features) {
    out.push(f);
    out.push(`${c.cls}&${f}`);
    out.push(`L:${c.lemma}&${f}`);
    if (nested && f !== nested && (f.startsWith('prev-') || f.startsWith('side-') || f.startsWith('src-') || f === 'gerund')) out.push(`${nested}&${f}`);
  }
  return out;
}

/**
 * Accepts candidates best first. A candidate is dropped when its cue lies in an accepted attribution's content or
 * source, or overlaps an accepted cue (PolNeAR's annotation, like most attribution schemes, does not nest).
 */
export function selectCandidates(doc: SlantDocument, candidates: Candidate[], threshold: number, nestedThreshold = 1): Candidate[] {
  const n = doc.tokens.length;
  const role = scratchInt32(n, -1); // -1 free, else index in accepted of the owner
  const inContent = scratchUint8(n);
  const order: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (candidates[i].score >= threshold) order.push(i);
  order.sort((a, b) => candidates[b].score - candidates[a].score || candidates[a].head - candidates[b].head);
  const accepted: Candidate[] = [];
  for (const i of order) {
    const c = candidates[i];
    let blocked = false;
    // "reportedly", "a reported offer" qualify the words they stand in, even inside another attribution's content
    const local = c.form === 'modifier' || c.form === 'adverb';
    for (let k = c.first; k <= c.last && !blocked; k++) if (role[k] >= 0 || (inContent[k] && !local && c.score < nestedThreshold)) blocked = true;
    if (blocked) continue;
    const id = accepted.length;
    accepted.push(c);
    for (let k = c.first; k <= c.last; k++) role[k] = id;
    if (c.source) for (let k = c.source.first; k <= c.source.last; k++) if (role[k] < 0) role[k] = id;
    for (const r of c.content) for (let k = r.first; k <= r.last; k++) inContent[k] = 1;
  }
  accepted.sort((a, b) => a.head - b.head);
  return accepted;
}
