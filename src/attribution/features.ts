/**
 * Features and model of cue detection: context features of a candidate hashed into buckets (FNV-1a, crossed with the
 * cue class, the cue word and nesting), and the logistic score of each candidate.
 */
import type { Token } from '../document';
import type { Candidate, Ctx, CueModel } from './candidate';
import { CUE_MODEL } from './model';
import { ALL_GROUPS, G } from './feature-groups';

export { ALL_GROUPS, FEATURE_GROUPS, groupMask, type FeatureGroup } from './feature-groups';

const featCache = new Map<string, Map<string, string>>();

/** `prefix + value`, the same string object every time (feature names repeat; their hashes are cached). */
export function feat(prefix: string, value: string): string {
  let m = featCache.get(prefix);
  if (!m) featCache.set(prefix, (m = new Map()));
  let f = m.get(value);
  if (f === undefined) {
    f = prefix + value;
    if (m.size < 50_000) m.set(value, f);
  }
  return f;
}

export const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a hash of a string, continuing from `h` (so `hashOf(b, hashOf(a))` is the hash of `a + b` without building
 * the string). Computed each time: for these short strings that is faster than looking a cached value up.
 */
export function hashOf(name: string, h = FNV_OFFSET): number {
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

/**
 * Hash buckets of a candidate's features: its context features, each also crossed with its cue class, with its cue
 * word and with its nesting (as `featureNames` lists them), computed without building the crossed names.
 */
export function featureBuckets(c: Candidate, bits: number, out: number[] = [], groups = ALL_GROUPS): number[] {
  out.length = 0;
  const cls = hashOf(c.cls, CLS_PREFIX_HASH);
  const lemma = hashOf(c.lemma, LEMMA_PREFIX_HASH);
  if (groups & G.class) out.push(mix(cls, 0, bits));
  if (groups & G.form) out.push(mix(hashOf(c.form, FORM_PREFIX_HASH), 0, bits));
  if (groups & G.lemma) out.push(mix(lemma, 0, bits));
  let nested = 0;
  if (groups & G['nested-cross']) for (const f of c.features) if (f === 'nested-strong' || f === 'nested-weak') nested = hashOf(f);
  for (let i = 0; i < c.lexical.length; i++) if (groups & c.lexicalGroup[i]) out.push(mix(c.lexical[i], 0x55555555, bits));
  for (const f of c.features) {
    const h = hashOf(f);
    if (groups & G.context) out.push(mix(h, 0, bits));
    if (groups & G['class-cross']) out.push(mix(cls, h, bits));
    if (groups & G['lemma-cross']) out.push(mix(lemma, h, bits));
    if (nested && h !== nested && (f.startsWith('prev-') || f.startsWith('side-') || f.startsWith('src-') || f === 'gerund'))
      out.push(mix(nested, h, bits));
  }
  return out;
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
export function windowFeatures(ctx: Ctx, c: Candidate): void {
  const { tokens } = ctx;
  const out = c.lexical;
  const group = c.lexicalGroup;
  const s = tokens[c.head].sentence;
  windowWord(c, tokens[c.first - 1], s, SLOT_W1);
  windowWord(c, tokens[c.first - 2], s, SLOT_W2);
  windowWord(c, tokens[c.last + 1], s, SLOT_W3);
  windowWord(c, tokens[c.last + 2], s, SLOT_W4);
  out.push(SLOT_FORM ^ hashOf(tokens[c.head].normal));
  group.push(G['head-form']);
  if (c.source) {
    let h = c.source.last;
    while (h > c.source.first && !tokens[h].isWord) h--;
    const len = c.source.last - c.source.first + 1;
    out.push(SLOT_SRC ^ hashOf(tokens[h].pos === 'PROPN' ? 'PROPN' : tokens[h].lemma), (SLOT_SRC + 1) ^ (len > 6 ? 7 : len > 2 ? 3 : len));
    group.push(G['source-shape'], G['source-shape']);
  }
}

/** The word and tag of a neighbouring token in `slot`, or the sentence edge (a tag) when it lies outside sentence `s`. */
function windowWord(c: Candidate, t: Token | undefined, s: number, slot: number): void {
  if (!t || t.sentence !== s) {
    c.lexical.push(slot ^ SENTENCE_EDGE);
    c.lexicalGroup.push(G['window-tags']);
    return;
  }
  c.lexical.push(Math.imul(slot, 31) ^ hashOf(t.normal), Math.imul(slot, 17) ^ hashOf(t.pos));
  c.lexicalGroup.push(G['window-words'], G['window-tags']);
}

/** Words that mark hearsay: "reportedly", "allegedly", "a reported offer", "the alleged attack". */
const HEARSAY_WORDS = new Set([
  'reportedly',
  'allegedly',
  'purportedly',
  'supposedly',
  'reputedly',
  'ostensibly',
  'reported',
  'alleged',
  'purported',
  'rumored',
  'rumoured',
  'supposed',
  'so-called',
]);

/** Scores candidates with the linear model. */
export function scoreCandidates(candidates: Candidate[], model: CueModel = CUE_MODEL): void {
  const buckets: number[] = [];
  for (const c of candidates) {
    const p = Math.min(0.995, Math.max(0.005, c.prior));
    let z = model.bias + model.prior * Math.log(p / (1 - p));
    for (const b of featureBuckets(c, model.bits, buckets, model.groups)) z += model.weights[b];
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
    if (nested && f !== nested && (f.startsWith('prev-') || f.startsWith('side-') || f.startsWith('src-') || f === 'gerund'))
      out.push(`${nested}&${f}`);
  }
  return out;
}
