import type { OffsetMap } from './offset-map';

/** The input formats slant reads. */
export const INPUT_FORMATS = ['text', 'html', 'markdown'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A range of the extracted text, 0-based UTF-16, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** What an input adapter gives the pipeline. */
export interface ExtractedInput {
  /** The text analysed: readable text only, one paragraph per line. */
  text: string;
  /** Extracted-text offsets → source offsets; undefined for plain text (the identity). */
  map?: OffsetMap;
  format: InputFormat;
  /** The headline in `text` (HTML: the first <h1>, else the <title>; Markdown: the first level-1 heading). */
  headline?: TextRange;
  /**
   * Ranges of `text` the markup marks as quotations (<blockquote>, <q>, Markdown block quotes): the document model
   * treats them as quotations in the quoted voice even without quotation marks.
   */
  quotations?: TextRange[];
}
