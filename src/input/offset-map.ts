/**
 * Maps offsets in the text extracted from a source (HTML, Markdown) back to offsets in the source. Browser-safe.
 *
 * Built while extracting: every piece of extracted text is appended with the source range it came from. Pieces
 * copied verbatim (same length in text and source) are linear; a run of linear pieces with the same offset delta
 * is stored once. A piece whose length differs (an entity, a collapsed run of whitespace, CRLF) maps every one of
 * its characters to the whole source range. Lookups are binary searches over the runs.
 */
export interface SourceRange {
  start: number;
  end: number;
}

export class OffsetMap {
  // Parallel arrays, one entry per run: text start, source start, source length; linear when the run's text length
  // equals its source length (then text offset t maps to source t - textStart + sourceStart).
  private readonly tStart: number[] = [];
  private readonly tLen: number[] = [];
  private readonly sStart: number[] = [];
  private readonly sLen: number[] = [];
  private length = 0;

  /** Length of the extracted text appended so far. */
  get textLength(): number {
    return this.length;
  }

  /** Number of runs stored (the map's size). */
  get runs(): number {
    return this.tStart.length;
  }

  /**
   * Records that the next `textLength` characters of the extracted text come from source [sourceStart, sourceEnd).
   * Synthetic text (a paragraph break) is recorded with an empty source range at the position it stands for.
   */
  append(textLength: number, sourceStart: number, sourceEnd: number): void {
    if (textLength <= 0) return;
    const sLen = Math.max(0, sourceEnd - sourceStart);
    const n = this.tStart.length;
    if (n && textLength === sLen) {
      const i = n - 1;
      // extend the previous linear run when the delta is the same
      if (this.tLen[i] === this.sLen[i] && this.sStart[i] + this.sLen[i] === sourceStart && this.tStart[i] + this.tLen[i] === this.length) {
        this.tLen[i] += textLength;
        this.sLen[i] += sLen;
        this.length += textLength;
        return;
      }
    }
    this.tStart.push(this.length);
    this.tLen.push(textLength);
    this.sStart.push(sourceStart);
    this.sLen.push(sLen);
    this.length += textLength;
  }

  private runAt(offset: number): number {
    let lo = 0;
    let hi = this.tStart.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tStart[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The source range of the character at text offset `offset` (empty range for synthetic text). */
  charSource(offset: number): SourceRange {
    if (!this.tStart.length) return { start: 0, end: 0 };
    const i = this.runAt(Math.max(0, Math.min(offset, this.length - 1)));
    if (this.tLen[i] === this.sLen[i]) {
      const s = this.sStart[i] + (offset - this.tStart[i]);
      return { start: s, end: s + 1 };
    }
    return { start: this.sStart[i], end: this.sStart[i] + this.sLen[i] };
  }

  /** The source range of text range [start, end): from the first character's source start to the last one's end. */
  toSource(start: number, end: number): SourceRange {
    if (!this.tStart.length) return { start: 0, end: 0 };
    if (end <= start) {
      const at = start >= this.length ? this.charSource(this.length - 1).end : this.charSource(start).start;
      return { start: at, end: at };
    }
    const a = this.charSource(start).start;
    const b = this.charSource(end - 1).end;
    return b >= a ? { start: a, end: b } : { start: b, end: a };
  }
}

/** The identity map of plain text. */
export function identityMap(length: number): OffsetMap {
  const m = new OffsetMap();
  m.append(length, 0, length);
  return m;
}
