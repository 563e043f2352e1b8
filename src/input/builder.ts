import { OffsetMap } from './offset-map';

/** Whitespace that a markup renderer collapses (not the no-break space, which is kept as text). */
const COLLAPSIBLE = /^[ \t\n\r\f]+$/;

/**
 * Accumulates the text extracted from markup, collapsing whitespace as a renderer does (a run of spaces and line
 * breaks inside a paragraph is one space) and turning block boundaries into paragraph breaks, while recording
 * where every character came from. Browser-safe.
 */
export class TextBuilder {
  readonly map = new OffsetMap();
  private parts: string[] = [];
  private len = 0;
  /** 0 none, 1 space, 2 line break, 3 paragraph break */
  private pending = 0;
  private pendingStart = 0;
  private pendingEnd = 0;
  private lastChar = '';

  get length(): number {
    return this.len;
  }

  private push(s: string, sourceStart: number, sourceEnd: number): void {
    if (!s) return;
    this.parts.push(s);
    this.map.append(s.length, sourceStart, sourceEnd);
    this.len += s.length;
    this.lastChar = s[s.length - 1];
  }

  /** Appends a piece of decoded text that stands for source [sourceStart, sourceEnd). */
  text(piece: string, sourceStart: number, sourceEnd: number, preserveWhitespace = false): void {
    if (!piece) return;
    if (!preserveWhitespace && COLLAPSIBLE.test(piece)) {
      if (this.pending === 0) {
        this.pending = 1;
        this.pendingStart = sourceStart;
        this.pendingEnd = sourceEnd;
      } else if (this.pending === 1) this.pendingEnd = sourceEnd;
      return;
    }
    this.flush();
    this.push(piece, sourceStart, sourceEnd);
  }

  /** Emits what is pending before real text. */
  private flush(): void {
    if (this.len > 0 && this.pending) {
      if (this.pending === 1) this.push(' ', this.pendingStart, this.pendingEnd);
      else this.push(this.pending === 2 ? '\n' : '\n\n', this.pendingStart, this.pendingStart);
    }
    this.pending = 0;
  }

  /** A paragraph break (block boundary) at source offset `at`. */
  paragraph(at: number): void {
    if (this.pending < 3) {
      this.pending = 3;
      this.pendingStart = at;
    }
  }

  /** A line break (`<br>`, a hard break) at source offset `at`. */
  lineBreak(at: number): void {
    if (this.pending < 2) {
      this.pending = 2;
      this.pendingStart = at;
    }
  }

  /** True when nothing but whitespace has been added since the last break. */
  get atLineStart(): boolean {
    return this.len === 0 || this.lastChar === '\n' || this.pending >= 2;
  }

  toString(): string {
    const s = this.parts.join('');
    this.parts = [s];
    return s;
  }
}

/** Shrinks [start, end) of `text` to exclude whitespace at either end. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  return { start: s, end: e };
}
