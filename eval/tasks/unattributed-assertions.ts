/**
 * Unattributed assertions against three dev splits:
 * - PolNeAR agentless/vague attribution (task `agentless`): vague and agentless attribution findings as `vague`, with
 *   the attribution layer out of fold (`polnear/agentless-vague`, floored) and in-sample (`-in-sample`);
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
import { defineLayer, SlantDocument } from '../../src/document';
import { ALL_GROUPS } from '../../src/attribution/detect';
import { CUE_MODEL } from '../../src/attribution/model';
import { createPipeline } from '../../src/pipeline';
import { attributionWith, foldFits, foldOf, parseGold } from '../attribution/lib';
import type { GoldDoc, PredLine, PredSpan, ScoreResult } from '../score';
import { OOF_FOLDS } from './attribution';
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

/**
 * Vague/agentless predictions for PolNeAR's original train documents with the attribution layer out of fold: each
 * document is analysed by the default pipeline, its attribution layer computed by the cue priors and model fitted on
 * the other folds (eval/attribution/lib.ts). The other documents of the dev split were never fitted on: their
 * report is already out of sample. The shipped model saw the train documents, so the in-sample figure
 * (`polnear/agentless-vague-in-sample`) is higher there (0.522 against 0.501 on 8 December).
 */
export function outOfFoldVague(gold: readonly GoldDoc[], k = OOF_FOLDS): Map<string, Omit<PredLine, 'id'>> {
  const train = parseGold(gold.filter((d) => d.meta?.original_compartment === 'train'));
  const fits = foldFits(train, k, CUE_MODEL.groups ?? ALL_GROUPS);
  const pipeline = createPipeline();
  const out = new Map<string, Omit<PredLine, 'id'>>();
  for (const p of train) {
    const f = fits[foldOf(p.gold.id, k)];
    const model = { ...f.model, threshold: CUE_MODEL.threshold, nestedThreshold: CUE_MODEL.nestedThreshold };
    const report = pipeline.analyzeDocument(withAttribution(p.doc, attributionWith(p.doc, f.priors, model)));
    out.set(String(p.gold.id), vagueAttributionPred(report));
  }
  return out;
}

/**
 * The document with `a` as its attribution layer (the analyzers read that layer): a copy built through the document
 * model's own seam for the attribution layer, instead of writing into its private cache.
 */
function withAttribution(doc: SlantDocument, a: ReturnType<typeof attributionWith>): SlantDocument {
  const { text, tokens, sentences, paragraphs, quotations } = doc;
  return new SlantDocument({
    text,
    tokens,
    sentences,
    paragraphs,
    quotations,
    attribution: defineLayer('attribution (fold fit)', () => a),
  });
}

const agentless =
  (key: 'f1' | 'p' | 'r' | 'f1_strict') =>
  (r: ScoreResult): number | null =>
    r.metrics.agentless?.[key] ?? null;

const agentlessMetrics = { f1: agentless('f1'), precision: agentless('p'), recall: agentless('r'), f1_strict: agentless('f1_strict') };
let oofVague: Map<string, Omit<PredLine, 'id'>> | undefined;

export const unattributedAssertionTasks: EvalTask[] = [
  {
    // out of fold (the headline and the floor): the attribution layer of every document from a cue model that never saw it
    id: 'polnear/agentless-vague',
    analyzer: ANALYZER,
    corpus: 'polnear',
    score: { task: 'agentless' },
    metrics: agentlessMetrics,
    prepare: (gold) => void (oofVague = outOfFoldVague(gold)),
    predict: (report, doc) => oofVague?.get(String(doc.id)) ?? vagueAttributionPred(report),
    peers: { 'weasels+hedges': { f1: 0.073 }, 'retext-intensify': { f1: 0.072 }, 'write-good': { f1: 0.009 } },
  },
  {
    id: 'polnear/agentless-vague-in-sample',
    analyzer: ANALYZER,
    corpus: 'polnear',
    score: { task: 'agentless' },
    metrics: agentlessMetrics,
    predict: (report) => vagueAttributionPred(report),
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
