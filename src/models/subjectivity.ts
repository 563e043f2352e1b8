import { z } from 'zod';
import type { SlantDocument } from '../document';
import type { Report } from '../report';
import { LexiconError } from '../errors';
import { documentRows, type WordVectors } from './vectors';

/**
 * The sentence subjectivity classifier (issue #17 item 3): a logistic regression over a sentence's loaded-language
 * lexicon matches, the unattributed-assertions analyzer's own decision on it (status and kinds of finding), a few
 * surface cues and the mean word vector of its writer's-voice words. Trained with 5-fold cross-validation by document
 * on BABE and MBIC dev (their `label_opinion` sentence labels) by eval/research/subjectivity-train.ts, which writes
 * models/subjectivity-en.json; thresholds are chosen on out-of-fold probabilities. The same feature code serves
 * training and analysis. Browser-safe: the model is plain JSON, validated here when first used.
 */

/** The unattributed-assertions analyzer's rule decision on a sentence, before the classifier. */
export type RuleStatus = 'unattributed-assertion' | 'attributed' | 'factual-report' | 'quoted';

/** What the unattributed-assertions analyzer found in a sentence (or a run of sentences, in training). */
export interface SentenceCues {
  statuses: ReadonlySet<RuleStatus>;
  /** Categories of its findings in the sentence ("vague-attribution", "unsourced-claim", ...), with repeats. */
  kinds: readonly string[];
}

/** A loaded-language lexicon match as the classifier sees it. */
export interface LoadedMatch {
  first: number;
  last: number;
  weight: number;
}

const STATUSES: RuleStatus[] = ['unattributed-assertion', 'attributed', 'factual-report', 'quoted'];
const KINDS = ['vague-attribution', 'agentless-attribution', 'unsupported-certainty', 'unsourced-claim'];
const FIRST_PERSON = new Set(['i', 'we', 'our', 'us', 'my', 'me']);
/** Loaded-language weight from which a match counts as a finding (the analyzer's default `minWeight`). */
const LOADED_MIN = 0.23;
/** Weaker matches, counted apart. */
const LOADED_WEAK = 0.1;
const SCALE = 10;

/** Features before the vector. */
const BASE_FEATURES = 7 + STATUSES.length + KINDS.length + 2 + 7;

export function subjectivityFeatureNames(D: number): string[] {
  const names = ['bias', 'lex.count', 'lex.any', 'lex.max', 'lex.sum', 'lex.weak', 'lex.quoted'];
  names.push(...STATUSES.map((s) => `status.${s}`), ...KINDS.map((k) => `ua.${k}`), 'ua.any', 'ua.count');
  names.push('len', 'quoted', 'punct', 'firstPerson', 'pos.ADJ', 'pos.ADV', 'pos.NUM');
  for (let d = 0; d < D; d++) names.push(`vec.${d}`);
  return names;
}

/**
 * Writes the features before the vector into x (length >= BASE_FEATURES) and collects the vector rows of the
 * writer's-voice words of sentences [s0, s1) into `rows`.
 */
function baseFeatures(
  doc: SlantDocument,
  s0: number,
  s1: number,
  matches: readonly LoadedMatch[],
  cues: SentenceCues,
  v: WordVectors,
  x: Float64Array,
  rows: number[],
): void {
  const t0 = doc.sentences[s0].tokenStart;
  const t1 = doc.sentences[s1 - 1].tokenEnd;
  let n = 0, max = 0, sum = 0, weak = 0, quotedLex = 0; // prettier-ignore
  for (const m of matches) {
    if (m.first < t0 || m.first >= t1 || m.weight < LOADED_WEAK) continue;
    if (doc.tokens[m.first].voice === 'quoted') {
      if (m.weight >= LOADED_MIN) quotedLex = 1;
      continue;
    }
    if (m.weight < LOADED_MIN) {
      weak++;
      continue;
    }
    n++;
    max = Math.max(max, m.weight);
    sum += m.weight;
  }
  let q = 0;
  x[q++] = 1;
  x[q++] = Math.min(n, 4) / 2;
  x[q++] = n ? 1 : 0;
  x[q++] = max;
  x[q++] = sum / 2;
  x[q++] = Math.min(weak, 4) / 2;
  x[q++] = quotedLex;
  for (const s of STATUSES) x[q++] = cues.statuses.has(s) ? 1 : 0;
  for (const k of KINDS) x[q++] = cues.kinds.includes(k) ? 1 : 0;
  x[q++] = cues.kinds.length ? 1 : 0;
  x[q++] = Math.min(cues.kinds.length, 4) / 2;
  let words = 0, adj = 0, adv = 0, num = 0, first = 0, quoted = 0; // prettier-ignore
  rows.length = 0;
  const tokenRows = documentRows(doc, v);
  for (let k = t0; k < t1; k++) {
    const t = doc.tokens[k];
    if (!t.isWord) continue;
    words++;
    if (t.pos === 'ADJ') adj++;
    else if (t.pos === 'ADV') adv++;
    else if (t.pos === 'NUM') num++;
    if (FIRST_PERSON.has(t.normal)) first = 1;
    if (t.voice === 'quoted') {
      quoted = 1;
      continue;
    }
    const row = tokenRows[k];
    if (row >= 0) rows.push(row);
  }
  let punct = 0;
  for (let c = doc.sentences[s0].start, end = doc.sentences[s1 - 1].end; c < end && !punct; c++) {
    const ch = doc.text.charCodeAt(c);
    if (ch === 33 || ch === 63) punct = 1; // ! ?
  }
  const w = Math.max(1, words);
  x[q++] = Math.log1p(words) / 4;
  x[q++] = quoted;
  x[q++] = punct;
  x[q++] = first;
  x[q++] = (adj / w) * 5;
  x[q++] = (adv / w) * 5;
  x[q] = (num / w) * 5;
}

/**
 * The features of sentences [s0, s1) (one sentence in analysis; a whole BABE/MBIC item in training): the base features
 * and the mean of the writer's-voice word vectors (unit rows), times SCALE. `matches` are the loaded-language lexicon
 * matches of the document, or of the sentences (any order; others are skipped).
 */
export function subjectivityFeatures(
  doc: SlantDocument,
  s0: number,
  s1: number,
  matches: readonly LoadedMatch[],
  cues: SentenceCues,
  v: WordVectors,
): Float64Array {
  const D = v.dimensions;
  const x = new Float64Array(BASE_FEATURES + D);
  const rows: number[] = [];
  baseFeatures(doc, s0, s1, matches, cues, v, x, rows);
  for (const r of rows) for (let d = 0; d < D; d++) x[BASE_FEATURES + d] += v.data[r * D + d];
  if (rows.length) for (let d = 0; d < D; d++) x[BASE_FEATURES + d] *= SCALE / rows.length;
  return x;
}

/** A validated model with the vector part of its logit precomputed per vocabulary row. */
export interface CompiledSubjectivity {
  readonly model: SubjectivityModel;
  readonly vectors: WordVectors;
  /** Per vocabulary row: SCALE * (vector weights . row); NaN until {@link rowDotOf} computes it. */
  readonly rowDot: Float64Array;
}

/** SCALE * (vector weights . row r), computed once per process and model. */
function rowDotOf(c: CompiledSubjectivity, r: number): number {
  let dot = c.rowDot[r];
  if (Number.isNaN(dot)) {
    const D = c.vectors.dimensions;
    let z = 0;
    for (let d = 0; d < D; d++) z += c.model.weights[BASE_FEATURES + d] * c.vectors.data[r * D + d];
    c.rowDot[r] = dot = SCALE * z;
  }
  return dot;
}

const scratchX = new Float64Array(BASE_FEATURES);
const scratchRows: number[] = [];

/**
 * The subjectivity of sentences [s0, s1) by the analysis path: the same value as
 * `subjectivityOf(model.weights, subjectivityFeatures(...))`, with the vector part summed from `rowDot` (the mean
 * enters the logit linearly), so a word costs one addition instead of one per dimension.
 */
export function rateSentences(
  c: CompiledSubjectivity,
  doc: SlantDocument,
  s0: number,
  s1: number,
  matches: readonly LoadedMatch[],
  cues: SentenceCues,
): number {
  baseFeatures(doc, s0, s1, matches, cues, c.vectors, scratchX, scratchRows);
  const w = c.model.weights;
  let z = 0;
  for (let q = 0; q < BASE_FEATURES; q++) z += w[q] * scratchX[q];
  if (scratchRows.length) {
    let v = 0;
    for (const r of scratchRows) v += rowDotOf(c, r);
    z += v / scratchRows.length;
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * The rule cues of sentences [s0, s1) read back from a report made with the classifier off (training, and the test
 * that training and analysis see the same features): the sentence statuses and the analyzer's finding categories.
 */
export function ruleCuesOf(doc: SlantDocument, report: Report, s0: number, s1: number): SentenceCues {
  const statuses = new Set<RuleStatus>();
  for (const st of report.sentences) {
    if (st.index < s0 || st.index >= s1) continue;
    statuses.add(st.voice === 'quoted' ? 'quoted' : (st.status as RuleStatus));
  }
  const kinds: string[] = [];
  const lo = doc.sentences[s0].start;
  const hi = doc.sentences[s1 - 1].end;
  for (const f of report.findings)
    if (f.analyzer === 'unattributed-assertions' && f.span.start >= lo && f.span.start < hi) kinds.push(f.category);
  return { statuses, kinds };
}

// ---------------------------------------------------------------------------------------------------------------
// The shipped model file

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const probability = z.number().min(0).max(1);
export const SubjectivityModelSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  license: z.string().optional(),
  trainedOn: z.string().optional(),
  regenerate: z.string().optional(),
  vectors: z.string().min(1),
  features: z.array(z.string().min(1)),
  weights: z.array(finite),
  /** A writer's-voice sentence is subjective (an unattributed assertion when no source is named) from this probability. */
  thresholds: z.strictObject({ opinion: probability, bias: probability }),
  metrics: z.unknown().optional(),
});
export type SubjectivityModel = z.output<typeof SubjectivityModelSchema>;

const compiled = new WeakMap<object, CompiledSubjectivity>();

/** Validates the model against the features this version computes and the vectors it was trained with (cached per input). */
export function compileSubjectivityModel(input: object, v: WordVectors): CompiledSubjectivity {
  const hit = compiled.get(input);
  if (hit && hit.vectors === v) return hit;
  const parsed = SubjectivityModelSchema.safeParse(input);
  if (!parsed.success) throw new LexiconError('LEXICON_INVALID', `Invalid subjectivity model:\n${z.prettifyError(parsed.error)}`);
  const m = parsed.data;
  const names = subjectivityFeatureNames(v.dimensions);
  const problems: string[] = [];
  if (m.vectors !== v.id) problems.push(`vectors: trained with "${m.vectors}", given "${v.id}"`);
  if (m.features.join(',') !== names.join(',')) problems.push('features: not the features this version computes');
  if (m.weights.length !== names.length) problems.push(`weights: ${m.weights.length} for ${names.length} features`);
  if (problems.length) throw new LexiconError('LEXICON_INVALID', `Subjectivity model "${m.id}":\n  - ${problems.join('\n  - ')}`, problems);
  // filled per row when a text first uses it (rowDotOf): most of the vocabulary never occurs in one run
  const rowDot = new Float64Array(v.words.length).fill(NaN);
  const c: CompiledSubjectivity = { model: m, vectors: v, rowDot };
  compiled.set(input, c);
  return c;
}

/** The probability that the sentence is opinionated, from its features. */
export function subjectivityOf(weights: readonly number[], x: Float64Array): number {
  let z = 0;
  for (let q = 0; q < x.length; q++) z += weights[q] * x[q];
  return 1 / (1 + Math.exp(-z));
}
