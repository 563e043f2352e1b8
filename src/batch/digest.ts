/**
 * What each output line keeps (`--fields`) and the compact per-article numbers a corpus summary is built from.
 * Browser-safe. Nothing here knows which analyzers exist: ids, scores and metrics are read from the report.
 */
import type { Report } from '../report';

/** `full`: the whole report; `scores`: scores, metrics and counts only; or a list of top-level report keys. */
export type FieldsSpec = 'full' | 'scores' | readonly string[];

export const REPORT_KEYS = [
  'schemaVersion',
  'stats',
  'score',
  'analyzers',
  'findings',
  'quotations',
  'attributions',
  'sources',
  'sentences',
  'warnings',
] as const;

/** The `scores` projection: everything numeric, nothing per finding. */
export interface ScoresProjection {
  schemaVersion: string;
  stats: Report['stats'];
  score: Report['score'];
  warnings: Report['warnings'];
  analyzers: Record<string, { status: string; score: number | null; weight: number; metrics: Record<string, number>; findings: number }>;
  counts: { findings: number; quotations: number; attributions: number; sources: number; sourceTypes: Record<string, number> };
}

function countSourceTypes(sources: Report['sources']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sources) out[s.type] = (out[s.type] ?? 0) + 1;
  return out;
}

/** The part of a report an output line keeps. */
export function project(report: Report, fields: FieldsSpec): unknown {
  if (fields === 'full') return report;
  if (fields === 'scores') {
    const analyzers: ScoresProjection['analyzers'] = {};
    for (const [id, r] of Object.entries(report.analyzers)) {
      analyzers[id] = { status: r.status, score: r.score, weight: r.weight, metrics: r.metrics, findings: r.findings };
    }
    const out: ScoresProjection = {
      schemaVersion: report.schemaVersion,
      stats: report.stats,
      score: report.score,
      warnings: report.warnings,
      analyzers,
      counts: {
        findings: report.findings.length,
        quotations: report.quotations.length,
        attributions: report.attributions.length,
        sources: report.sources.length,
        sourceTypes: countSourceTypes(report.sources),
      },
    };
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of fields) out[key] = (report as unknown as Record<string, unknown>)[key];
  return out;
}

/** Per-article numbers for a summary. Plain data, so it crosses from worker threads cheaply. */
export interface Digest {
  /** Group value (`--group-by`), when grouping. */
  group?: string;
  /** Error code when the article could not be analysed. */
  error?: string;
  /** `overall` and one entry per analyzer id; null when not applicable. */
  scores?: Record<string, number | null>;
  /** `<analyzer-id>.<metric>` and `stats.<field>`. */
  metrics?: Record<string, number>;
  /** Sources by type (named-person, anonymous, ...), when the report had sources or counts. */
  sourceTypes?: Record<string, number>;
  /** Findings by analyzer id, then by term (lexicon term, else rule, entry or message id). */
  terms?: Record<string, Record<string, number>>;
}

/** The term a finding is counted under in "top terms": the lexicon term, else the rule, entry or message id. */
export function findingKey(f: { messageId: string; evidence?: { term?: string; rule?: string; entry?: string } }): string {
  const e = f.evidence ?? {};
  return (e.term ?? e.rule ?? e.entry ?? f.messageId).toLowerCase();
}

/**
 * Digest of a report, or of what an output line kept of it (a `scores` projection, or some fields): whatever is
 * present is used, so a resumed run can rebuild its summary from the lines already written.
 */
export function digestReport(report: Partial<Report> & { counts?: { sourceTypes?: Record<string, number> } }, group?: string): Digest {
  const d: Digest = {};
  if (group !== undefined) d.group = group;
  if (report.score || report.analyzers) {
    const scores: Record<string, number | null> = {};
    if (report.score) scores.overall = report.score.overall;
    for (const [id, r] of Object.entries(report.analyzers ?? {})) scores[id] = r.score;
    d.scores = scores;
  }
  if (report.analyzers || report.stats) {
    const metrics: Record<string, number> = {};
    for (const [k, v] of Object.entries(report.stats ?? {})) if (typeof v === 'number') metrics[`stats.${k}`] = v;
    for (const [id, r] of Object.entries(report.analyzers ?? {})) {
      for (const [k, v] of Object.entries(r.metrics ?? {})) metrics[`${id}.${k}`] = v;
    }
    d.metrics = metrics;
  }
  if (report.sources) d.sourceTypes = countSourceTypes(report.sources);
  else if (report.counts?.sourceTypes) d.sourceTypes = { ...report.counts.sourceTypes };
  if (report.findings) {
    const terms: Record<string, Record<string, number>> = {};
    for (const f of report.findings) {
      const byTerm = (terms[f.analyzer] ??= {});
      const key = findingKey(f);
      byTerm[key] = (byTerm[key] ?? 0) + 1;
    }
    d.terms = terms;
  }
  return d;
}
