/**
 * Batch output formats: each JSONL line of `slant batch` (`{"id","report","text"}` or an error record) becomes a
 * CSV row, or a SARIF log / W3C AnnotationCollection on one line; the findings CSV gets one row per finding. Error
 * records become error rows (CSV) or stay as they are (SARIF, W3C), so no article is lost. Pure, browser-safe.
 */
import type { Report } from '../report';
import { articleCsvHeader, articleCsvRow, findingsCsvRows } from './csv';
import { toSarif } from './sarif';
import { toW3c } from './w3c';

export const BATCH_FORMATS = ['jsonl', 'csv', 'sarif', 'w3c'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** Batch formats that point into each article's text, so the analysis line must carry it. */
export const needsText = (format: BatchFormat): boolean => format === 'sarif' || format === 'w3c';

export interface BatchFormatter {
  /** What goes first in the output (the CSV header), or ''. */
  header: string;
  /** Converts one output line (with its final newline) to the chosen format; `findings` gets the findings CSV rows. */
  line(jsonLine: string): { out: string; findings: string };
}

export function createBatchFormatter(
  format: BatchFormat,
  analyzerIds: readonly string[],
  options: { group?: boolean } = {},
): BatchFormatter {
  const extra = options.group ? ['group'] : [];
  return {
    header: format === 'csv' ? articleCsvHeader(analyzerIds, extra) : '',
    line(jsonLine) {
      const record = JSON.parse(jsonLine) as {
        id: unknown;
        group?: string;
        report?: Report;
        text?: string;
        error?: { code: string; message: string };
        line?: number;
      };
      const { report, text } = record;
      const groupCells = options.group ? [record.group ?? ''] : [];
      const findings = report?.findings ? findingsCsvRows(record.id, report) : '';
      if (format === 'jsonl') {
        if (text === undefined) return { out: jsonLine, findings };
        const { text: _t, ...rest } = record;
        return { out: JSON.stringify(rest) + '\n', findings };
      }
      if (format === 'csv') {
        const error = record.error ? `${record.error.code}: ${record.error.message}` : undefined;
        return { out: articleCsvRow(analyzerIds, record.id, report, groupCells, error), findings };
      }
      if (!report || text === undefined) return { out: jsonLine, findings };
      const uri = `articles/${encodeURIComponent(String(record.id))}`;
      const doc = format === 'sarif' ? toSarif(report, { source: text, uri }) : toW3c(report, { source: text, uri });
      return { out: JSON.stringify(doc) + '\n', findings };
    },
  };
}
