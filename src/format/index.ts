/**
 * One formatter registry for the library, `slant analyze --format` and `slant batch --format`. Every formatter is a
 * pure function of the report (which carries the analyzer meta they need) and, for those that point into or show
 * the article, of its text or source. Browser-safe.
 */
import { ConfigError } from '../errors';
import { renderHtml } from '../render/html';
import type { Report } from '../report';
import { toCsv } from './csv';
import { requireText, type FormatOptions } from './options';
import { toSarif } from './sarif';
import { formatText } from './text';
import { toW3c } from './w3c';

export { toSarif } from './sarif';
export { toW3c, W3C_CONTEXT } from './w3c';
export { toCsv, articleCsvHeader, articleCsvRow, findingsCsvRows, FINDINGS_CSV_HEADER, csvCell } from './csv';
export { formatText, type TextFormatOptions } from './text';
export type { FormatOptions } from './options';

export const REPORT_FORMATS = ['json', 'text', 'html', 'sarif', 'w3c', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const json = (value: unknown, compact?: boolean): string => JSON.stringify(value, null, compact ? undefined : 2) + '\n';

const formatters: Record<ReportFormat, (report: Report, options: FormatOptions) => string> = {
  json: (r, o) => json(r, o.compact),
  text: (r, o) => formatText(r, requireText(r, o, 'text'), { colour: o.colour ?? false, minSeverity: o.minSeverity ?? 'warning' }),
  html: (r, o) =>
    renderHtml(r, requireText(r, o, 'html'), { ...(o.title ? { title: o.title } : {}), highlight: o.minSeverity ?? 'warning' }),
  sarif: (r, o) => json(toSarif(r, o), o.compact),
  w3c: (r, o) => json(toW3c(r, o), o.compact),
  csv: (r, o) => toCsv(r, o.id ?? ''),
};

export const isReportFormat = (f: unknown): f is ReportFormat => typeof f === 'string' && (REPORT_FORMATS as readonly string[]).includes(f);

/**
 * Formats a report: `json`, `text` and `html` (need `{ text }`, the analysed text, unless the input was plain text
 * given as `source`), `sarif` and `w3c` (need `{ source }`, the original input), `csv` (one row).
 *
 * @example
 * const report = analyze(html, { input: 'html' });
 * const sarif = formatReport(report, 'sarif', { source: html, uri: 'story.html' });
 */
export function formatReport(report: Report, format: ReportFormat, options: FormatOptions = {}): string {
  if (!isReportFormat(format))
    throw new ConfigError('CONFIG_INVALID', `Unknown format "${String(format)}"; valid: ${REPORT_FORMATS.join(', ')}.`);
  return formatters[format](report, options);
}
