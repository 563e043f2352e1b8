import { z } from 'zod';
import type { SlantDocument } from '../document';
import { LexiconError } from '../errors';
import { documentRows, vectorRow, type WordVectors } from '../models/vectors';

/**
 * The word-level loaded-language model: a logistic regression over each word's lexicon match (weight, category,
 * negation, phrase), its part of speech and voice, its context (negator before it, the strongest other match within
 * three words) and its word vector and the mean vector of its neighbours (models/vectors-en.json). Trained with
 * 5-fold cross-validation by document by eval/research/loaded-learned.ts; weights in models/loaded-words.json.
 * The same feature code serves training and analysis.
 */

/**
 * The loaded-language lexicon's categories, in the order of the model's one-hot features. The analyzer's message
 * table is keyed by this type, so a category added here without a message does not compile.
 */
export const CATEGORIES = [
  'charged-verb',
  'charged-adjective',
  'charged-noun',
  'label',
  'exaggeration',
  'minimisation',
  'puffery',
  'intensifier',
  'superlative',
] as const;
export type LoadedCategory = (typeof CATEGORIES)[number];
const POS = ['ADJ', 'ADV', 'VERB', 'NOUN', 'PROPN'];
/**
 * Categories the model's veto never drops: puffery is promotional wording the training corpora (political news and
 * propaganda) barely contain, so its weights are an editorial floor and the model has no evidence on it either.
 */
export const NO_VETO = new Set<string>(['puffery']);
/** Parts of speech the model scores without a lexicon match (function words are never loaded on their own). */
export const OPEN_CLASS = new Set(POS);
const NEGATORS = new Set(['not', 'never', 'no', 'nor', 'hardly', 'scarcely', 'barely', 'without', 'neither']);
const SCALE = 10; // unit vectors of 100 dimensions have components of about ±0.1; scaled to about ±1

/** One lexicon match as the model sees it (the analyzer's resolved matches at any weight). */
export interface MatchInfo {
  first: number;
  last: number;
  weight: number;
  category: string;
  negated: boolean;
}

export interface FeatureSet {
  /** Include the word's own vector. */
  vector: boolean;
  /** Include the mean vector of the two words either side. */
  context: boolean;
  /**
   * Include the match's weight as a logit, the quoted voice by weight, the other matches of the sentence and the
   * word's derivational suffix (features that generalise past the words seen in training).
   */
  extra?: boolean;
  /**
   * Include whether the word is one half of a hyphenated compound that wink splits ("far-left" becomes "far", "-",
   * "left"; "pro-life" stays one token): the halves of such compounds read as neutral words on their own.
   */
  compound?: boolean;
}
/** Whether tokens a, a+1, a+2 are word, "-", word with no space between them. */
const glued = (doc: SlantDocument, a: number): boolean =>
  a >= 0 &&
  a + 2 < doc.tokens.length &&
  doc.tokens[a].isWord &&
  doc.tokens[a + 1].value === '-' &&
  doc.tokens[a + 2].isWord &&
  doc.tokens[a].end === doc.tokens[a + 1].start &&
  doc.tokens[a + 1].end === doc.tokens[a + 2].start;

/** Derivational suffixes of evaluative words, one feature each (only with `extra`). */
const SUFFIXES = ['ly', 'est', 'ous', 'ive', 'ist', 'ism', 'ful', 'less', 'ic', 'ical'] as const;

export function featureNames(fs: FeatureSet, D: number): string[] {
  const names = [
    'bias',
    'lex.weight',
    'lex.match',
    ...CATEGORIES.map((c) => `lex.category.${c}`),
    'lex.negated',
    'lex.phrase',
    'voice.quoted',
  ];
  names.push(...POS.map((p) => `pos.${p}`), 'ctx.negator', 'ctx.neighbourWeight', 'doc.firstSentence', 'vec.oov');
  if (fs.extra)
    names.push('lex.logit', 'lex.quotedWeight', 'ctx.sentenceMatches', 'ctx.sentenceWeight', ...SUFFIXES.map((x) => `suffix.${x}`));
  if (fs.compound) names.push('compound.in');
  if (fs.vector) for (let d = 0; d < D; d++) names.push(`vec.${d}`);
  if (fs.context) for (let d = 0; d < D; d++) names.push(`ctx.vec.${d}`);
  return names;
}

/** Per-token index of the covering match (-1 none). */
export function coverage(doc: SlantDocument, matches: readonly MatchInfo[]): Int32Array {
  const cover = new Int32Array(doc.tokens.length).fill(-1);
  matches.forEach((m, j) => {
    for (let k = m.first; k <= m.last; k++) cover[k] = j;
  });
  return cover;
}

/** Rows of the document's tokens in the vectors (-1: no vector or not a word): the document's layer, read-only. */
export function tokenRows(doc: SlantDocument, v: WordVectors | undefined): Int32Array {
  return v ? documentRows(doc, v) : new Int32Array(doc.tokens.length).fill(-1);
}

/** Whether the model scores token k at all: words of an open class or covered by a match. */
export function isCandidate(doc: SlantDocument, cover: Int32Array, k: number): boolean {
  const t = doc.tokens[k];
  return t.isWord && (cover[k] >= 0 || OPEN_CLASS.has(t.pos));
}

/** Writes the features of token k into x (length featureNames(fs).length). */
export function tokenFeatures(
  doc: SlantDocument,
  k: number,
  matches: readonly MatchInfo[],
  cover: Int32Array,
  rows: Int32Array,
  v: WordVectors | undefined,
  fs: FeatureSet,
  x: Float64Array,
): void {
  x.fill(0);
  const t = doc.tokens[k];
  let q = 0;
  x[q++] = 1;
  const m = cover[k] >= 0 ? matches[cover[k]] : undefined;
  x[q++] = m ? m.weight : 0;
  x[q++] = m ? 1 : 0;
  for (const c of CATEGORIES) x[q++] = m && m.category === c ? 1 : 0;
  x[q++] = m && m.negated ? 1 : 0;
  x[q++] = m && m.last > m.first ? 1 : 0;
  x[q++] = t.voice === 'quoted' ? 1 : 0;
  for (const p of POS) x[q++] = t.pos === p ? 1 : 0;
  let negator = 0;
  for (let j = k - 1, seen = 0; j >= 0 && seen < 3 && doc.tokens[j].sentence === t.sentence; j--) {
    if (!doc.tokens[j].isWord) continue;
    seen++;
    if (NEGATORS.has(doc.tokens[j].normal)) negator = 1;
  }
  x[q++] = negator;
  let near = 0;
  for (let j = Math.max(0, k - 3); j <= Math.min(doc.tokens.length - 1, k + 3); j++) {
    if (cover[j] >= 0 && cover[j] !== cover[k] && doc.tokens[j].sentence === t.sentence) near = Math.max(near, matches[cover[j]].weight);
  }
  x[q++] = near;
  x[q++] = t.sentence === 0 ? 1 : 0;
  x[q++] = rows[k] < 0 ? 1 : 0;
  if (fs.extra) {
    const w = m ? Math.min(0.98, Math.max(0.02, m.weight)) : 0;
    x[q++] = m ? Math.log(w / (1 - w)) : 0;
    x[q++] = m && t.voice === 'quoted' ? m.weight : 0;
    // the sentence's other matches at the report weight: how loaded the sentence is around the word
    let count = 0;
    let sum = 0;
    for (let j = 0; j < matches.length; j++) {
      const o = matches[j];
      if (j === cover[k] || o.weight < 0.23 || doc.tokens[o.first].sentence !== t.sentence) continue;
      count++;
      sum += o.weight;
    }
    x[q++] = Math.min(count, 3) / 3;
    x[q++] = Math.min(sum, 1);
    const word = t.normal;
    for (const suffix of SUFFIXES) x[q++] = word.length > suffix.length + 3 && word.endsWith(suffix) ? 1 : 0;
  }
  if (fs.compound) x[q++] = glued(doc, k) || glued(doc, k - 2) ? 1 : 0;
  if (!v) return;
  const D = v.dimensions;
  if (fs.vector) {
    if (rows[k] >= 0) for (let d = 0; d < D; d++) x[q + d] = SCALE * v.data[rows[k] * D + d];
    q += D;
  }
  if (fs.context) {
    let n = 0;
    for (let j = k - 1, seen = 0; j >= 0 && seen < 2 && doc.tokens[j].sentence === t.sentence; j--) {
      if (!doc.tokens[j].isWord) continue;
      seen++;
      if (rows[j] >= 0) {
        n++;
        for (let d = 0; d < D; d++) x[q + d] += v.data[rows[j] * D + d];
      }
    }
    for (let j = k + 1, seen = 0; j < doc.tokens.length && seen < 2 && doc.tokens[j].sentence === t.sentence; j++) {
      if (!doc.tokens[j].isWord) continue;
      seen++;
      if (rows[j] >= 0) {
        n++;
        for (let d = 0; d < D; d++) x[q + d] += v.data[rows[j] * D + d];
      }
    }
    if (n) for (let d = 0; d < D; d++) x[q + d] *= SCALE / n;
  }
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function dot(w: ArrayLike<number>, x: Float64Array): number {
  let z = 0;
  for (let q = 0; q < x.length; q++) z += w[q] * x[q];
  return z;
}

// ---------------------------------------------------------------------------------------------------------------
// The shipped model file

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
export const LoadedWordModelSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  license: z.string().optional(),
  trainedOn: z.string().optional(),
  vectors: z.string().min(1),
  featureSet: z.strictObject({
    vector: z.boolean(),
    context: z.boolean(),
    extra: z.boolean().optional(),
    compound: z.boolean().optional(),
  }),
  features: z.array(z.string().min(1)),
  weights: z.array(finite),
  /** A word without a lexicon match is reported when its probability is at least this. */
  threshold: finite,
  /**
   * A lexicon match at the report weight is not reported when the model rates every word of it below this
   * (default 0: never); chosen by cross-validation with the threshold.
   */
  veto: finite.optional(),
  metrics: z.unknown().optional(),
});
export type LoadedWordModelInput = z.input<typeof LoadedWordModelSchema>;
export type LoadedWordModel = z.output<typeof LoadedWordModelSchema>;

export function compileLoadedWordModel(input: unknown, v: WordVectors): LoadedWordModel {
  const parsed = LoadedWordModelSchema.safeParse(input);
  if (!parsed.success) throw new LexiconError('LEXICON_INVALID', `Invalid loaded-language word model:\n${z.prettifyError(parsed.error)}`);
  const m = parsed.data;
  const names = featureNames(m.featureSet, v.dimensions);
  const problems: string[] = [];
  if (m.vectors !== v.id) problems.push(`vectors: trained with "${m.vectors}", given "${v.id}"`);
  if (m.features.join(',') !== names.join(',')) problems.push('features: not the features this version computes');
  if (m.weights.length !== names.length) problems.push(`weights: ${m.weights.length} for ${names.length} features`);
  if (problems.length)
    throw new LexiconError('LEXICON_INVALID', `Loaded-language word model "${m.id}":\n  - ${problems.join('\n  - ')}`, problems);
  return m;
}

/**
 * The lexicon entries closest to a word by cosine of their vectors, best first (explanation of a model finding:
 * "close to: slammed, blasted"). `terms` are single-word lexicon terms with a vector row.
 */
export function nearestTerms<T extends { term: string; row: number }>(v: WordVectors, row: number, terms: readonly T[], n = 3): T[] {
  const D = v.dimensions;
  const data = v.data;
  // the word's row read once (float32 to float64 is exact: the same products, summed in the same order, as rowCosine)
  const q = new Float64Array(D);
  for (let d = 0; d < D; d++) q[d] = data[row * D + d];
  const best: Array<{ t: T; sim: number }> = [];
  for (const t of terms) {
    if (t.row === row) continue;
    const base = t.row * D;
    let sim = 0;
    for (let d = 0; d < D; d++) sim += q[d] * data[base + d];
    if (best.length < n || sim > best[best.length - 1].sim) {
      best.push({ t, sim });
      best.sort((a, b) => b.sim - a.sim);
      if (best.length > n) best.pop();
    }
  }
  return best.map((b) => b.t);
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis

/** A compiled model with its vectors and the lexicon terms it explains its findings by. */
export interface CompiledWordModel {
  readonly model: LoadedWordModel;
  readonly vectors: WordVectors;
  readonly weights: Float64Array;
  /** Weights of the features before the vectors. */
  readonly baseWeights: Float64Array;
  /**
   * Per vocabulary row: its vector's contribution to the logit as the word itself, and as a neighbour (before the
   * mean); NaN until {@link rowParts} fills the row.
   */
  readonly rowSelf: Float64Array;
  readonly rowContext: Float64Array;
  /** Number of features before the vectors. */
  readonly base: number;
  /** Single-word lexicon terms at or above the report threshold that have a vector. */
  readonly terms: ReadonlyArray<{ term: string; row: number }>;
  /** Nearest terms by vocabulary row, filled as words are met (at most one entry per vocabulary word). */
  readonly nearest: Map<number, string[]>;
}

const compiledCache = new WeakMap<object, WeakMap<object, Map<number, CompiledWordModel>>>();

/** Compiles the model once per (model input, lexicon entries, report weight). */
export function compileWordModel(
  input: object,
  vectors: WordVectors,
  entries: ReadonlyArray<{ terms: readonly string[]; weight: number }>,
  minWeight: number,
): CompiledWordModel {
  let byEntries = compiledCache.get(input);
  if (!byEntries) compiledCache.set(input, (byEntries = new WeakMap()));
  let byWeight = byEntries.get(entries);
  if (!byWeight) byEntries.set(entries, (byWeight = new Map()));
  const hit = byWeight.get(minWeight);
  if (hit && hit.vectors === vectors) return hit;
  const model = compileLoadedWordModel(input, vectors);
  const seen = new Set<number>();
  const terms: Array<{ term: string; row: number }> = [];
  for (const e of entries) {
    if (e.weight < minWeight) continue;
    for (const term of e.terms) {
      if (/\s/.test(term)) continue;
      const row = vectorRow(vectors, term);
      if (row < 0 || seen.has(row)) continue;
      seen.add(row);
      terms.push({ term, row });
    }
  }
  // The vector features enter the logit linearly, so their part is computed once per vocabulary row, when a text
  // first uses the row (NaN until then): scoring a word then costs a few additions instead of 200 multiplications.
  const weights = Float64Array.from(model.weights);
  const D = vectors.dimensions;
  const base = featureNames({ ...model.featureSet, vector: false, context: false }, D).length;
  const rowSelf = new Float64Array(vectors.words.length).fill(NaN);
  const rowContext = new Float64Array(vectors.words.length).fill(NaN);
  const compiled: CompiledWordModel = {
    model,
    vectors,
    weights,
    baseWeights: weights.subarray(0, base),
    rowSelf,
    rowContext,
    base,
    terms,
    nearest: new Map(),
  };
  byWeight.set(minWeight, compiled);
  return compiled;
}

export interface ModelWord {
  /** Token index. */
  k: number;
  probability: number;
  /** Nearest lexicon terms, best first. */
  closeTo: string[];
  /** Category by part of speech (verb → charged-verb, adjective → charged-adjective, adverb → intensifier, else charged-noun). */
  category: string;
}

const CATEGORY_OF_POS: Record<string, string> = {
  VERB: 'charged-verb',
  ADJ: 'charged-adjective',
  ADV: 'intensifier',
  NOUN: 'charged-noun',
  PROPN: 'charged-noun',
};

export interface ModelDecisions {
  /** Words without a lexicon match rated at or above the threshold. */
  words: ModelWord[];
  /** Lexicon matches below the report weight whose words the model rates at or above the threshold: index → probability. */
  rescued: Map<number, number>;
  /** Lexicon matches at the report weight whose words the model all rates below the model's veto: index → probability. */
  vetoed: Map<number, number>;
}

/** The features before the vectors. */
const baseSet = (c: CompiledWordModel): FeatureSet => ({ ...c.model.featureSet, vector: false, context: false });

/** Fills vocabulary row r's two vector parts (once per process and model). */
function rowParts(c: CompiledWordModel, r: number): void {
  if (!Number.isNaN(c.rowSelf[r])) return;
  const { vector, context } = c.model.featureSet;
  const D = c.vectors.dimensions;
  const ctxOffset = c.base + (vector ? D : 0);
  let a = 0;
  let b = 0;
  for (let d = 0; d < D; d++) {
    const x = c.vectors.data[r * D + d];
    if (vector) a += c.weights[c.base + d] * x;
    if (context) b += c.weights[ctxOffset + d] * x;
  }
  c.rowSelf[r] = SCALE * a;
  c.rowContext[r] = SCALE * b;
}

/** The logit of token k: base features `x` plus the precomputed vector parts (same value as the full feature vector). */
function fastLogit(doc: SlantDocument, k: number, rows: Int32Array, c: CompiledWordModel, x: Float64Array): number {
  let z = dot(c.baseWeights, x);
  if (c.model.featureSet.vector && rows[k] >= 0) {
    rowParts(c, rows[k]);
    z += c.rowSelf[rows[k]];
  }
  if (c.model.featureSet.context) {
    const sentence = doc.tokens[k].sentence;
    let n = 0;
    let sum = 0;
    for (let j = k - 1, seen = 0; j >= 0 && seen < 2 && doc.tokens[j].sentence === sentence; j--) {
      if (!doc.tokens[j].isWord) continue;
      seen++;
      if (rows[j] >= 0) {
        n++;
        rowParts(c, rows[j]);
        sum += c.rowContext[rows[j]];
      }
    }
    for (let j = k + 1, seen = 0; j < doc.tokens.length && seen < 2 && doc.tokens[j].sentence === sentence; j++) {
      if (!doc.tokens[j].isWord) continue;
      seen++;
      if (rows[j] >= 0) {
        n++;
        rowParts(c, rows[j]);
        sum += c.rowContext[rows[j]];
      }
    }
    if (n) z += sum / n;
  }
  return z;
}

/** The logit of token k from the full feature vector (the training path); equals the fast path used in analysis. */
export function fullLogit(doc: SlantDocument, k: number, matches: readonly MatchInfo[], c: CompiledWordModel): number {
  const cover = coverage(doc, matches);
  const rows = tokenRows(doc, c.vectors);
  const x = new Float64Array(c.weights.length);
  tokenFeatures(doc, k, matches, cover, rows, c.vectors, c.model.featureSet, x);
  return dot(c.weights, x);
}

/** The logit of token k by the fast path of {@link modelDecisions}. */
export function analysisLogit(doc: SlantDocument, k: number, matches: readonly MatchInfo[], c: CompiledWordModel): number {
  const cover = coverage(doc, matches);
  const rows = tokenRows(doc, c.vectors);
  const x = new Float64Array(c.baseWeights.length);
  tokenFeatures(doc, k, matches, cover, rows, undefined, baseSet(c), x);
  return fastLogit(doc, k, rows, c, x);
}

/**
 * What the model adds to the lexicon. `matches` are the analyzer's resolved lexicon matches at any weight (after its
 * legal-charge and negation rules); matches at or above `minWeight` are the lexicon's and not rescored.
 */
export function modelDecisions(
  doc: SlantDocument,
  matches: readonly MatchInfo[],
  c: CompiledWordModel,
  minWeight: number,
  threshold = c.model.threshold,
): ModelDecisions {
  const cover = coverage(doc, matches);
  const rows = tokenRows(doc, c.vectors);
  const x = new Float64Array(c.baseWeights.length);
  const noVectors = baseSet(c);
  const words: ModelWord[] = [];
  const rescued = new Map<number, number>();
  const veto = c.model.veto ?? 0;
  // the highest probability of any word of each match at the report weight (rated only when there is a veto)
  const reportedBest = new Map<number, number>();
  for (let k = 0; k < doc.tokens.length; k++) {
    const m = cover[k];
    const reported = m >= 0 && matches[m].weight >= minWeight;
    if ((reported && (veto <= 0 || NO_VETO.has(matches[m].category))) || !isCandidate(doc, cover, k)) continue;
    tokenFeatures(doc, k, matches, cover, rows, undefined, noVectors, x);
    const probability = sigmoid(fastLogit(doc, k, rows, c, x));
    if (reported) {
      reportedBest.set(m, Math.max(probability, reportedBest.get(m) ?? 0));
      continue;
    }
    if (probability < threshold) continue;
    if (m >= 0) {
      rescued.set(m, Math.max(probability, rescued.get(m) ?? 0));
      continue;
    }
    let closeTo = rows[k] >= 0 ? c.nearest.get(rows[k]) : [];
    if (!closeTo) c.nearest.set(rows[k], (closeTo = nearestTerms(c.vectors, rows[k], c.terms).map((n) => n.term)));
    words.push({ k, probability, closeTo: [...closeTo], category: CATEGORY_OF_POS[doc.tokens[k].pos] ?? 'charged-noun' });
  }
  const vetoed = new Map<number, number>();
  for (const [m, probability] of reportedBest) if (probability < veto) vetoed.set(m, probability);
  return { words, rescued, vetoed };
}
