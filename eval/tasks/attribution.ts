/**
 * Attribution against PolNeAR (cue / source / content spans, attribution density), out of fold (`polnear/<measure>`,
 * the headline figures, floored) and in-sample (`polnear/<measure>-in-sample`), and quotation speakers in the
 * reference scorer's `quote` format. `attributionPred` turns a report into one PRED line (without id).
 */
import type { Report } from '../../src/report';
import { ALL_GROUPS } from '../../src/attribution/detect';
import { CUE_MODEL } from '../../src/attribution/model';
import { outOfFold, parseGold } from '../attribution/lib';
import type { GoldDoc, PredLine, PredSpan, ScoreResult } from '../score';
import type { EvalTask } from './types';

/** Report -> PRED spans: `cue`, `source`, `content` (parts of one content share a group), `quote` with `speaker`; `doc.attributions`. */
export function attributionPred(report: Report): Omit<PredLine, 'id'> {
  const spans: PredSpan[] = [];
  for (const a of report.attributions) {
    spans.push({ start: a.cue.start, end: a.cue.end, label: 'cue' });
    if (a.source) spans.push({ start: a.source.start, end: a.source.end, label: 'source' });
    const parts = a.contentParts ?? (a.content ? [a.content] : []);
    for (const p of parts) {
      if (p.end > p.start) spans.push({ start: p.start, end: p.end, label: 'content', group: `a${a.index}` });
    }
  }
  const names = new Map(report.sources.map((s) => [s.id, s.name]));
  for (const q of report.quotations) {
    if (q.kind === 'scare') continue;
    const span: PredSpan = { start: q.span.start, end: q.span.end, label: 'quote', group: `q${q.index}` };
    const speaker = q.speaker !== undefined ? names.get(q.speaker) : undefined;
    if (speaker) span.speaker = speaker;
    spans.push(span);
  }
  return { spans, doc: { attributions: report.attributions.length } };
}

const spanF1 = (r: ScoreResult): number | null => r.metrics.span_overlap?.f1 ?? null;
const ratioF1 = (r: ScoreResult): number | null => r.metrics.ratio50?.f1 ?? null;

const naive = 'said-regex';

/**
 * Out-of-fold predictions of the documents of PolNeAR's original train compartment (the only ones the cue priors and
 * model are fitted on): 5 folds by document, priors and model re-fitted on the other folds with the shipped model's
 * feature groups and thresholds (eval/attribution/lib.ts, as cv.ts does). The other documents of the dev split were
 * never fitted on: their report is already out of sample. Computed once per gold set (~30 s).
 */
let outOfFoldCache: { gold: GoldDoc[]; byId: Map<string, Omit<PredLine, 'id'>> } | undefined;
/** Folds of the cue model's cross-validation by document (as cv.ts; the polnear and agentless tasks). */
export const OOF_FOLDS = 5;

function outOfFoldPreds(gold: GoldDoc[]): Map<string, Omit<PredLine, 'id'>> {
  if (outOfFoldCache?.gold === gold) return outOfFoldCache.byId;
  const started = Date.now();
  const train = parseGold(gold.filter((d) => d.meta?.original_compartment === 'train'));
  const [preds] = outOfFold(train, OOF_FOLDS, CUE_MODEL.groups ?? ALL_GROUPS, [[CUE_MODEL.threshold, CUE_MODEL.nestedThreshold]]);
  const byId = new Map(preds.map(({ id, ...rest }) => [String(id), rest]));
  console.error(
    `eval: polnear: ${OOF_FOLDS}-fold cross-validation of the cue model by document, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  outOfFoldCache = { gold, byId };
  return byId;
}

/**
 * The four PolNeAR measures, out of fold (the headline and the floors: every document predicted by a model that
 * never saw it) and in-sample (the shipped model on every document, secondary: it saw the train compartment).
 */
function polnearTask(
  id: 'cue' | 'source' | 'content' | 'density',
  metrics: EvalTask['metrics'],
  peer: Record<string, number>,
  outOfFoldRun: boolean,
): EvalTask {
  let byId: Map<string, Omit<PredLine, 'id'>> | undefined;
  return {
    id: outOfFoldRun ? `polnear/${id}` : `polnear/${id}-in-sample`,
    analyzer: 'sourcing',
    corpus: 'polnear',
    score: { task: id },
    metrics,
    ...(outOfFoldRun ? { prepare: (gold: GoldDoc[]) => void (byId = outOfFoldPreds(gold)) } : {}),
    predict: (report, doc) => (outOfFoldRun ? byId?.get(String(doc.id)) : undefined) ?? attributionPred(report),
    ...(outOfFoldRun ? { peers: { [naive]: peer } } : {}),
  };
}

const spanMetrics = { span_f1: spanF1, ratio50_f1: ratioF1 };
const densityMetrics: EvalTask['metrics'] = {
  spearman_per_1k: (r) => r.metrics.density?.spearman_per1k ?? null,
  spearman_count: (r) => r.metrics.density?.spearman ?? null,
};
const PEERS = {
  cue: { span_f1: 0.458 },
  source: { span_f1: 0.428 },
  content: { span_f1: 0.434 },
  density: { spearman_per_1k: 0.371 },
};

export const attributionTasks: EvalTask[] = [true, false].flatMap((oof) => [
  polnearTask('cue', spanMetrics, PEERS.cue, oof),
  polnearTask('source', spanMetrics, PEERS.source, oof),
  polnearTask('content', spanMetrics, PEERS.content, oof),
  polnearTask('density', densityMetrics, PEERS.density, oof),
]);
