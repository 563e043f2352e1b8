/**
 * Streaming readers for `slant batch` (Node only): JSONL split into lines without holding more than one line
 * (and never more than `maxLineBytes` of it), and CSV through csv-parse (quoted fields may hold commas, quotes and
 * newlines). Each input line or CSV row yields exactly one RawInput, in order.
 */
import { parse } from 'csv-parse';
import type { Id, RawInput } from './record';

export interface ReadOptions {
  /** A JSONL line longer than this is not decoded: it gives TEXT_TOO_LARGE (its id is read from its start). */
  maxLineBytes: number;
  /** Used to find the id at the start of an over-long or undecodable line. */
  idField: string;
  /** Called with the size of every chunk read, for progress. */
  onBytes?: (n: number) => void;
}

const HEAD_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Best effort: the id field's value near the start of a JSON line that cannot be parsed whole. */
export function sniffId(head: string, idField: string): Id {
  const m = new RegExp(`"${escapeRegExp(idField)}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?)`).exec(head);
  if (!m) return null;
  try {
    const v: unknown = JSON.parse(m[1]);
    return typeof v === 'string' || typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

/** Splits a byte stream into JSONL lines (LF or CRLF; a final line without newline counts; a BOM is dropped). */
export async function* readJsonl(stream: AsyncIterable<Buffer | string>, opts: ReadOptions): AsyncGenerator<RawInput, void, undefined> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversize = 0; // bytes of the current line when it is over the limit, else 0
  let head: Buffer | undefined;
  let line = 0;
  let started = false;
  let pending = false; // bytes seen since the last newline

  const finish = (): RawInput => {
    line++;
    if (oversize) {
      const id = sniffId(lossy.decode(head!), opts.idField);
      const r: RawInput = {
        kind: 'bad',
        line,
        id,
        error: { code: 'TEXT_TOO_LARGE', message: `line is ${oversize} bytes, over the limit of ${opts.maxLineBytes} (--max-size)` },
      };
      oversize = 0;
      head = undefined;
      return r;
    }
    let buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    if (buf.length && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
    try {
      return { kind: 'json', line, text: utf8.decode(buf) };
    } catch {
      return { kind: 'bad', line, id: sniffId(lossy.decode(buf.subarray(0, HEAD_BYTES)), opts.idField), error: { code: 'INVALID_UTF8', message: 'line is not valid UTF-8' } };
    }
  };

  const add = (piece: Buffer): void => {
    if (!piece.length) return;
    pending = true;
    if (oversize) {
      oversize += piece.length;
      return;
    }
    parts.push(piece);
    size += piece.length;
    if (size > opts.maxLineBytes) {
      const all = Buffer.concat(parts, size);
      head = Buffer.from(all.subarray(0, HEAD_BYTES));
      oversize = size;
      parts = [];
      size = 0;
    }
  };

  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    opts.onBytes?.(buf.length);
    if (!started) {
      started = true;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    let from = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, from);
      if (nl < 0) {
        // Copy: the stream may reuse its buffer.
        add(Buffer.from(buf.subarray(from)));
        break;
      }
      add(buf.subarray(from, nl));
      pending = false;
      yield finish();
      from = nl + 1;
    }
  }
  if (pending) yield finish();
}

export interface CsvReadOptions {
  /** Field separator (default ","). */
  delimiter?: string;
  onBytes?: (n: number) => void;
}

const SKIPPED = Symbol('skipped');
interface Skipped {
  [SKIPPED]: { code?: string; message: string; lines?: number };
}

/**
 * CSV with a header row, through csv-parse: quoted fields may hold delimiters, doubled quotes and newlines; rows
 * with too few or too many fields are kept (missing fields are absent); a row csv-parse cannot read gives a
 * CSV_INVALID record and reading goes on. `line` is the physical line where the row starts.
 */
export async function* readCsv(stream: AsyncIterable<Buffer | string> & NodeJS.ReadableStream, opts: CsvReadOptions = {}): AsyncGenerator<RawInput, void, undefined> {
  const parser = parse({
    columns: true,
    bom: true,
    delimiter: opts.delimiter ?? ',',
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const skipped: Skipped = { [SKIPPED]: { code: err?.code, message: err?.message ?? 'unreadable row', lines: (err as { lines?: number } | undefined)?.lines } };
      parser.push(skipped);
    },
  });
  if (opts.onBytes) stream.on('data', (chunk: Buffer | string) => opts.onBytes!(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length));
  stream.on('error', (e) => parser.destroy(e));
  stream.pipe(parser);
  let lastLine = 1; // the header
  let lastEmpty = 0;
  for await (const item of parser as AsyncIterable<Skipped | { record: Record<string, unknown>; info: { lines: number; empty_lines: number } }>) {
    if (SKIPPED in item) {
      const e = item[SKIPPED];
      const start = lastLine + 1;
      lastLine = e.lines ?? start;
      yield { kind: 'bad', line: start, id: null, error: { code: 'CSV_INVALID', message: `${e.code ? `${e.code}: ` : ''}${e.message}` } };
      continue;
    }
    const { record, info } = item;
    const start = lastLine + 1 + (info.empty_lines - lastEmpty);
    lastLine = info.lines;
    lastEmpty = info.empty_lines;
    yield { kind: 'record', line: start, record };
  }
}
