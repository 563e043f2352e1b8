/**
 * Framing and certainty against two dev splits:
 * - SemEval-2023 Task 3 subtask 2 (English) `doc_labels.frames`: the dominant frames of the framing analyzer,
 *   read from the report's `dominant.<Frame>` metrics, micro- and macro-F1 over the 14 frames. The shipped model was
 *   trained on this split, so scoring it here would score training data. Instead the task cross-validates: nested
 *   5-fold cross-validation by article (eval/research/frames-train.mjs: vocabulary, scaling, weights and thresholds
 *   fitted on the training part of each fold only), with the features computed by the library itself, and every
 *   held-out article analysed by the framing analyzer running the model of its fold. Repeated for fold seeds 1, 2
 *   and 3; the task reports the means over the seeds (and the worst seed's macro-F1), as the model file does.
 * - Szeged uncertainty (Wikipedia) epistemic + doxastic cues: hedge findings of the certainty analyzer (both
 *   voices) as spans, span-overlap P/R/F1.
 */
import { use } from '../../src/analyzer';
import { framing } from '../../src/analyzers/framing';
import type { SlantDocument } from '../../src/document';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { compileLexicon } from '../../src/lexicon/load';
import { parseDocument } from '../../src/document/build';
import { createPipeline } from '../../src/pipeline';
import type { Report } from '../../src/report';
import { lexiconMatches } from '../../src/stance-scan';
import { CFG, modelJson, nestedFoldModels, type FrameDoc } from '../research/frames-train.mjs';
import { score, type GoldDoc, type PredLine, type ScoreResult } from '../score';
import type { EvalTask } from './types';

/** Fold seeds of the cross-validation (as for the estimate stored in models/frames.json). */
export const FRAME_CV_SEEDS = [1, 2, 3];

/** The dominant frames of a report, from the framing analyzer's `dominant.<Frame>` metrics. */
export function reportFrames(report: Report): string[] {
  const metrics = report.analyzers.framing?.metrics ?? {};
  return Object.keys(metrics)
    .filter((k) => k.startsWith('dominant.'))
    .sort((a, b) => metrics[a] - metrics[b])
    .map((k) => k.slice('dominant.'.length));
}

/** The model's features (lexicons/en/frames.md, section 3) computed with the library's tokens and matcher. */
export function frameFeatures(doc: SlantDocument, labels: string[]): Pick<FrameDoc, 'W' | 'lemmas' | 'cue'> {
  const lex = compileLexicon(builtinLexicons['en/frame-cues'], 'built-in en/frame-cues');
  const sums = new Array<number>(labels.length).fill(0);
  let lastEnd = -1;
  for (const m of lexiconMatches(doc, lex)) {
    if (m.start < lastEnd) continue;
    lastEnd = m.end;
    const f = labels.indexOf(m.entry.category);
    if (f >= 0) sums[f] += m.entry.weight;
  }
  const lemmas = new Map<string, number>();
  let W = 0;
  for (const t of doc.tokens) {
    if (t.type !== 'word') continue;
    W++;
    lemmas.set(t.lemma, (lemmas.get(t.lemma) ?? 0) + 1);
  }
  return { W, lemmas, cue: sums.map((s) => Math.log1p((100 * s) / Math.max(W, 1))) };
}

const goldFrames = (d: GoldDoc): string[] => {
  const frames = d.doc_labels?.frames;
  return Array.isArray(frames) ? frames.map(String) : [];
};

/** Out-of-fold dominant frames per document id, one map per seed; computed once for all the seeds' tasks. */
let crossValidated: { gold: GoldDoc[]; bySeed: Map<number, Map<string, string[]>> } | undefined;

function crossValidate(gold: GoldDoc[]): Map<number, Map<string, string[]>> {
  if (crossValidated?.gold === gold) return crossValidated.bySeed;
  const started = Date.now();
  const withFrames = gold.filter((d) => goldFrames(d).length);
  const labels = [...new Set(withFrames.flatMap(goldFrames))].sort();
  const parsed = withFrames.map((d) => parseDocument(d.text));
  const docs: FrameDoc[] = withFrames.map((d, i) => {
    const g = new Set(goldFrames(d));
    return { id: String(d.id), y: labels.map((l) => (g.has(l) ? 1 : 0)), ...frameFeatures(parsed[i], labels) };
  });
  const bySeed = new Map<number, Map<string, string[]>>();
  for (const seed of FRAME_CV_SEEDS) {
    const out = new Map<string, string[]>();
    for (const fold of nestedFoldModels(docs, labels, CFG, seed)) {
      // the held-out articles go through the analyzer itself, with this fold's model
      const pipeline = createPipeline({ analyzers: [use(framing, { options: { model: modelJson(fold.model, fold.thr) as never } })] });
      for (const i of fold.test) out.set(docs[i].id, reportFrames(pipeline.analyzeDocument(parsed[i])));
    }
    bySeed.set(seed, out);
  }
  console.error(
    `eval: frames: nested ${CFG.folds}-fold cross-validation, seeds ${FRAME_CV_SEEDS.join(', ')}, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  crossValidated = { gold, bySeed };
  return bySeed;
}

/**
 * The frames task: its predictions (the PRED file) are the first seed's out-of-fold frames; its numbers are the
 * means over the seeds, each seed's predictions scored by the project's scorer, and the worst seed's macro-F1.
 */
function frameTask(): EvalTask {
  let predictions: Map<string, string[]> | undefined;
  const summary = { micro: 0, macro: 0, worstMacro: 0 };
  return {
    id: 'semeval23/frames',
    analyzer: 'framing',
    corpus: 'semeval2023_t3_en',
    score: { task: 'frames' },
    metrics: { micro_f1: () => summary.micro, macro_f1: () => summary.macro, macro_f1_worst_seed: () => summary.worstMacro },
    prepare: (gold) => {
      const bySeed = crossValidate(gold);
      const results = FRAME_CV_SEEDS.map((seed) => {
        const byId = bySeed.get(seed) as Map<string, string[]>;
        const pred: PredLine[] = gold.map((d) => ({ id: d.id, doc: { frames: byId.get(String(d.id)) ?? [] } }));
        const f = score({ task: 'frames', gold, pred }).metrics.frames;
        return { micro: f?.micro_f1 ?? 0, macro: f?.macro_f1 ?? 0 };
      });
      summary.micro = results.reduce((a, r) => a + r.micro, 0) / results.length;
      summary.macro = results.reduce((a, r) => a + r.macro, 0) / results.length;
      summary.worstMacro = Math.min(...results.map((r) => r.macro));
      predictions = bySeed.get(FRAME_CV_SEEDS[0]);
    },
    predict: (_report, doc): Omit<PredLine, 'id'> => ({ doc: { frames: predictions?.get(String(doc.id)) ?? [] } }),
    peers: { 'top-5 frequent': { micro_f1: 0.559 }, 'all frames': { macro_f1: 0.381 } },
  };
}

/** Hedge findings (either voice) as `hedge` spans. */
export function hedgePred(report: Report): Omit<PredLine, 'id'> {
  return {
    spans: report.findings
      .filter((f) => f.analyzer === 'certainty' && f.messageId === 'hedge')
      .map((f) => ({ start: f.span.start, end: f.span.end, label: 'hedge' })),
  };
}

const overlap =
  (key: 'f1' | 'p' | 'r') =>
  (r: ScoreResult): number | null =>
    r.metrics.span_overlap?.[key] ?? null;

export const framingTasks: EvalTask[] = [
  frameTask(),
  {
    id: 'szeged/hedges',
    analyzer: 'certainty',
    corpus: 'szeged_wiki_uncertainty',
    score: { task: 'loaded', goldLabels: ['uncertainty_epistemic', 'uncertainty_doxastic'], predLabel: 'hedge' },
    metrics: { span_f1: overlap('f1'), precision: overlap('p'), recall: overlap('r') },
    predict: (report) => hedgePred(report),
    peers: { 'retext-intensify': { span_f1: 0.161 } },
  },
];
