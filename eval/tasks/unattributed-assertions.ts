/**
 * Unattributed assertions against three dev splits:
 * - PolNeAR agentless/vague attribution (task `agentless`): vague and agentless attribution findings as `vague`;
 * - Szeged uncertainty, doxastic cues ("believed", "considered", "alleged"): recall of the same findings;
 * - BABE `label_opinion` (sentence level): a sentence is predicted opinionated when it has any writer's-voice
 *   unattributed-assertion finding or loaded-language finding.
 */
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

/**
 * BABE sentence: positive when the analyzer made a sentence an unattributed assertion (its findings in the writer's
 * voice, less the info-level "asked"/"unclear" ones that state no claim) or loaded language has a writer's-voice
 * finding.
 */
export function opinionPred(report: Report): Omit<PredLine, 'id'> {
  const positive =
    report.sentences.some((s) => s.status === 'unattributed-assertion') ||
    report.findings.some((f) => f.voice === 'writer' && f.analyzer === 'loaded-language' && f.category !== 'distancing');
  return { doc: { positive } };
}

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
      accuracy: (r) => r.metrics.sentence?.accuracy ?? null,
    },
    predict: (report) => opinionPred(report),
    peers: { 'write-good': { macro_f1: 0.526 } },
  },
];
