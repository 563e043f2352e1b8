/**
 * `--resume` (Node only): reads the output file of an interrupted run. A last line without its newline (the
 * process was killed while writing it) is cut off, so that the article is analysed again and appears once; every
 * complete line must be a batch record. Returns how many times each id is already present, so that exactly those
 * inputs are skipped (an id given twice in the input is skipped as often as it was written).
 */
import fs from 'node:fs';
import { InputError } from '../errors';
import { readJsonl } from './read';
import { readOutputLine } from './record';
import type { Digest } from './digest';

export interface ResumeState {
  /** Resume key → times present in the output. */
  present: Map<string, number>;
  /** Complete lines kept. */
  lines: number;
  /** Bytes of an unfinished last line that were cut off (0 if none). */
  truncatedBytes: number;
}

/** Offset just after the last newline of the file (0 when it has none). */
function endOfLastLine(fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = fs.readSync(fd, chunk, 0, end - start, start);
    const nl = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (nl >= 0) return start + nl + 1;
    end = start;
  }
  return 0;
}

export async function readResumeState(path: string, onLine?: (digest: Digest, error?: string) => void): Promise<ResumeState> {
  const state: ResumeState = { present: new Map(), lines: 0, truncatedBytes: 0 };
  if (!fs.existsSync(path)) return state;
  const fd = fs.openSync(path, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const keep = endOfLastLine(fd, size);
    if (keep < size) {
      fs.ftruncateSync(fd, keep);
      state.truncatedBytes = size - keep;
    }
  } finally {
    fs.closeSync(fd);
  }
  for await (const input of readJsonl(fs.createReadStream(path, { highWaterMark: 1 << 20 }), { maxLineBytes: Infinity, idField: 'id' })) {
    let record: unknown;
    try {
      record = input.kind === 'json' ? JSON.parse(input.text) : undefined;
    } catch {
      record = undefined;
    }
    if (!record || typeof record !== 'object' || !('id' in record) || !('report' in record || 'error' in record)) {
      throw new InputError(
        `cannot resume: line ${input.line} of ${path} is not a "slant batch" output record; give the output file of the interrupted run`,
      );
    }
    const { key, digest, error } = readOutputLine(record as Record<string, unknown>);
    state.present.set(key, (state.present.get(key) ?? 0) + 1);
    state.lines++;
    onLine?.(digest, error);
  }
  return state;
}
