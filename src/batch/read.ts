/**
 * Streaming readers for `slant batch` (Node only): JSONL split into lines without holding more than one line
 * (and never more than `maxLineBytes` of it), and CSV through csv.ts (quoted fields may hold commas, quotes and
 * newlines; a malformed record costs only itself). Each input line or CSV row yields exactly one RawInput, in order.
 */
import { InputError } from '../errors';
import { csvRecords } from './csv';
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
      return {
        kind: 'bad',
        line,
        id: sniffId(lossy.decode(buf.subarray(0, HEAD_BYTES)), opts.idField),
        error: { code: 'INVALID_UTF8', message: 'line is not valid UTF-8' },
      };
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
  /** Longest record, in characters (default 16M); longer is a CSV_INVALID record (e.g. a quote left open). */
  maxRecordLength?: number;
  /** Called with the header's column names before any row is yielded; may throw (e.g. a required column is missing). */
  onHeader?: (columns: string[]) => void;
  /** Column holding the id, for the error record of a row with too many fields (default "id"). */
  idField?: string;
}

/**
 * CSV with a header row: quoted fields may hold delimiters, doubled quotes and newlines; rows with too few fields
 * are kept (missing fields are absent); a row with more fields than the header, or one that cannot be read (see
 * csv.ts), gives a CSV_INVALID record with its line, and reading goes on at the next line. `line` is the physical
 * line where the row starts.
 */
export async function* readCsv(
  stream: AsyncIterable<Buffer | string>,
  opts: CsvReadOptions = {},
): AsyncGenerator<RawInput, void, undefined> {
  let columns: string[] | undefined;
  for await (const item of csvRecords(stream, {
    delimiter: opts.delimiter ?? ',',
    maxRecordLength: opts.maxRecordLength ?? 16 * 1024 * 1024,
    expectedFields: () => columns?.length,
    ...(opts.onBytes ? { onBytes: opts.onBytes } : {}),
  })) {
    if (!columns) {
      if ('error' in item) throw new InputError(`cannot read the CSV header (${item.error})`);
      columns = item.fields;
      opts.onHeader?.(columns);
      continue;
    }
    if ('error' in item) {
      yield { kind: 'bad', line: item.line, id: null, error: { code: 'CSV_INVALID', message: item.error } };
      continue;
    }
    if (item.fields.length > columns.length) {
      yield {
        kind: 'bad',
        line: item.line,
        id: item.fields[columns.indexOf(opts.idField ?? 'id')] || null,
        error: {
          code: 'CSV_INVALID',
          message: `line ${item.line}: ${item.fields.length} fields, the header has ${columns.length} (quote a field that holds the delimiter)`,
        },
      };
      continue;
    }
    const record: Record<string, string> = {};
    item.fields.forEach((v, i) => (record[columns![i]] = v));
    yield { kind: 'record', line: item.line, record };
  }
  if (!columns) opts.onHeader?.([]);
}
