/**
 * Input adapters: plain text, HTML and Markdown in; the text to analyse out, with a map from its offsets back to
 * the source. Browser-safe (no Node built-ins).
 */
import { InputError } from '../errors';
import { readHtml, type HtmlInputOptions } from './html';
import { readMarkdown } from './markdown';
import { readText } from './text';
import { INPUT_FORMATS, type ExtractedInput, type InputFormat } from './types';

export { INPUT_FORMATS, type ExtractedInput, type InputFormat, type TextRange } from './types';
export { OffsetMap, identityMap, type SourceRange } from './offset-map';
export { HTML_CHROME, type HtmlInputOptions } from './html';
export { mapReportToSource } from './map-report';

export interface ReadInputOptions {
  /** HTML only. */
  html?: HtmlInputOptions;
}

/** The input format named by a file name's extension: .html/.htm/.xhtml → html, .md/.markdown → markdown, else text. */
export function inputFormatFromPath(path: string): InputFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
  return 'text';
}

export function isInputFormat(value: unknown): value is InputFormat {
  return typeof value === 'string' && (INPUT_FORMATS as readonly string[]).includes(value);
}

/**
 * Extracts the text to analyse from `input` in `format`. Never throws on content (markup is repaired as a browser
 * would); throws InputError for an unknown format.
 */
export function readInput(input: string, format: InputFormat = 'text', options: ReadInputOptions = {}): ExtractedInput {
  if (format === 'text') return readText(input);
  if (format === 'html') return readHtml(input, options.html);
  if (format === 'markdown') return readMarkdown(input);
  throw new InputError(`unknown input format "${String(format)}" (valid: ${INPUT_FORMATS.join(', ')})`);
}
