/**
 * CSV for data teams: one row per article (id, scores, counts) and one row per finding. RFC 4180 quoting; a cell
 * that starts with = + - @ (a formula in a spreadsheet) is prefixed with a quote mark. Pure.
 */
import type { Report } from '../report';

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]): string => cells.map(csvCell).join(',') + '\r\n';

const STATS = ['characters', 'words', 'sentences', 'paragraphs', 'quotations', 'quotedWords'] as const;

/** The article columns for reports made with these analyzers. */
export function articleCsvHeader(analyzerIds: readonly string[], extra: readonly string[] = []): string {
  return csvLine([
    'id',
    ...extra,
    'input',
    'overall',
    ...analyzerIds.map((a) => `score:${a}`),
    ...STATS,
    'findings',
    ...analyzerIds.map((a) => `findings:${a}`),
    'attributions',
    'sources',
    'error',
  ]);
}

/** One article row; `report` undefined gives an error row (id and error only), so no article is lost. */
export function articleCsvRow(
  analyzerIds: readonly string[],
  id: unknown,
  report: Report | undefined,
  extra: readonly unknown[] = [],
  error?: string,
): string {
  if (!report) return csvLine([id, ...extra, ...new Array(2 + analyzerIds.length * 2 + STATS.length + 3).fill(''), error ?? 'no report']);
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.analyzer, (counts.get(f.analyzer) ?? 0) + 1);
  return csvLine([
    id,
    ...extra,
    report.input?.format ?? 'text',
    report.score.overall,
    ...analyzerIds.map((a) => report.analyzers[a]?.score ?? ''),
    ...STATS.map((k) => report.stats[k]),
    report.findings.length,
    ...analyzerIds.map((a) => counts.get(a) ?? 0),
    report.attributions.length,
    report.sources.length,
    '',
  ]);
}

export const FINDINGS_CSV_HEADER = csvLine([
  'id',
  'analyzer',
  'messageId',
  'severity',
  'voice',
  'start',
  'end',
  'sourceStart',
  'sourceEnd',
  'text',
  'message',
]);

/** One row per finding: offsets into the analysed text and, for markup input, into the source. */
export function findingsCsvRows(id: unknown, report: Report): string {
  let out = '';
  for (const f of report.findings) {
    out += csvLine([
      id,
      f.analyzer,
      f.messageId,
      f.severity,
      f.voice,
      f.span.start,
      f.span.end,
      f.span.source?.start ?? f.span.start,
      f.span.source?.end ?? f.span.end,
      f.span.text,
      f.message,
    ]);
  }
  return out;
}

/** A one-article CSV (header + row). */
export function toCsv(report: Report, id: unknown = ''): string {
  const ids = Object.keys(report.analyzers);
  return articleCsvHeader(ids) + articleCsvRow(ids, id, report);
}
