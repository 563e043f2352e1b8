import { ConfigError } from '../errors';
import type { Report, ReportSpan } from '../report';

export interface FormatOptions {
  /** The original input (HTML, Markdown or the text itself): needed by sarif and w3c, which point into it. */
  source?: string;
  /** The analysed text (for text and html); for plain-text input it is the source. */
  text?: string;
  /** The document's URI in sarif (artifact) and w3c (annotation target); default `article.txt`/`.html`/`.md`. */
  uri?: string;
  /** json: one line instead of indented. */
  compact?: boolean;
  /** text: ANSI colours. */
  colour?: boolean;
  /** text: list findings of this severity and above; html: highlight them (default warning). */
  minSeverity?: 'info' | 'warning';
  /** html: the page title. */
  title?: string;
  /** csv: the article's id (first column). */
  id?: string | number;
}

/** The source range of a span: its `source` offsets for markup input, else its own. */
export const sourceRange = (span: ReportSpan): { start: number; end: number } => span.source ?? { start: span.start, end: span.end };

export function requireUtf16(report: Report, format: string): void {
  if (report.input.offsets !== 'utf16') {
    throw new ConfigError(
      'CONFIG_INVALID',
      `format "${format}" needs a report with UTF-16 offsets; this one has ${report.input.offsets} offsets (convert after formatting, or use json)`,
    );
  }
}

export function requireSource(report: Report, options: FormatOptions, format: string): string {
  requireUtf16(report, format);
  const source = options.source ?? (report.input.format === 'text' ? options.text : undefined);
  if (typeof source !== 'string')
    throw new ConfigError('CONFIG_INVALID', `format "${format}" needs the original input: formatReport(report, '${format}', { source })`);
  if (source.length !== report.input.characters) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `format "${format}": the source given has ${source.length} characters, the report was made from ${report.input.characters}`,
    );
  }
  return source;
}

export function requireText(report: Report, options: FormatOptions, format: string): string {
  requireUtf16(report, format);
  const text = options.text ?? (report.input.format === 'text' ? options.source : undefined);
  if (typeof text !== 'string')
    throw new ConfigError('CONFIG_INVALID', `format "${format}" needs the analysed text: formatReport(report, '${format}', { text })`);
  if (text.length !== report.stats.characters) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `format "${format}": the text given has ${text.length} characters, the report was made from ${report.stats.characters}`,
    );
  }
  return text;
}
