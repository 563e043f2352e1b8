/**
 * Measuring and training for attribution detection on PolNeAR. Only documents of PolNeAR's original *train*
 * compartment are used for measuring priors and fitting the model (the corpus authors ask that their dev/test
 * compartments not be inspected); the rest of the dev split is scored, never trained on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SlantDocument } from '../../src/document';
import { parseDocument } from '../../src/document/build';
import { buildAttribution } from '../../src/attribution';
import {
  ALL_GROUPS,
  featureBuckets,
  findCandidates,
  scoreCandidates,
  selectCandidates,
  type Candidate,
  type CueModel,
  type CuePrior,
} from '../../src/attribution/detect';
export { ALL_GROUPS };
import {
  APPEARANCE_VERBS,
  ATTRIBUTION_NOUNS,
  BELIEF_VERBS,
  CREDIBILITY_VERBS,
  EVIDENCE_VERBS,
  SPEECH_VERBS,
  STANCE_VERBS,
  verbClassOf,
  type CueClass,
} from '../../src/attribution/lexicon';
import { score, type GoldDoc, type PredLine } from '../score';
import { vectorVerbPriors } from './vector-priors';

const VECTOR_PRIORS = process.env.ATTR_VEC !== '0';
import type { Attribution } from '../../src/attribution';

/** PolNeAR's dev split: ../shared beside the repository, or the file named by $POLNEAR, or under $SLANT_DATA. */
export const DATA =
  process.env.POLNEAR ?? join(process.env.SLANT_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data'), 'polnear', 'dev.jsonl');

export function loadPolnear(which: 'train' | 'heldout' | 'all', file = DATA): GoldDoc[] {
  const docs = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GoldDoc);
  if (which === 'all') return docs;
  return docs.filter((d) => (d.meta?.original_compartment === 'train') === (which === 'train'));
}

/** Fold of a document (0..k-1), stable by id. */
export function foldOf(id: string | number, k: number): number {
  let h = 2166136261;
  for (const ch of String(id)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % k;
}

/** The hand-written class of a lemma (lexicons/en/attribution-cues.json), or 'other'. */
export function classOf(lemma: string, form: 'v' | 'n'): CueClass {
  if (form === 'n') return 'noun';
  return verbClassOf(lemma) ?? 'other';
}

/** Every verb and noun is a candidate: for measuring how often each word heads an attribution. */
export class OpenPriors implements ReadonlyMap<string, CuePrior> {
  private cache = new Map<string, CuePrior>();
  get(key: string): CuePrior | undefined {
    let v = this.cache.get(key);
    if (!v) {
      const [lemma, form] = key.split('|') as [string, 'v' | 'n'];
      v = { prior: 0.5, cls: classOf(lemma, form) };
      this.cache.set(key, v);
    }
    return v;
  }
  has(): boolean {
    return true;
  }
  get size(): number {
    return this.cache.size;
  }
  forEach(): void {}
  entries(): MapIterator<[string, CuePrior]> {
    return this.cache.entries();
  }
  keys(): MapIterator<string> {
    return this.cache.keys();
  }
  values(): MapIterator<CuePrior> {
    return this.cache.values();
  }
  [Symbol.iterator](): MapIterator<[string, CuePrior]> {
    return this.cache.entries();
  }
}

export interface ParsedGold {
  gold: GoldDoc;
  doc: SlantDocument;
  /** Per character: 1 inside a gold cue, 2 inside gold content. */
  cueChar: Uint8Array;
  contentChar: Uint8Array;
}

export function parseGold(docs: GoldDoc[]): ParsedGold[] {
  return docs.map((gold) => {
    const doc = parseDocument(gold.text);
    const cueChar = new Uint8Array(gold.text.length);
    const contentChar = new Uint8Array(gold.text.length);
    for (const s of gold.spans ?? []) {
      const arr = s.label === 'attribution_cue' ? cueChar : s.label === 'attribution_content' ? contentChar : undefined;
      if (arr) for (let i = s.start; i < s.end; i++) arr[i] = 1;
    }
    return { gold, doc, cueChar, contentChar };
  });
}

export function isPositive(p: ParsedGold, c: Candidate): boolean {
  const t = p.doc.tokens[c.head];
  for (let i = t.start; i < t.end; i++) if (p.cueChar[i]) return true;
  return false;
}

/** Counts per lemma|form: free occurrences (not in gold content) and hits (head inside a gold cue). */
export function measurePriors(parsed: ParsedGold[]): Map<string, { occ: number; hits: number; cls: CueClass }> {
  const open = new OpenPriors();
  const stats = new Map<string, { occ: number; hits: number; cls: CueClass }>();
  for (const p of parsed) {
    const { candidates } = findCandidates(p.doc, open);
    for (const c of candidates) {
      if (c.form !== 'verb' && c.form !== 'noun' && c.form !== 'preposition' && c.form !== 'adverb' && c.form !== 'modifier') continue;
      const t = p.doc.tokens[c.head];
      const key =
        c.form === 'preposition'
          ? 'in|p'
          : c.form === 'adverb'
            ? `${t.normal}|v`
            : c.form === 'modifier'
              ? `${t.normal}|m`
              : `${t.lemma}|${c.form === 'noun' ? 'n' : 'v'}`;
      let s = stats.get(key);
      if (!s) stats.set(key, (s = { occ: 0, hits: 0, cls: c.cls }));
      const pos = isPositive(p, c);
      if (!pos && p.contentChar[t.start]) continue; // nested in another attribution's content: not informative
      s.occ++;
      if (pos) s.hits++;
    }
  }
  return stats;
}

type PriorStats = Map<string, { occ: number; hits: number; cls: CueClass }>;

/** The share of each class's occurrences that head an attribution (0.1 for a class never seen). */
function classRates(stats: PriorStats): (cls: CueClass) => number {
  const byClass = new Map<CueClass, { occ: number; hits: number }>();
  for (const s of stats.values()) {
    const c = byClass.get(s.cls) ?? { occ: 0, hits: 0 };
    c.occ += s.occ;
    c.hits += s.hits;
    byClass.set(s.cls, c);
  }
  return (cls) => {
    const c = byClass.get(cls);
    return c && c.occ ? c.hits / c.occ : 0.1;
  };
}

const LISTED_CLASSES: ReadonlyArray<[readonly string[], CueClass, 'v' | 'n']> = [
  [CREDIBILITY_VERBS, 'credibility', 'v'],
  [SPEECH_VERBS, 'speech', 'v'],
  [EVIDENCE_VERBS, 'evidence', 'v'],
  [APPEARANCE_VERBS, 'appearance', 'v'],
  [BELIEF_VERBS, 'belief', 'v'],
  [STANCE_VERBS, 'stance', 'v'],
  [ATTRIBUTION_NOUNS, 'noun', 'n'],
];

/** The prior of a listed word never seen: 0.8 x its class's rate (written to the priors file as classDefaults). */
export function classDefaultsFrom(stats: PriorStats): Partial<Record<CueClass, number>> {
  const rate = classRates(stats);
  return Object.fromEntries(LISTED_CLASSES.map(([, cls]) => [cls, rate(cls) * 0.8]));
}

/** Smoothed priors: words from the hand-written classes always; other words when the data supports them. */
export function priorsFrom(
  stats: PriorStats,
  m = Number(process.env.ATTR_PRIOR_M ?? 3),
  minHits = Number(process.env.ATTR_MIN_HITS ?? 3),
  minRate = 0.15,
): Map<string, CuePrior> {
  const classRate = classRates(stats);
  const out = new Map<string, CuePrior>();
  for (const [key, s] of stats) {
    const listed =
      key.endsWith('|p') ||
      key.endsWith('|m') ||
      s.cls === 'adverb' ||
      (s.cls !== 'other' && !(s.cls === 'noun' && !ATTRIBUTION_NOUNS.includes(key.split('|')[0])));
    const rate = s.occ ? s.hits / s.occ : 0;
    if (!listed && !(s.hits >= minHits && rate >= minRate)) continue;
    const cls = listed ? s.cls : s.cls === 'noun' ? 'noun' : 'other';
    const base = listed ? classRate(cls) : minRate;
    out.set(key, { prior: (s.hits + m * base) / (s.occ + m), cls });
  }
  // rare and unseen verbs: priors estimated from their nearest neighbours in the word vectors (vector-priors.ts)
  if (VECTOR_PRIORS) {
    const verbs = new Map<string, { occ: number; hits: number }>();
    for (const [key, s] of stats) if (key.endsWith('|v') && s.cls === 'other') verbs.set(key.slice(0, -2), s);
    const known = (w: string) => out.has(`${w}|v`) || verbClassOf(w) !== undefined;
    // a participle read as an adjective ("alleged") is looked up as itself first: keep it to its verb's entry
    const listedVerb = (w: string) => known(w) || (w.endsWith('ed') && (known(w.slice(0, -1)) || known(w.slice(0, -2))));
    for (const [w, prior] of vectorVerbPriors(verbs, listedVerb)) out.set(`${w}|v`, { prior, cls: 'other' });
  }
  // listed words never seen get their class default
  const defaults = classDefaultsFrom(stats);
  for (const [list, cls, form] of LISTED_CLASSES) {
    for (const w of list) if (!out.has(`${w}|${form}`)) out.set(`${w}|${form}`, { prior: defaults[cls]!, cls });
  }
  return out;
}

export interface Example {
  /** Hashed feature buckets. */
  features: Int32Array;
  prior: number;
  y: number;
}

export const BITS = Number(process.env.ATTR_BITS ?? 14);

export function examples(parsed: ParsedGold[], priors: ReadonlyMap<string, CuePrior>, bits = BITS, groups = ALL_GROUPS): Example[] {
  const out: Example[] = [];
  for (const p of parsed) {
    const { candidates } = findCandidates(p.doc, priors);
    for (const c of candidates) {
      const f = Int32Array.from(featureBuckets(c, bits, [], groups));
      out.push({ features: f, prior: c.prior, y: isPositive(p, c) ? 1 : 0 });
    }
  }
  return out;
}

const QUANT = 0.04; // weights are stored as int8 multiples of this step

/** L2-regularised logistic regression by Adagrad over hashed features; weights quantised to int8 steps. */
export function trainModel(
  ex: Example[],
  { epochs = Number(process.env.ATTR_EPOCHS ?? 10), l2 = Number(process.env.ATTR_L2 ?? 0.1), lr = 0.2, bits = BITS } = {},
): CueModel {
  const size = 1 << bits;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0,
    wp = 1,
    gb = 1e-8,
    gp = 1e-8;
  const logit = (p: number) => {
    const q = Math.min(0.995, Math.max(0.005, p));
    return Math.log(q / (1 - q));
  };
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = 0; i < ex.length; i++) {
      const e = ex[(i * 7919 + ep * 104729) % ex.length];
      const lp = logit(e.prior);
      let z = bias + wp * lp;
      for (const f of e.features) z += w[f];
      const p = 1 / (1 + Math.exp(-z));
      const g = p - e.y;
      gb += g * g;
      bias -= (lr / Math.sqrt(gb)) * g;
      const gpp = g * lp;
      gp += gpp * gpp;
      wp -= (lr / Math.sqrt(gp)) * gpp;
      for (const f of e.features) {
        const gf = g + l2 * w[f];
        g2[f] += gf * gf;
        w[f] -= (lr / Math.sqrt(g2[f])) * gf;
      }
    }
  }
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = Math.max(-127, Math.min(127, Math.round(w[i] / QUANT))) * QUANT;
  return { bias: Math.round(bias * 1000) / 1000, prior: Math.round(wp * 1000) / 1000, bits, weights, threshold: 0.5, nestedThreshold: 1 };
}

/** The model's weights as base64 int8 (for models/attribution-cue-model.json). */
export function encodeWeights(m: CueModel): string {
  const bytes = new Int8Array(m.weights.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(m.weights[i] / QUANT);
  return Buffer.from(bytes.buffer).toString('base64');
}
export { QUANT };

/** Attribution of a parsed document under the given priors and model. */
export function attributionWith(doc: SlantDocument, priors: ReadonlyMap<string, CuePrior>, model: CueModel) {
  const { candidates } = findCandidates(doc, priors);
  scoreCandidates(candidates, model);
  return buildAttribution(doc, selectCandidates(doc, candidates, model.threshold, model.nestedThreshold));
}

export function predOf(id: string | number, a: Attribution): PredLine {
  const spans: NonNullable<PredLine['spans']> = [];
  for (const r of a.relations) {
    spans.push({ start: r.cue.start, end: r.cue.end, label: 'cue' });
    if (r.source) spans.push({ start: r.source.start, end: r.source.end, label: 'source' });
    for (const p of r.contentParts) spans.push({ start: p.start, end: p.end, label: 'content', group: `a${r.index}` });
  }
  return { id, spans, doc: { attributions: a.relations.length } };
}

/**
 * Priors measured on all training documents; the model is trained on examples whose priors were measured on the
 * other CROSS folds only (cross-fitting), so that it learns how far an out-of-sample prior can be trusted rather
 * than trusting priors that already saw the example (off by default: ATTR_CROSS=5 gave CV5 cue +0.002, density +0.006 at ATTR_L2=0.3, within noise).
 */
const CROSS = Number(process.env.ATTR_CROSS ?? 0);
export interface Fit {
  priors: Map<string, CuePrior>;
  classDefaults: Partial<Record<CueClass, number>>;
  model: CueModel;
}
export function fit(train: ParsedGold[], groups: number): Fit {
  const stats = measurePriors(train);
  const priors = priorsFrom(stats);
  const classDefaults = classDefaultsFrom(stats);
  const withGroups = (model: CueModel): CueModel => (groups === ALL_GROUPS ? model : { ...model, groups });
  if (CROSS < 2) return { priors, classDefaults, model: withGroups(trainModel(examples(train, priors, BITS, groups))) };
  const ex = [];
  for (let f = 0; f < CROSS; f++) {
    const part = train.filter((p) => foldOf(`x${p.gold.id}`, CROSS) === f);
    const rest = train.filter((p) => foldOf(`x${p.gold.id}`, CROSS) !== f);
    ex.push(...examples(part, priorsFrom(measurePriors(rest)), BITS, groups));
  }
  return { priors, classDefaults, model: withGroups(trainModel(ex)) };
}

/** Scores pooled predictions (every document predicted by a model that never saw it) on the four PolNeAR measures. */
export function scorePooled(gold: GoldDoc[], preds: PredLine[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const task of ['cue', 'source', 'content'] as const) {
    const r = score({ task, gold, pred: preds });
    m[task] = r.metrics.span_overlap!.f1;
    m[`${task}_p`] = r.metrics.span_overlap!.p;
    m[`${task}_r`] = r.metrics.span_overlap!.r;
    m[`${task}50`] = r.metrics.ratio50!.f1;
  }
  m.density = score({ task: 'density', gold, pred: preds }).metrics.density!.spearman_per1k ?? 0;
  return m;
}

/**
 * Fits of the k folds by document id (fold f fitted on the other folds). The last ones are kept for the same gold
 * documents (the same objects), k and groups: the eval's PolNeAR tasks share them.
 */
let lastFits: { golds: GoldDoc[]; k: number; groups: number; fits: Fit[] } | undefined;
export function foldFits(train: ParsedGold[], k: number, groups: number): Fit[] {
  const golds = train.map((p) => p.gold);
  const c = lastFits;
  if (c && c.k === k && c.groups === groups && c.golds.length === golds.length && c.golds.every((g, i) => g === golds[i])) return c.fits;
  const fits = Array.from({ length: k }, (_, f) =>
    fit(
      train.filter((p) => foldOf(p.gold.id, k) !== f),
      groups,
    ),
  );
  lastFits = { golds, k, groups, fits };
  return fits;
}

/** Out-of-fold predictions of the train documents (k folds by document id) under each threshold pair. */
export function outOfFold(
  train: ParsedGold[],
  k: number,
  groups: number,
  thresholds: ReadonlyArray<readonly [number, number]>,
): PredLine[][] {
  const fits = foldFits(train, k, groups);
  const folds = fits.map((f, i) => ({ test: train.filter((p) => foldOf(p.gold.id, k) === i), ...f }));
  return thresholds.map(([th, nt]) =>
    folds.flatMap((fo) =>
      fo.test.map((p) => predOf(p.gold.id, attributionWith(p.doc, fo.priors, { ...fo.model, threshold: th, nestedThreshold: nt }))),
    ),
  );
}
