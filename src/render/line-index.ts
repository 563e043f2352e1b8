/**
 * Line and column of many offsets in one text, in linear time overall: the line starts are indexed once, and each
 * offset is placed by binary search (scanning from the start for every finding made a 2 MB text take 39 s).
 */
export type LineColumnOf = (offset: number) => { line: number; column: number };

/** 1-based line and column (in UTF-16 code units) of an offset; lines end at "\n". */
export function lineIndex(text: string): LineColumnOf {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
