/**
 * Unattributed assertions against three dev splits:
 * - PolNeAR agentless/vague attribution (task `agentless`): vague and agentless attribution findings as `vague`;
 * - Szeged uncertainty, doxastic cues ("believed", "considered", "alleged"): recall of the same findings;
 * - BABE `label_opinion` (sentence level): a sentence is predicted opinionated when the subjectivity classifier
 *   (`sentences[].subjectivity`, models/subjectivity-en.json) rates one of its sentences at least the model's opinion
 *   threshold; `babe/label-opinion-status` reads the analyzer's sentence status instead (an unattributed assertion).
 *   The `*_oof` metrics are the out-of-fold figures of the classifier's cross-validation
 *   (eval/research/subjectivity-train.ts, stored in the model file); the others are in-sample (the shipped model was
 *   trained on these sentences).
 */
import subjectivityModel from '../../models/subjectivity-en.json';
import type { Report } from '../../src/report';
import type { PredLine, PredSpan, ScoreResult } from '../score';
import type { EvalTask } from './types';

const ANALYZER = 'unattributed-assertions';
const ATTRIBUTION_KINDS = new Set(['vague-attribution', 'agentless-attribution']);

/** Writer's-voice vague and agentless attribution findings as `vague` spans. */
export function vagueAttributionPred(report: Report, label = 'vague'): Omit<PredLine, 'id'> {
  const spans: PredSpan[] = report.findings
    .filter((f) => f.analyzer === ANALYZER && f.voice === 'writer' && ATTRIBUTION_KINDS.has(f.category))
    .map((f) => ({ start: f.span.start, end: f.span.end, label }));
  return { spans };
}

/** Sentence label: positive when some sentence's subjectivity reaches `threshold`. */
export function subjectivityPred(report: Report, threshold: number): Omit<PredLine, 'id'> {
  return { doc: { positive: report.sentences.some((s) => (s.subjectivity ?? 0) >= threshold) } };
}

/** BABE sentence by status: positive when the analyzer made a sentence an unattributed assertion. */
export function opinionStatusPred(report: Report): Omit<PredLine, 'id'> {
  return { doc: { positive: report.sentences.some((s) => s.status === 'unattributed-assertion') } };
}

/** An out-of-fold figure stored with the subjectivity model by its cross-validation. */
export const subjectivityOof = (key: string) => (): number | null =>
  ((subjectivityModel.metrics as Record<string, unknown>)[key] as number | undefined) ?? null;

const agentless =
  (key: 'f1' | 'p' | 'r' | 'f1_strict') =>
  (r: ScoreResult): number | null =>
    r.metrics.agentless?.[key] ?? null;

export const unattributedAssertionTasks: EvalTask[] = [
  {
    id: 'polnear/agentless-vague',
    analyzer: ANALYZER,
    corpus: 'polnear',
    score: { task: 'agentless' },
    metrics: { f1: agentless('f1'), precision: agentless('p'), recall: agentless('r'), f1_strict: agentless('f1_strict') },
    predict: (report) => vagueAttributionPred(report),
    peers: { 'weasels+hedges': { f1: 0.073 }, 'retext-intensify': { f1: 0.072 }, 'write-good': { f1: 0.009 } },
  },
  {
    id: 'szeged/doxastic',
    analyzer: ANALYZER,
    corpus: 'szeged_wiki_uncertainty',
    score: { task: 'loaded', goldLabels: ['uncertainty_doxastic'], predLabel: 'vague' },
    metrics: { recall: (r) => r.metrics.span_overlap?.r ?? null, precision: (r) => r.metrics.span_overlap?.p ?? null },
    predict: (report) => vagueAttributionPred(report),
  },
  {
    id: 'babe/label-opinion',
    analyzer: ANALYZER,
    corpus: 'babe',
    score: { task: 'sentence', goldKey: 'label_opinion', goldPos: 'Expresses writer’s opinion|Somewhat factual but also opinionated' },
    metrics: {
      macro_f1: (r) => r.metrics.sentence?.macro_f1 ?? null,
      macro_f1_oof: subjectivityOof('babe_opinion_macro_f1_oof'),
      accuracy: (r) => r.metrics.sentence?.accuracy ?? null,
    },
    predict: (report) => subjectivityPred(report, subjectivityModel.thresholds.opinion),
    peers: { 'write-good': { macro_f1: 0.526 } },
  },
  {
    id: 'babe/label-opinion-status',
    analyzer: ANALYZER,
    corpus: 'babe',
    score: { task: 'sentence', goldKey: 'label_opinion', goldPos: 'Expresses writer’s opinion|Somewhat factual but also opinionated' },
    metrics: {
      macro_f1: (r) => r.metrics.sentence?.macro_f1 ?? null,
      macro_f1_oof: subjectivityOof('babe_opinion_status_macro_f1_oof'),
    },
    predict: (report) => opinionStatusPred(report),
  },
];
