// The project's evaluation scorer: a typed port of the reference scorer (shared/eval/score.mjs).
// It must give exactly the same numbers as the reference for the same gold and PRED lines; the
// agreement is checked by test/eval/score-agrees.test.ts. Metric definitions: shared/eval/README.md.
//
// Offsets are JS UTF-16 code-unit offsets into the gold `text`, end exclusive.
// Node only (reads files with node:fs).
import * as fs from 'node:fs';

// ---------------------------------------------------------------------------------------------
// Types

/** Corpus-specific attributes of a gold span (PolNeAR attribution ids, GGT quote references, ...). */
export interface GoldAttrs {
  attribution_id?: string | number | null;
  role?: string | null;
  has_source?: boolean;
  reference?: string | null;
  direct?: boolean;
  [key: string]: unknown;
}

export interface GoldSpan {
  start: number;
  end: number;
  label: string;
  surface?: string;
  attrs?: GoldAttrs;
}

/** One line of a gold corpus file. */
export interface GoldDoc {
  id: string | number;
  text: string;
  spans?: GoldSpan[];
  doc_labels?: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

/** One predicted span. Offsets are validated by the scorer (bad ones count as invalid false positives). */
export interface PredSpan {
  start: number;
  end: number;
  label: string;
  /** Quote speaker as the tool resolves it (task `quote`). */
  speaker?: string | null;
  /** Spans with the same label and group form one predicted (discontinuous) unit. */
  group?: string | number | null;
}

/** Document-level predictions. */
export interface PredDocFields {
  positive?: boolean;
  attributions?: number;
  frames?: string[];
  [key: string]: unknown;
}

/** One line of a PRED file. */
export interface PredLine {
  id: string | number;
  spans?: PredSpan[];
  doc?: PredDocFields;
}

export type Task = 'loaded' | 'cue' | 'source' | 'content' | 'agentless' | 'quote' | 'sentence' | 'density' | 'frames';

export interface ScoreOptions {
  task: Task | string;
  gold: GoldDoc[];
  pred: PredLine[];
  goldLabels?: string[];
  predLabel?: string;
  /** Task `sentence`: the doc_labels key, the positive value(s) ('A|B'), values to leave out. */
  goldKey?: string;
  goldPos?: string;
  goldExclude?: string[];
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export interface OverlapCounts {
  pred_units: number;
  pred_hit: number;
  gold_units: number;
  gold_hit: number;
}
export type OverlapMetrics = PRF & OverlapCounts;

export interface WordCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export type WordMetrics = PRF & WordCounts;

export interface RatioCounts {
  matched: number;
  pred_units: number;
  gold_units: number;
}
export type RatioMetrics = PRF & RatioCounts;

export interface AgentlessCounts {
  gold_units: number;
  gold_hit: number;
  pred_units: number;
  pred_hit_broad: number;
  pred_hit_strict: number;
  generic_source_attributions: number;
  agentless_attributions: number;
}
export type AgentlessMetrics = PRF & { p_strict: number; f1_strict: number } & AgentlessCounts;

export interface SpeakerMetrics {
  accuracy: number;
  correct: number;
  n: number;
  matched_without_reference: number;
}

export interface RecallByType {
  direct: number;
  direct_n: number;
  indirect: number;
  indirect_n: number;
}

export interface SentenceCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  excluded: number;
  pred_missing_field: number;
}
export type SentenceMetrics = {
  n: number;
  accuracy: number;
  p: number;
  r: number;
  f1: number;
  f1_neg: number;
  macro_f1: number;
  gold_pos_rate: number;
  pred_pos_rate: number;
} & SentenceCounts;

export interface FramesMetrics {
  n: number;
  micro_p: number;
  micro_r: number;
  micro_f1: number;
  macro_f1: number;
  labels: number;
}

export interface DensityMetrics {
  n: number;
  spearman: number | null;
  spearman_per1k: number | null;
  mae_per1k: number;
  mean_gold_per1k: number;
  mean_pred_per1k: number;
  spearman_wordcount_vs_gold: number | null;
  pred_missing_field: number;
}

export interface Metrics {
  span_overlap?: OverlapMetrics;
  word?: WordMetrics;
  ratio50?: RatioMetrics;
  agentless?: AgentlessMetrics;
  ratio30?: RatioMetrics;
  ratio80?: RatioMetrics;
  speaker?: SpeakerMetrics;
  recall30_by_type?: RecallByType;
  sentence?: SentenceMetrics;
  frames?: FramesMetrics;
  density?: DensityMetrics;
}

export interface ScoreStats {
  docs: number;
  pred_docs_missing: number;
  pred_docs_extra: number;
  pred_duplicate_lines: number;
  invalid_pred_spans: number;
  pred_units_without_weight: number;
}

export interface ScoreResult extends ScoreStats {
  task: string;
  gold_labels: string[];
  pred_label: string | undefined;
  gold_units_without_weight?: number;
  gold_key?: string;
  gold_pos?: string;
  gold_exclude?: string[];
  metrics: Metrics;
  gold_files?: string[];
  pred_file?: string;
}

export interface WordToken {
  start: number;
  end: number;
  text: string;
}

export interface CaseStats {
  /** lowercase occurrences per lowercased word */
  low: Map<string, number>;
  /** capitalised, not sentence-initial occurrences per lowercased word */
  capMid: Map<string, number>;
}

/** A unit: sorted disjoint intervals (a gold annotation possibly in fragments, or a group of predicted spans). */
export interface Unit {
  iv: Array<[number, number]>;
  /** weighted characters (neither whitespace nor quotation marks) */
  w: number;
  key: string;
}
interface GoldUnit extends Unit {
  spans: GoldSpan[];
  attrs: GoldAttrs;
}
interface PredUnit extends Unit {
  speaker: unknown;
}

export interface Match {
  gi: number;
  pj: number;
  ratio: number;
}

// ---------------------------------------------------------------------------------------------
// Constants
export const WORD_RE = /[\p{L}\p{N}'’-]+/gu;
const ALNUM_RE = /[\p{L}\p{N}]/u;
// Characters that carry no weight when spans are compared (whitespace and quotation marks), so
// that a span that differs from another only by surrounding spaces or quote marks is identical.
const NO_WEIGHT_RE = /[\s"“”„‟«»‹›'‘’`]/u;
// (non-global, so .test() keeps no state; hoisted out of the loops)
const UPPER_START_RE = /^\p{Lu}/u;
const SENTENCE_START_BEFORE_RE = /(^|[.!?:;\n])["“‘'([\s]*$/u;

export const DEFAULT_GOLD_LABELS: Readonly<Partial<Record<Task, readonly string[]>>> = {
  loaded: [
    'Loaded_Language',
    'Name_Calling,Labeling',
    'Exaggeration,Minimisation', // PTC (SemEval-2020)
    'Name_Calling-Labeling',
    'Exaggeration-Minimisation', // SemEval-2023 spelling of the same labels
    'lexical_bias', // BASIL
    'biased_word', // BABE, MBIC
  ],
  cue: ['attribution_cue'],
  source: ['attribution_source'],
  content: ['attribution_content'],
  agentless: ['attribution_cue'],
  quote: ['quote'],
  density: ['attribution_cue'],
};
export const DEFAULT_PRED_LABEL: Readonly<Partial<Record<Task, string>>> = {
  loaded: 'loaded',
  cue: 'cue',
  source: 'source',
  content: 'content',
  agentless: 'vague',
  quote: 'quote',
};
export const TASKS: readonly Task[] = ['loaded', 'cue', 'source', 'content', 'agentless', 'quote', 'sentence', 'density', 'frames'];

const isTask = (t: string): t is Task => (TASKS as readonly string[]).includes(t);
const defaultGoldLabels = (task: string): readonly string[] => (isTask(task) ? DEFAULT_GOLD_LABELS[task] : undefined) || [];
const defaultPredLabel = (task: string): string | undefined => (isTask(task) ? DEFAULT_PRED_LABEL[task] : undefined);

// ---------------------------------------------------------------------------------------------
// I/O
/** Reads a JSONL file (blank lines skipped); throws `file:line: invalid JSON (...)` on a bad line. */
export function readJsonl<T = unknown>(file: string): T[] {
  const out: T[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: invalid JSON (${(e as Error).message})`, { cause: e });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text helpers
/** The scorer's words: matches of /[\p{L}\p{N}'’-]+/u that contain a letter or digit. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const index = m.index ?? 0;
    if (ALNUM_RE.test(m[0])) out.push({ start: index, end: index + m[0].length, text: m[0] });
  }
  return out;
}

/** Prefix sums of "weighted" characters (not whitespace, not a quotation mark). */
function weightPrefix(text: string): Int32Array {
  const p = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) p[i + 1] = p[i] + (NO_WEIGHT_RE.test(text[i]) ? 0 : 1);
  return p;
}

/** Weight prefix sums and words of a gold document, kept while the document object lives (tasks share them). */
interface DocCache {
  text: string;
  W: Int32Array | null;
  words: WordToken[] | null;
}
const DOC_CACHE = new WeakMap<object, DocCache>();

/** Per-document context, with the weight prefix sums and words computed lazily (and cached per document). */
export class DocCtx {
  readonly doc: GoldDoc;
  readonly text: string;
  private readonly cache: DocCache;
  constructor(doc: GoldDoc) {
    this.doc = doc;
    this.text = typeof doc.text === 'string' ? doc.text : '';
    let c = DOC_CACHE.get(doc);
    if (!c || c.text !== this.text) DOC_CACHE.set(doc, (c = { text: this.text, W: null, words: null }));
    this.cache = c;
  }
  get W(): Int32Array {
    if (!this.cache.W) this.cache.W = weightPrefix(this.text);
    return this.cache.W;
  }
  get words(): WordToken[] {
    if (!this.cache.words) this.cache.words = wordTokens(this.text);
    return this.cache.words;
  }
  /** Weighted characters in [s, e). */
  weight(s: number, e: number): number {
    return e > s ? this.W[e] - this.W[s] : 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Units
// Interval ends are never NaN here (makeUnit keeps only e > s), so these equal Math.max / Math.min;
// they are used in the hot loops because Math.* calls are not inlined inside jest's sandbox (~25x slower).
const max2 = (a: number, b: number): number => (a > b ? a : b);
const min2 = (a: number, b: number): number => (a < b ? a : b);

function mergeIntervals(iv: Array<[number, number]>): Array<[number, number]> {
  iv.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of iv) {
    const last = out[out.length - 1];
    if (out.length && s <= last[1]) last[1] = max2(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function makeUnit<X extends object>(ctx: DocCtx, iv: Array<[number, number]>, extra: X): { iv: Array<[number, number]>; w: number } & X {
  const merged = mergeIntervals(iv.filter(([s, e]) => e > s));
  let w = 0;
  for (const [s, e] of merged) w += ctx.weight(s, e);
  return { iv: merged, w, ...extra };
}

/** Weighted size of the intersection of two units. */
export function interWeight(ctx: DocCtx, a: Pick<Unit, 'iv'>, b: Pick<Unit, 'iv'>): number {
  let i = 0,
    j = 0,
    w = 0;
  while (i < a.iv.length && j < b.iv.length) {
    const s = max2(a.iv[i][0], b.iv[j][0]);
    const e = min2(a.iv[i][1], b.iv[j][1]);
    if (e > s) w += ctx.weight(s, e);
    if (a.iv[i][1] < b.iv[j][1]) i++;
    else j++;
  }
  return w;
}

/** Grouping key of a gold span: attribution fragments (id, label, role) or identical offsets. */
export function goldKey(sp: GoldSpan): string {
  const a: GoldAttrs = sp.attrs || {};
  if (a.attribution_id != null) return `${sp.label}|attr:${a.attribution_id}|${a.role || ''}`;
  return `span:${sp.start}:${sp.end}`; // identical offsets under several selected labels = one unit
}

/** Gold units for a label set; fragments of one annotation (same attribution id, label, role) are one unit. */
function goldUnits(ctx: DocCtx, labels: Set<string>, filter: (sp: GoldSpan) => unknown = () => true): { units: GoldUnit[]; zero: number } {
  const groups = new Map<string, GoldSpan[]>();
  for (const sp of ctx.doc.spans || []) {
    if (!labels.has(sp.label) || !filter(sp)) continue;
    const k = goldKey(sp);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(sp);
  }
  const units: GoldUnit[] = [];
  let zero = 0;
  for (const [key, spans] of groups) {
    const u = makeUnit(
      ctx,
      spans.map((s): [number, number] => [s.start, s.end]),
      { key, spans, attrs: spans[0].attrs || {} },
    );
    if (u.w === 0) zero++;
    else units.push(u);
  }
  return { units, zero };
}

/** Predicted units for one label. Spans sharing a `group` value form one unit; otherwise each span is one. */
function predUnits(ctx: DocCtx, spans: PredSpan[] | undefined, label: string | undefined, stats: ScoreStats): PredUnit[] {
  const groups = new Map<string, { iv: Array<[number, number]>; speaker: unknown; invalid: boolean }>();
  const n = ctx.text.length;
  for (const sp of spans || []) {
    if (!sp || sp.label !== label) continue;
    let s = Number(sp.start),
      e = Number(sp.end);
    let invalid = false;
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > n || s >= e) {
      stats.invalid_pred_spans++;
      invalid = true;
      s = e = 0; // matches nothing
    }
    const k = sp.group != null ? `group:${sp.group}` : invalid ? `invalid:${stats.invalid_pred_spans}` : `span:${s}:${e}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { iv: [], speaker: undefined, invalid: false }));
    g.iv.push([s, e]);
    if (invalid) g.invalid = true;
    if (g.speaker == null && sp.speaker != null) g.speaker = sp.speaker;
  }
  const units: PredUnit[] = [];
  for (const [key, g] of groups) {
    const u = makeUnit(ctx, g.iv, { key, speaker: g.speaker });
    // A valid span with no weighted character (only spaces / quote marks) is ignored, as such gold spans are.
    // An invalid span (bad or out-of-range offsets) stays and counts as a false positive.
    if (u.w === 0 && !g.invalid) stats.pred_units_without_weight++;
    else units.push(u);
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Metric helpers
const prf = (tpP: number, nP: number, tpR: number, nR: number): PRF => {
  const p = nP ? tpP / nP : 0;
  const r = nR ? tpR / nR : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Span-overlap counts: pred units hitting any gold unit, gold units hit by any pred unit. */
function overlapCounts(ctx: DocCtx, gold: Unit[], pred: Unit[], acc: OverlapCounts): void {
  const gHit: boolean[] = new Array<boolean>(gold.length).fill(false);
  for (const p of pred) {
    let hit = false;
    for (let i = 0; i < gold.length; i++) {
      if (interWeight(ctx, p, gold[i]) > 0) {
        hit = true;
        gHit[i] = true;
      }
    }
    if (hit) acc.pred_hit++;
  }
  acc.pred_units += pred.length;
  acc.gold_units += gold.length;
  acc.gold_hit += gHit.filter(Boolean).length;
}
const finishOverlap = (a: OverlapCounts): OverlapMetrics => ({ ...prf(a.pred_hit, a.pred_units, a.gold_hit, a.gold_units), ...a });

/** One-to-one greedy matching by decreasing overlap ratio (|A∩B|/|A∪B| in weighted chars). */
export function greedyMatch(ctx: DocCtx, gold: Unit[], pred: Unit[], threshold: number): Match[] {
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < gold.length; i++) {
    for (let j = 0; j < pred.length; j++) {
      const inter = interWeight(ctx, gold[i], pred[j]);
      if (inter <= 0) continue;
      const ratio = inter / (gold[i].w + pred[j].w - inter);
      if (ratio >= threshold) pairs.push([ratio, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const gUsed = new Set<number>(),
    pUsed = new Set<number>(),
    matches: Match[] = [];
  for (const [ratio, i, j] of pairs) {
    if (gUsed.has(i) || pUsed.has(j)) continue;
    gUsed.add(i);
    pUsed.add(j);
    matches.push({ gi: i, pj: j, ratio });
  }
  return matches;
}

/** Spearman's rho with average ranks for ties; null with fewer than 2 values or a constant series. */
export function spearman(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const rank = (v: number[]): number[] => {
    const idx = v.map((x, i): [number, number] => [x, i]).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(n);
    for (let k = 0; k < n;) {
      let m = k;
      while (m + 1 < n && idx[m + 1][0] === idx[k][0]) m++;
      const avg = (k + m) / 2 + 1;
      for (let t = k; t <= m; t++) r[idx[t][1]] = avg;
      k = m + 1;
    }
    return r;
  };
  return pearson(rank(xs), rank(ys));
}
/** Pearson's r; null when either series is constant. */
export function pearson(a: number[], b: number[]): number | null {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n,
    mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa && sbb ? sab / Math.sqrt(saa * sbb) : null;
}

// ---------------------------------------------------------------------------------------------
// Generic-source detection (agentless task)
const PRONOUNS = new Set(
  (
    'i you he she it we they me him her us them who whom which that this these those himself herself themselves ' +
    'itself myself ourselves yourself one his hers their theirs my our your its whose'
  ).split(' '),
);
/** Case statistics of the gold texts: lowercase occurrences vs capitalised non-sentence-initial ones. */
export function caseStats(docs: Array<Pick<GoldDoc, 'text'>>): CaseStats {
  const low = new Map<string, number>(),
    capMid = new Map<string, number>();
  for (const d of docs) {
    const text = d.text || '';
    for (const m of text.matchAll(WORD_RE)) {
      const t = m[0];
      const index = m.index ?? 0;
      if (!ALNUM_RE.test(t)) continue;
      const k = t.toLowerCase();
      if (t === k) {
        low.set(k, (low.get(k) || 0) + 1);
        continue;
      }
      if (!UPPER_START_RE.test(t)) continue;
      const before = text.slice(Math.max(0, index - 4), index);
      const initial = index === 0 || SENTENCE_START_BEFORE_RE.test(before);
      if (!initial) capMid.set(k, (capMid.get(k) || 0) + 1);
    }
  }
  return { low, capMid };
}
/**
 * A source is "generic" when it is a bare common-noun phrase: not a lone pronoun, and no word starts with a
 * capital letter -- except its first word, if that word is more often written in lowercase than capitalised
 * mid-sentence in the gold file ("Analysts", "Some officials" are generic; "Trump", "Clinton aides" are not).
 */
export function isGenericSource(surface: string, cs: CaseStats): boolean {
  const toks = [...surface.matchAll(WORD_RE)].map((m) => m[0]).filter((t) => ALNUM_RE.test(t));
  if (!toks.length) return false;
  if (toks.length === 1 && PRONOUNS.has(toks[0].toLowerCase())) return false;
  for (let i = 0; i < toks.length; i++) {
    if (!UPPER_START_RE.test(toks[i])) continue;
    const k = toks[i].toLowerCase();
    if (i === 0 && (cs.low.get(k) || 0) > (cs.capMid.get(k) || 0)) continue;
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Speaker names (quote task)
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'rev', 'hon']);
/** Normalised name tokens: accents and punctuation removed, lowercase, possessive 's and honorifics dropped. */
export function nameTokens(s: unknown): string[] {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((t) => t && !HONORIFICS.has(t));
}
/** Full normalised names equal, or last tokens equal ("Mr. Hemming" = "Brian Hemming"). */
export function speakerMatches(pred: unknown, gold: unknown): boolean {
  const p = nameTokens(pred),
    g = nameTokens(gold);
  if (!p.length || !g.length) return false;
  return p.join(' ') === g.join(' ') || p[p.length - 1] === g[g.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Scoring
const EMPTY_PRED: PredLine = { id: '', spans: [], doc: {} };

/** Scores prediction lines against gold documents for one task (same numbers as the reference scorer). */
export function score(o: ScoreOptions): ScoreResult {
  const task = o.task;
  if (!isTask(task)) throw new Error(`unknown task ${task} (one of ${TASKS.join(', ')})`);
  const goldLabels = new Set<string>(o.goldLabels && o.goldLabels.length ? o.goldLabels : defaultGoldLabels(task));
  const predLabel = o.predLabel || defaultPredLabel(task);

  const predById = new Map<string, PredLine>();
  let dupPredLines = 0;
  for (const line of o.pred) {
    if (!line || line.id == null) continue;
    const id = String(line.id);
    const prev = predById.get(id);
    if (prev) {
      dupPredLines++;
      predById.set(id, {
        ...prev,
        spans: [...(prev.spans || []), ...(line.spans || [])],
        doc: { ...(prev.doc || {}), ...(line.doc || {}) },
      });
    } else predById.set(id, line);
  }
  const goldIds = new Set(o.gold.map((d) => String(d.id)));
  const stats: ScoreStats = {
    docs: o.gold.length,
    pred_docs_missing: o.gold.filter((d) => !predById.has(String(d.id))).length,
    pred_docs_extra: [...predById.keys()].filter((id) => !goldIds.has(id)).length,
    pred_duplicate_lines: dupPredLines,
    invalid_pred_spans: 0,
    pred_units_without_weight: 0,
  };
  const predOf = (d: GoldDoc): PredLine => predById.get(String(d.id)) || EMPTY_PRED;

  // built in the reference's key order (task-specific keys, then metrics last)
  const result: Omit<ScoreResult, 'metrics'> & { metrics?: Metrics } = {
    task,
    gold_labels: [...goldLabels],
    pred_label: predLabel,
    ...stats,
  };
  const metrics: Metrics = {};

  if (task === 'loaded') {
    const span: OverlapCounts = { pred_units: 0, pred_hit: 0, gold_units: 0, gold_hit: 0 };
    const word: WordCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    let zero = 0;
    for (const d of o.gold) {
      const ctx = new DocCtx(d);
      const g = goldUnits(ctx, goldLabels);
      zero += g.zero;
      const p = predUnits(ctx, predOf(d).spans, predLabel, stats);
      overlapCounts(ctx, g.units, p, span);
      // word level: a word is positive if it shares a character with a (gold / pred) span
      const n = ctx.text.length;
      const cg = new Uint8Array(n + 1),
        cp = new Uint8Array(n + 1);
      for (const sp of d.spans || []) {
        if (!goldLabels.has(sp.label)) continue;
        const hi = Math.min(n, sp.end); // (the bound is constant: computed once, same result as in the loop test)
        for (let i = Math.max(0, sp.start); i < hi; i++) cg[i] = 1;
      }
      for (const u of p) for (const [s, e] of u.iv) for (let i = s; i < e; i++) cp[i] = 1;
      for (const w of ctx.words) {
        let gp = false,
          pp = false;
        for (let i = w.start; i < w.end; i++) {
          if (cg[i]) gp = true;
          if (cp[i]) pp = true;
        }
        if (gp && pp) word.tp++;
        else if (pp) word.fp++;
        else if (gp) word.fn++;
        else word.tn++;
      }
    }
    metrics.span_overlap = finishOverlap(span);
    metrics.word = { ...prf(word.tp, word.tp + word.fp, word.tp, word.tp + word.fn), ...word };
    result.gold_units_without_weight = zero;
  } else if (task === 'cue' || task === 'source' || task === 'content') {
    const span: OverlapCounts = { pred_units: 0, pred_hit: 0, gold_units: 0, gold_hit: 0 };
    const r50: RatioCounts = { matched: 0, pred_units: 0, gold_units: 0 };
    let zero = 0;
    for (const d of o.gold) {
      const ctx = new DocCtx(d);
      const g = goldUnits(ctx, goldLabels);
      zero += g.zero;
      const p = predUnits(ctx, predOf(d).spans, predLabel, stats);
      overlapCounts(ctx, g.units, p, span);
      r50.matched += greedyMatch(ctx, g.units, p, 0.5).length;
      r50.pred_units += p.length;
      r50.gold_units += g.units.length;
    }
    metrics.span_overlap = finishOverlap(span);
    metrics.ratio50 = { ...prf(r50.matched, r50.pred_units, r50.matched, r50.gold_units), ...r50 };
    result.gold_units_without_weight = zero;
  } else if (task === 'agentless') {
    const cs = caseStats(o.gold);
    const a: AgentlessCounts = {
      gold_units: 0,
      gold_hit: 0,
      pred_units: 0,
      pred_hit_broad: 0,
      pred_hit_strict: 0,
      generic_source_attributions: 0,
      agentless_attributions: 0,
    };
    const cueLabel = [...goldLabels][0] || 'attribution_cue';
    for (const d of o.gold) {
      const ctx = new DocCtx(d);
      // attributions: id -> has_source, source surfaces (ids compared as they are, not stringified)
      const attr = new Map<unknown, { hasSource: boolean; sources: string[] }>();
      for (const sp of d.spans || []) {
        const id = sp.attrs && sp.attrs.attribution_id;
        if (id == null) continue;
        let v = attr.get(id);
        if (!v) attr.set(id, (v = { hasSource: sp.attrs?.has_source !== false, sources: [] }));
        if (sp.label === 'attribution_source') v.sources.push(sp.surface ?? ctx.text.slice(sp.start, sp.end));
      }
      const vagueIds = new Set<unknown>();
      for (const [id, v] of attr) {
        if (!v.hasSource) {
          vagueIds.add(id);
          a.agentless_attributions++;
        } else if (v.sources.length && isGenericSource(v.sources.join(' '), cs)) {
          vagueIds.add(id);
          a.generic_source_attributions++;
        }
      }
      const strict = goldUnits(ctx, new Set([cueLabel]), (sp) => sp.attrs && sp.attrs.has_source === false).units;
      const broad = goldUnits(
        ctx,
        new Set([cueLabel, 'attribution_source']),
        (sp) => sp.attrs && vagueIds.has(sp.attrs.attribution_id),
      ).units;
      const p = predUnits(ctx, predOf(d).spans, predLabel, stats);
      const gHit: boolean[] = new Array<boolean>(strict.length).fill(false);
      for (const u of p) {
        let hs = false;
        strict.forEach((g, i) => {
          if (interWeight(ctx, u, g) > 0) {
            hs = true;
            gHit[i] = true;
          }
        });
        const hb = hs || broad.some((g) => interWeight(ctx, u, g) > 0);
        if (hs) a.pred_hit_strict++;
        if (hb) a.pred_hit_broad++;
      }
      a.pred_units += p.length;
      a.gold_units += strict.length;
      a.gold_hit += gHit.filter(Boolean).length;
    }
    const r = a.gold_units ? a.gold_hit / a.gold_units : 0;
    const p = a.pred_units ? a.pred_hit_broad / a.pred_units : 0;
    const ps = a.pred_units ? a.pred_hit_strict / a.pred_units : 0;
    metrics.agentless = {
      p,
      r,
      f1: p + r ? (2 * p * r) / (p + r) : 0,
      p_strict: ps,
      f1_strict: ps + r ? (2 * ps * r) / (ps + r) : 0,
      ...a,
    };
  } else if (task === 'quote') {
    const acc = {
      gold_units: 0,
      pred_units: 0,
      m30: 0,
      m80: 0,
      spk_n: 0,
      spk_ok: 0,
      spk_no_ref: 0,
      direct_n: 0,
      direct_hit: 0,
      indirect_n: 0,
      indirect_hit: 0,
    };
    for (const d of o.gold) {
      const ctx = new DocCtx(d);
      const g = goldUnits(ctx, goldLabels).units;
      const p = predUnits(ctx, predOf(d).spans, predLabel, stats);
      const m30 = greedyMatch(ctx, g, p, 0.3);
      acc.m30 += m30.length;
      acc.m80 += m30.filter((m) => m.ratio >= 0.8).length; // identical to a separate 0.8 greedy pass
      acc.gold_units += g.length;
      acc.pred_units += p.length;
      const matchedG = new Set(m30.map((m) => m.gi));
      g.forEach((u, i) => {
        if (u.attrs.direct === true) {
          acc.direct_n++;
          if (matchedG.has(i)) acc.direct_hit++;
        } else if (u.attrs.direct === false) {
          acc.indirect_n++;
          if (matchedG.has(i)) acc.indirect_hit++;
        }
      });
      for (const m of m30) {
        // identical gold quote spans were merged into one unit: any of their references counts
        const refs = g[m.gi].spans.map((sp) => sp.attrs && sp.attrs.reference).filter((r) => r != null && String(r).trim() !== '');
        if (!refs.length) {
          acc.spk_no_ref++;
          continue;
        }
        acc.spk_n++;
        if (refs.some((ref) => speakerMatches(p[m.pj].speaker, ref))) acc.spk_ok++;
      }
    }
    metrics.ratio30 = {
      ...prf(acc.m30, acc.pred_units, acc.m30, acc.gold_units),
      matched: acc.m30,
      pred_units: acc.pred_units,
      gold_units: acc.gold_units,
    };
    metrics.ratio80 = {
      ...prf(acc.m80, acc.pred_units, acc.m80, acc.gold_units),
      matched: acc.m80,
      pred_units: acc.pred_units,
      gold_units: acc.gold_units,
    };
    metrics.speaker = {
      accuracy: acc.spk_n ? acc.spk_ok / acc.spk_n : 0,
      correct: acc.spk_ok,
      n: acc.spk_n,
      matched_without_reference: acc.spk_no_ref,
    };
    metrics.recall30_by_type = {
      direct: acc.direct_n ? acc.direct_hit / acc.direct_n : 0,
      direct_n: acc.direct_n,
      indirect: acc.indirect_n ? acc.indirect_hit / acc.indirect_n : 0,
      indirect_n: acc.indirect_n,
    };
  } else if (task === 'sentence') {
    const key = o.goldKey;
    const pos = o.goldPos;
    if (!key || pos == null) throw new Error('sentence task needs --gold-key and --gold-pos');
    const exclude = new Set(o.goldExclude || ['No agreement']);
    const posSet = new Set(String(pos).split('|'));
    const c: SentenceCounts = { tp: 0, fp: 0, fn: 0, tn: 0, excluded: 0, pred_missing_field: 0 };
    for (const d of o.gold) {
      const v = d.doc_labels ? d.doc_labels[key] : undefined;
      if (v == null || exclude.has(String(v))) {
        c.excluded++;
        continue;
      }
      const g = posSet.has(String(v));
      const pd = predOf(d).doc;
      if (!pd || pd.positive == null) c.pred_missing_field++;
      const pp = Boolean(pd && pd.positive);
      if (g && pp) c.tp++;
      else if (pp) c.fp++;
      else if (g) c.fn++;
      else c.tn++;
    }
    const n = c.tp + c.fp + c.fn + c.tn;
    const pos_ = prf(c.tp, c.tp + c.fp, c.tp, c.tp + c.fn);
    const neg_ = prf(c.tn, c.tn + c.fn, c.tn, c.tn + c.fp);
    metrics.sentence = {
      n,
      accuracy: n ? (c.tp + c.tn) / n : 0,
      p: pos_.p,
      r: pos_.r,
      f1: pos_.f1,
      f1_neg: neg_.f1,
      macro_f1: (pos_.f1 + neg_.f1) / 2,
      gold_pos_rate: n ? (c.tp + c.fn) / n : 0,
      pred_pos_rate: n ? (c.tp + c.fp) / n : 0,
      ...c,
    };
    result.gold_key = key;
    result.gold_pos = pos;
    result.gold_exclude = [...exclude];
  } else if (task === 'frames') {
    // doc-level multi-label: gold doc_labels.frames (array), pred doc.frames (array); docs without gold frames are left out
    const per = new Map<string, { tp: number; fp: number; fn: number }>();
    let tp = 0,
      fp = 0,
      fn = 0,
      n = 0;
    const cell = (l: string) => {
      let c = per.get(l);
      if (!c) per.set(l, (c = { tp: 0, fp: 0, fn: 0 }));
      return c;
    };
    for (const d of o.gold) {
      const frames = d.doc_labels ? d.doc_labels.frames : undefined;
      const gl: unknown[] = Array.isArray(frames) ? frames : [];
      if (!gl.length) continue;
      n++;
      const g = new Set(gl.map(String));
      const pd = predOf(d).doc;
      const p = new Set(pd && Array.isArray(pd.frames) ? pd.frames.map(String) : []);
      for (const l of g) cell(l);
      for (const l of p) {
        if (g.has(l)) {
          tp++;
          cell(l).tp++;
        } else {
          fp++;
          cell(l).fp++;
        }
      }
      for (const l of g) {
        if (!p.has(l)) {
          fn++;
          cell(l).fn++;
        }
      }
    }
    const micro = prf(tp, tp + fp, tp, tp + fn);
    const goldLabelSet = [...per.keys()].filter((l) => cell(l).tp + cell(l).fn > 0);
    const f1s = goldLabelSet.map((l) => {
      const c = cell(l);
      return prf(c.tp, c.tp + c.fp, c.tp, c.tp + c.fn).f1;
    });
    metrics.frames = {
      n,
      micro_p: micro.p,
      micro_r: micro.r,
      micro_f1: micro.f1,
      macro_f1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
      labels: goldLabelSet.length,
    };
  } else if (task === 'density') {
    const gs: number[] = [],
      ps: number[] = [],
      ws: number[] = [],
      gr: number[] = [],
      pr: number[] = [];
    let missingField = 0,
      maeSum = 0,
      maeN = 0;
    for (const d of o.gold) {
      const ctx = new DocCtx(d);
      const ga = d.doc_labels ? d.doc_labels.attributions : undefined;
      const g = typeof ga === 'number' ? ga : goldUnits(ctx, goldLabels).units.length;
      const pd = predOf(d).doc;
      const pa = pd ? pd.attributions : undefined;
      let p: number;
      if (typeof pa === 'number' && Number.isFinite(pa)) p = pa;
      else {
        missingField++;
        p = 0;
      }
      const nw = ctx.words.length;
      gs.push(g);
      ps.push(p);
      ws.push(nw);
      if (nw > 0) {
        const g1k = (g * 1000) / nw,
          p1k = (p * 1000) / nw;
        gr.push(g1k);
        pr.push(p1k);
        maeSum += Math.abs(p1k - g1k);
        maeN++;
      }
    }
    const mean = (a: number[]) => (a.length ? a.reduce((s, x) => s + x, 0) / a.length : 0);
    metrics.density = {
      n: gs.length,
      spearman: spearman(ps, gs),
      spearman_per1k: spearman(pr, gr),
      mae_per1k: maeN ? maeSum / maeN : 0,
      mean_gold_per1k: mean(gr),
      mean_pred_per1k: mean(pr),
      spearman_wordcount_vs_gold: spearman(ws, gs),
      pred_missing_field: missingField,
    };
  }
  result.invalid_pred_spans = stats.invalid_pred_spans;
  result.pred_units_without_weight = stats.pred_units_without_weight;
  result.metrics = metrics;
  return result as ScoreResult;
}

// ---------------------------------------------------------------------------------------------
// Human-readable output
const f3 = (x: number | null | undefined): string => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(3));

/** The reference scorer's text report of a result. */
export function formatResult(r: ScoreResult, goldName = ''): string {
  const lines: string[] = [];
  lines.push(
    `task=${r.task}${goldName ? ` gold=${goldName}` : ''} docs=${r.docs} pred_docs_missing=${r.pred_docs_missing}` +
      (r.pred_docs_extra ? ` pred_docs_extra=${r.pred_docs_extra}` : '') +
      (r.invalid_pred_spans ? ` invalid_pred_spans=${r.invalid_pred_spans}` : '') +
      (r.pred_duplicate_lines ? ` pred_duplicate_lines=${r.pred_duplicate_lines}` : '') +
      (r.pred_units_without_weight ? ` ignored_blank_pred_spans=${r.pred_units_without_weight}` : '') +
      (r.gold_units_without_weight ? ` ignored_blank_gold_spans=${r.gold_units_without_weight}` : ''),
  );
  const row = (name: string, m: PRF, extra?: string) =>
    lines.push(`  ${name.padEnd(16)} P=${f3(m.p)}  R=${f3(m.r)}  F1=${f3(m.f1)}  ${extra || ''}`);
  const m = r.metrics;
  if (m.span_overlap) {
    const s = m.span_overlap;
    row('span-overlap', s, `(pred ${s.pred_hit}/${s.pred_units} hit, gold ${s.gold_hit}/${s.gold_units} hit)`);
  }
  if (m.word) row('word', m.word, `(tp ${m.word.tp} fp ${m.word.fp} fn ${m.word.fn})`);
  if (m.ratio50) row('ratio>=0.5', m.ratio50, `(matched ${m.ratio50.matched}, pred ${m.ratio50.pred_units}, gold ${m.ratio50.gold_units})`);
  if (m.agentless) {
    const a = m.agentless;
    row(
      'agentless',
      a,
      `(recall: ${a.gold_hit}/${a.gold_units} agentless cues; P: ${a.pred_hit_broad}/${a.pred_units} preds on a vague attribution's cue/source)`,
    );
    lines.push(
      `  ${'strict'.padEnd(16)} P=${f3(a.p_strict)}  F1=${f3(a.f1_strict)}  (${a.pred_hit_strict} preds on an agentless cue; vague attributions: ${a.agentless_attributions} agentless + ${a.generic_source_attributions} generic-source)`,
    );
  }
  if (m.ratio30) row('ratio>=0.3', m.ratio30, `(matched ${m.ratio30.matched}, pred ${m.ratio30.pred_units}, gold ${m.ratio30.gold_units})`);
  if (m.ratio80) row('ratio>=0.8', m.ratio80, `(matched ${m.ratio80.matched})`);
  if (m.speaker)
    lines.push(`  ${'speaker'.padEnd(16)} acc=${f3(m.speaker.accuracy)} (${m.speaker.correct}/${m.speaker.n} quotes matched at >=0.3)`);
  if (m.recall30_by_type) {
    const t = m.recall30_by_type;
    lines.push(`  ${'recall@0.3'.padEnd(16)} direct=${f3(t.direct)} (n=${t.direct_n})  indirect=${f3(t.indirect)} (n=${t.indirect_n})`);
  }
  if (m.sentence) {
    const s = m.sentence;
    row('positive class', s, `(n=${s.n}, excluded=${s.excluded}, tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})`);
    lines.push(
      `  ${'overall'.padEnd(16)} acc=${f3(s.accuracy)}  macro-F1=${f3(s.macro_f1)}  F1(neg)=${f3(s.f1_neg)}  gold+ ${f3(s.gold_pos_rate)}  pred+ ${f3(s.pred_pos_rate)}`,
    );
  }
  if (m.frames) {
    const f = m.frames;
    lines.push(
      `  ${'frames'.padEnd(16)} micro P=${f3(f.micro_p)} R=${f3(f.micro_r)} F1=${f3(f.micro_f1)}  macro-F1=${f3(f.macro_f1)}  (docs ${f.n}, labels ${f.labels})`,
    );
  }
  if (m.density) {
    const d = m.density;
    lines.push(
      `  ${'density'.padEnd(16)} spearman=${f3(d.spearman)}  spearman/1k=${f3(d.spearman_per1k)}  MAE/1k=${f3(d.mae_per1k)}  gold/1k=${f3(d.mean_gold_per1k)}  pred/1k=${f3(d.mean_pred_per1k)}`,
    );
    lines.push(
      `  ${'reference'.padEnd(16)} spearman(word count, gold count)=${f3(d.spearman_wordcount_vs_gold)}${d.pred_missing_field ? `  pred docs without doc.attributions: ${d.pred_missing_field}` : ''}`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Gold as prediction, applicable tasks, self-test (same as the reference)
export interface TaskSpec {
  task: Task;
  goldLabels?: string[];
  predLabel?: string;
  goldKey?: string;
  goldPos?: string;
  goldExclude?: string[];
}

/** Gold converted into PRED lines for a task (must score 1.0). */
export function goldAsPred(task: Task, gold: GoldDoc[], o: Omit<TaskSpec, 'task'> = {}): PredLine[] {
  const goldLabels = new Set<string>(o.goldLabels && o.goldLabels.length ? o.goldLabels : defaultGoldLabels(task));
  const predLabel = o.predLabel || defaultPredLabel(task) || '';
  return gold.map((d) => {
    const spans: PredSpan[] = [];
    const doc: PredDocFields = {};
    for (const sp of d.spans || []) {
      let take = goldLabels.has(sp.label);
      if (task === 'agentless') take = sp.label === 'attribution_cue' && !!sp.attrs && sp.attrs.has_source === false;
      if (!take || task === 'sentence' || task === 'density') continue;
      const out: PredSpan = { start: sp.start, end: sp.end, label: predLabel, group: goldKey(sp) };
      if (task === 'quote' && sp.attrs && sp.attrs.reference != null) out.speaker = sp.attrs.reference;
      spans.push(out);
    }
    // (as in the reference, a gold doc without doc_labels gets no `positive` field; such docs are excluded anyway)
    if (task === 'sentence' && d.doc_labels)
      doc.positive = String(o.goldPos)
        .split('|')
        .includes(String(d.doc_labels[String(o.goldKey)]));
    if (task === 'density') {
      const ctx = new DocCtx(d);
      const ga = d.doc_labels ? d.doc_labels.attributions : undefined;
      doc.attributions = typeof ga === 'number' ? ga : goldUnits(ctx, goldLabels).units.length;
    }
    return { id: d.id, spans, doc };
  });
}

/** The tasks a gold file supports, judged from its labels and doc_labels keys (frames not included, as in the reference). */
export function applicableTasks(gold: GoldDoc[]): TaskSpec[] {
  const labels = new Set<string>();
  const keys = new Set<string>();
  for (const d of gold) {
    for (const sp of d.spans || []) labels.add(sp.label);
    for (const k of Object.keys(d.doc_labels || {})) keys.add(k);
  }
  const out: TaskSpec[] = [];
  if ((DEFAULT_GOLD_LABELS.loaded || []).some((l) => labels.has(l))) out.push({ task: 'loaded' });
  if (labels.has('attribution_cue')) out.push({ task: 'cue' }, { task: 'agentless' }, { task: 'density' });
  if (labels.has('attribution_source')) out.push({ task: 'source' });
  if (labels.has('attribution_content')) out.push({ task: 'content' });
  if (labels.has('quote')) out.push({ task: 'quote' });
  if (keys.has('label_bias')) out.push({ task: 'sentence', goldKey: 'label_bias', goldPos: 'Biased' });
  if (keys.has('subjectivity')) out.push({ task: 'sentence', goldKey: 'subjectivity', goldPos: 'SUBJ' });
  return out;
}

export interface SelftestCheck {
  name: string;
  ok: boolean;
  detail: unknown;
}

/** Gold-as-prediction must score 1.0 and empty predictions must have recall 0, for every applicable task. */
export function selftest(gold: GoldDoc[]): SelftestCheck[] {
  const checks: SelftestCheck[] = [];
  const check = (name: string, ok: unknown, detail: unknown) => checks.push({ name, ok: Boolean(ok), detail });
  const near1 = (x: number | null | undefined) => x != null && Math.abs(x - 1) < 1e-12;
  for (const t of applicableTasks(gold)) {
    const name = t.task + (t.goldKey ? `(${t.goldKey})` : '');
    const full = score({ ...t, gold, pred: goldAsPred(t.task, gold, t) });
    const empty = score({ ...t, gold, pred: [] });
    const m = full.metrics,
      e = empty.metrics;
    check(`${name}: no missing docs in gold-as-pred`, full.pred_docs_missing === 0, full.pred_docs_missing);
    check(`${name}: empty pred -> all docs reported missing`, empty.pred_docs_missing === gold.length, empty.pred_docs_missing);
    if (t.task === 'loaded' && m.span_overlap && m.word && e.span_overlap && e.word) {
      check(`${name}: gold-as-pred span F1 = 1`, near1(m.span_overlap.f1), m.span_overlap.f1);
      check(`${name}: gold-as-pred word F1 = 1`, near1(m.word.f1), m.word.f1);
      check(`${name}: empty pred span recall = 0`, e.span_overlap.r === 0, e.span_overlap.r);
      check(`${name}: empty pred word recall = 0`, e.word.r === 0, e.word.r);
    } else if (
      (t.task === 'cue' || t.task === 'source' || t.task === 'content') &&
      m.span_overlap &&
      m.ratio50 &&
      e.span_overlap &&
      e.ratio50
    ) {
      check(`${name}: gold-as-pred span F1 = 1`, near1(m.span_overlap.f1), m.span_overlap.f1);
      check(`${name}: gold-as-pred ratio>=0.5 F1 = 1`, near1(m.ratio50.f1), m.ratio50.f1);
      check(`${name}: empty pred recall = 0`, e.span_overlap.r === 0 && e.ratio50.r === 0, [e.span_overlap.r, e.ratio50.r]);
    } else if (t.task === 'agentless' && m.agentless && e.agentless) {
      check(`${name}: gold-as-pred F1 = 1 (and strict F1 = 1)`, near1(m.agentless.f1) && near1(m.agentless.f1_strict), [
        m.agentless.f1,
        m.agentless.f1_strict,
      ]);
      check(`${name}: empty pred recall = 0`, e.agentless.r === 0, e.agentless.r);
    } else if (t.task === 'quote' && m.ratio30 && m.ratio80 && m.speaker && e.ratio30 && e.ratio80) {
      check(`${name}: gold-as-pred F1@0.3 = F1@0.8 = 1`, near1(m.ratio30.f1) && near1(m.ratio80.f1), [m.ratio30.f1, m.ratio80.f1]);
      check(`${name}: gold-as-pred speaker accuracy = 1`, near1(m.speaker.accuracy), m.speaker.accuracy);
      check(`${name}: empty pred recall = 0`, e.ratio30.r === 0 && e.ratio80.r === 0, [e.ratio30.r, e.ratio80.r]);
    } else if (t.task === 'sentence' && m.sentence && e.sentence) {
      check(`${name}: gold-as-pred accuracy = macro-F1 = 1`, near1(m.sentence.accuracy) && near1(m.sentence.macro_f1), [
        m.sentence.accuracy,
        m.sentence.macro_f1,
      ]);
      check(`${name}: empty pred positive recall = 0`, e.sentence.r === 0, e.sentence.r);
    } else if (t.task === 'density' && m.density && e.density) {
      check(`${name}: gold-as-pred spearman = 1, MAE = 0`, near1(m.density.spearman) && m.density.mae_per1k === 0, [
        m.density.spearman,
        m.density.mae_per1k,
      ]);
      check(`${name}: empty pred MAE = mean gold rate`, Math.abs(e.density.mae_per1k - e.density.mean_gold_per1k) < 1e-9, [
        e.density.mae_per1k,
        e.density.mean_gold_per1k,
      ]);
    }
  }
  if (!checks.length) check('some task applies to this gold file', false, 'no known labels');
  return checks;
}
