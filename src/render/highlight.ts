import type { Finding } from '../report';

export type Piece = { kind: 'plain'; text: string } | { kind: 'mark'; text: string; findings: number[] };

/**
 * Cuts the text into plain and highlighted pieces. Overlapping findings form one highlighted piece (their union),
 * listing every finding in it, so that nothing is drawn twice.
 */
export function highlightPieces(text: string, findings: readonly Finding[]): Piece[] {
  const order = findings
    .map((f, i) => i)
    .sort((a, b) => findings[a].span.start - findings[b].span.start || findings[b].span.end - findings[a].span.end);
  const pieces: Piece[] = [];
  let pos = 0;
  let k = 0;
  while (k < order.length) {
    const first = findings[order[k]];
    const start = Math.max(first.span.start, pos);
    let end = first.span.end;
    const group = [order[k]];
    k++;
    while (k < order.length && findings[order[k]].span.start < end) {
      end = Math.max(end, findings[order[k]].span.end);
      group.push(order[k]);
      k++;
    }
    if (end <= start) continue;
    if (start > pos) pieces.push({ kind: 'plain', text: text.slice(pos, start) });
    pieces.push({ kind: 'mark', text: text.slice(start, end), findings: group.sort((a, b) => a - b) });
    pos = end;
  }
  if (pos < text.length) pieces.push({ kind: 'plain', text: text.slice(pos) });
  return pieces;
}

/** 1-based line and column (in UTF-16 units) of an offset, for display only. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A stable colour slot per analyzer id, shared by the text and HTML formats. */
export function colourSlot(analyzerId: string, ids: readonly string[]): number {
  const i = ids.indexOf(analyzerId);
  return i >= 0 ? i : 0;
}
