/**
 * The files a `slant batch` run writes must not be the input, nor each other (Node only): `--summary in.json` used
 * to write its CSV over the input `in.csv`, and `--summary out.jsonl` over the results.
 */
import fs from 'node:fs';
import path from 'node:path';

/** summary.json → summary.csv (any other name gets ".csv" appended). */
export const csvPathFor = (p: string): string => (p.toLowerCase().endsWith('.json') ? p.slice(0, -5) : p) + '.csv';

/** Same file: same resolved path, or (when both exist) the same device and inode (a link, another spelling). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export interface BatchPaths {
  input: string;
  output?: string;
  summary?: string;
  /** `--findings-csv` of the CLI. */
  findingsCsv?: string;
}

/** Why these paths would overwrite the input or each other (one line), or undefined when they are safe. */
export function pathConflict({ input, output, summary, findingsCsv }: BatchPaths): string | undefined {
  const reads: Array<[string, string]> = input === '-' ? [] : [['the input', input]];
  const writes: Array<[string, string]> = [];
  if (output !== undefined) writes.push(['the output (-o)', output]);
  if (summary !== undefined) {
    writes.push(['the summary (--summary)', summary]);
    writes.push([`the CSV summary (written next to --summary, as ${csvPathFor(summary)})`, csvPathFor(summary)]);
  }
  if (findingsCsv !== undefined) writes.push(['the findings CSV (--findings-csv)', findingsCsv]);
  for (let i = 0; i < writes.length; i++) {
    const [what, file] = writes[i];
    for (const [other, otherFile] of [...reads, ...writes.slice(0, i)]) {
      if (sameFile(file, otherFile)) return `${what} would overwrite ${other} (${otherFile}); choose another file name`;
    }
  }
  return undefined;
}
