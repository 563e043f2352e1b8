/**
 * A streaming CSV/TSV record reader (Node-free, but used by the batch CLI) that never loses a row to a malformed one.
 *
 * RFC 4180 with the usual liberties: a field that starts with a quote is quoted (doubled quotes inside, delimiters and
 * newlines allowed); a quote inside an unquoted field is kept as a character. A record that cannot be read — a quote
 * left open, a closing quote followed by something other than a delimiter or a line end, a quoted field that runs over
 * several lines into a record whose field count differs from the header's (the signature of a stray quote that
 * swallowed the following rows) — gives an error item with its starting line, and reading starts again at the
 * physical line after that line, so every later row is read on its own.
 *
 * Why not csv-parse: with `relax_quotes` a stray quote swallows the rows after it without an error, and without it
 * csv-parse reports the error but resumes after the whole unreadable span (the rows in it are lost).
 */

export type CsvItem =
  /** `line`: the physical line (1-based) where the record starts. */
  { line: number; fields: string[] } | { line: number; error: string };

export interface CsvRecordOptions {
  delimiter: string;
  /** A record longer than this (in UTF-16 code units) is an error (an open quote would otherwise buffer the file). */
  maxRecordLength: number;
  /** Field count of the header, once known; a multi-line record with another count is treated as a stray quote. */
  expectedFields?: () => number | undefined;
  onBytes?: (n: number) => void;
}

type Step =
  | { kind: 'more' }
  | { kind: 'ok'; fields: string[]; next: number; multiline: boolean }
  | { kind: 'empty'; next: number }
  | { kind: 'error'; message: string };

/** Parses one record at `pos`. `final`: no more input will come. */
function parseRecord(buf: string, pos: number, final: boolean, delim: string): Step {
  const len = buf.length;
  if (pos >= len) return final ? { kind: 'empty', next: len } : { kind: 'more' };
  if (buf[pos] === '\n') return { kind: 'empty', next: pos + 1 };
  if (buf[pos] === '\r') {
    if (pos + 1 >= len) return final ? { kind: 'empty', next: len } : { kind: 'more' };
    if (buf[pos + 1] === '\n') return { kind: 'empty', next: pos + 2 };
  }
  const fields: string[] = [];
  let multiline = false;
  let i = pos;
  for (;;) {
    if (buf[i] === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        const k = buf.indexOf('"', j);
        if (k < 0) return final ? { kind: 'error', message: 'a quoted field is never closed' } : { kind: 'more' };
        const piece = buf.slice(j, k);
        if (!multiline && piece.includes('\n')) multiline = true;
        value += piece;
        if (k + 1 >= len) {
          if (!final) return { kind: 'more' };
          fields.push(value);
          return { kind: 'ok', fields, next: len, multiline };
        }
        const c = buf[k + 1];
        if (c === '"') {
          value += '"';
          j = k + 2;
          continue;
        }
        if (c === delim) {
          fields.push(value);
          i = k + 2;
          break;
        }
        if (c === '\n') {
          fields.push(value);
          return { kind: 'ok', fields, next: k + 2, multiline };
        }
        if (c === '\r') {
          if (k + 2 >= len && !final) return { kind: 'more' };
          if (k + 2 >= len || buf[k + 2] === '\n') {
            fields.push(value);
            return { kind: 'ok', fields, next: Math.min(len, k + 3), multiline };
          }
        }
        return {
          kind: 'error',
          message: `a closing quote is followed by ${JSON.stringify(c)} instead of a delimiter or the end of the line`,
        };
      }
      if (i >= len) {
        if (!final) return { kind: 'more' };
        fields.push('');
        return { kind: 'ok', fields, next: len, multiline };
      }
      continue;
    }
    // Unquoted field: up to the next delimiter or line end; quotes in it are plain characters.
    const d = buf.indexOf(delim, i);
    const n = buf.indexOf('\n', i);
    if (d >= 0 && (n < 0 || d < n)) {
      fields.push(buf.slice(i, d));
      i = d + 1;
      if (i >= len) {
        if (!final) return { kind: 'more' };
        fields.push('');
        return { kind: 'ok', fields, next: len, multiline };
      }
      continue;
    }
    if (n < 0) {
      if (!final) return { kind: 'more' };
      fields.push(stripCr(buf.slice(i)));
      return { kind: 'ok', fields, next: len, multiline };
    }
    fields.push(stripCr(buf.slice(i, n)));
    return { kind: 'ok', fields, next: n + 1, multiline };
  }
}

const stripCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Yields every record (or error) of a CSV byte stream, in order, skipping empty lines. A leading BOM is dropped. */
export async function* csvRecords(
  stream: AsyncIterable<Buffer | string>,
  opts: CsvRecordOptions,
): AsyncGenerator<CsvItem, void, undefined> {
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let pos = 0;
  let line = 1;
  let started = false;
  const chunks = stream[Symbol.asyncIterator]();
  let final = false;

  const more = async (): Promise<void> => {
    const r = await chunks.next();
    if (r.done) {
      buf += decoder.decode();
      final = true;
      return;
    }
    const chunk = r.value;
    opts.onBytes?.(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length);
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (!started && text.length) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // Drop what has been consumed before growing the buffer.
    if (pos > 0) {
      buf = buf.slice(pos);
      pos = 0;
    }
    buf += text;
  };

  for (;;) {
    const step = parseRecord(buf, pos, final, opts.delimiter);
    if (step.kind === 'more') {
      if (buf.length - pos > opts.maxRecordLength) {
        yield* recover(`a record is over ${opts.maxRecordLength} characters (a quote left open?)`);
        if (pos >= buf.length && final) return;
        continue;
      }
      await more();
      continue;
    }
    if (step.kind === 'error') {
      yield* recover(step.message);
      if (pos >= buf.length && final) return;
      continue;
    }
    if (step.kind === 'empty') {
      if (step.next >= buf.length && final && step.next === pos) return;
      line += countNewlines(buf, pos, step.next);
      pos = step.next;
      if (pos >= buf.length && final) return;
      continue;
    }
    const expected = opts.expectedFields?.();
    if (step.multiline && expected !== undefined && step.fields.length !== expected) {
      yield* recover(
        `a quoted field runs over several lines into a record of ${step.fields.length} fields (the header has ${expected}): a stray quote?`,
      );
      if (pos >= buf.length && final) return;
      continue;
    }
    yield { line, fields: step.fields };
    line += countNewlines(buf, pos, step.next);
    pos = step.next;
    if (pos >= buf.length && final) return;
  }

  /** An error item for the record at `pos`; reading goes on at the next physical line. */
  async function* recover(message: string): AsyncGenerator<CsvItem, void, undefined> {
    yield { line, error: `line ${line}: ${message}; reading goes on at line ${line + 1}` };
    for (;;) {
      const nl = buf.indexOf('\n', pos);
      if (nl >= 0) {
        pos = nl + 1;
        line++;
        return;
      }
      if (final) {
        pos = buf.length;
        return;
      }
      // The line itself is not complete yet: drop what we have of it and read on.
      buf = '';
      pos = 0;
      await more();
    }
  }
}
