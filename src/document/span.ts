/** A 0-based, end-exclusive UTF-16 range of the text, always carrying its text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}
