/**
 * Attribution against PolNeAR (cue / source / content spans, attribution density) and quotation speakers in the
 * reference scorer's `quote` format. `attributionPred` turns a report into one PRED line (without id).
 */
import type { Report } from '../../src/report';
import type { PredLine, PredSpan, ScoreResult } from '../score';
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

export const attributionTasks: EvalTask[] = [
  {
    id: 'polnear/cue',
    analyzer: 'sourcing',
    corpus: 'polnear',
    score: { task: 'cue' },
    metrics: { span_f1: spanF1, ratio50_f1: ratioF1 },
    predict: (report) => attributionPred(report),
    peers: { [naive]: { span_f1: 0.458 } },
  },
  {
    id: 'polnear/source',
    analyzer: 'sourcing',
    corpus: 'polnear',
    score: { task: 'source' },
    metrics: { span_f1: spanF1, ratio50_f1: ratioF1 },
    predict: (report) => attributionPred(report),
    peers: { [naive]: { span_f1: 0.428 } },
  },
  {
    id: 'polnear/content',
    analyzer: 'sourcing',
    corpus: 'polnear',
    score: { task: 'content' },
    metrics: { span_f1: spanF1, ratio50_f1: ratioF1 },
    predict: (report) => attributionPred(report),
    peers: { [naive]: { span_f1: 0.434 } },
  },
  {
    id: 'polnear/density',
    analyzer: 'sourcing',
    corpus: 'polnear',
    score: { task: 'density' },
    metrics: {
      spearman_per_1k: (r) => r.metrics.density?.spearman_per1k ?? null,
      spearman_count: (r) => r.metrics.density?.spearman ?? null,
    },
    predict: (report) => attributionPred(report),
    peers: { [naive]: { spearman_per_1k: 0.371 } },
  },
];
