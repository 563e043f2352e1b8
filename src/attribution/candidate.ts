/**
 * Types shared by the parts of cue detection: a candidate cue with its source and content token ranges, an entry of
 * the cue table, the cue model, and the per-document detection context.
 */
import type { SlantDocument, Token } from '../document';
import type { CueClass } from './lexicon';

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
  /** The feature group (bit of FEATURE_GROUPS in features.ts) of each entry of `lexical`. */
  lexicalGroup: number[];
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
  /** Feature groups the model uses, as a bit mask over FEATURE_GROUPS (features.ts); absent: all of them. */
  groups?: number;
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

/**
 * How far, in tokens, a cue looks for its source and content on either side within its sentence. A guard for text
 * without sentence breaks (lists, transcripts, pasted data): each cue scans its sentence, so an unbroken run of n
 * tokens with a cue every few words would cost time quadratic in n. News sentences are far shorter.
 */
export const CUE_REACH = 250;

export function base(k: number, lemma: string, cls: CueClass, form: CueForm, prior: number): Candidate {
  return {
    head: k,
    first: k,
    last: k,
    lemma,
    cls,
    form,
    prior,
    passive: false,
    sourceSide: 'none',
    content: [],
    features: [],
    lexical: [],
    lexicalGroup: [],
    score: 0,
  };
}
