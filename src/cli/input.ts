import fs from 'node:fs';
import { InputError } from '../errors';
import { UsageError } from './io';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Parses "5MB", "512k", "1048576" into bytes; a malformed size is a usage error (exit code 2). */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`--max-size: invalid size "${value}" (use e.g. 5MB, 512KB or a number of bytes)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

export const formatBytes = (n: number): string =>
  n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;

/** windows-1252 bytes 0x80–0x9F (the rest is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * windows-1252, which the Encoding Standard also uses for the labels latin1, iso-8859-1 and ascii. Decoded here:
 * some Node versions' TextDecoder reads it as ISO-8859-1 (curly quotes become C1 control characters).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

/** The charset an HTML document declares in a <meta> within its first 1024 bytes, lower-cased, if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * Decodes bytes as text: UTF-16 (LE or BE) or UTF-8 when a byte-order mark says so; for HTML, the charset its
 * <meta> declares (any label TextDecoder knows, e.g. windows-1252, iso-8859-2, shift_jis); else UTF-8. Refuses
 * binary data, invalid UTF-8 and unknown charsets with a one-line InputError. A UTF-8 BOM is kept (as U+FEFF at
 * offset 0, which the analysis reads as white space), so that offsets count from the start of the file as read,
 * like readFileSync(file, 'utf8') and Python's open(file, encoding='utf-8') do.
 */
export function decodeText(bytes: Uint8Array, name: string, format: string = 'text'): string {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (bom) {
    try {
      return new TextDecoder(bom, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new InputError(`${name} starts with a ${bom.toUpperCase()} byte-order mark but is not valid ${bom.toUpperCase()} text`);
    }
  }
  if (bytes.includes(0)) throw new InputError(`${name} looks like a binary file (it contains NUL bytes); slant reads UTF-8 text`);
  const declared =
    format === 'html' && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ? sniffHtmlCharset(bytes) : undefined;
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      throw new InputError(
        `${name} declares charset "${declared}", which slant cannot decode; convert it to UTF-8 first (e.g. iconv -f ${declared} -t utf-8)`,
      );
    }
    if (decoder.encoding === 'windows-1252') return decodeWindows1252(bytes);
    try {
      return decoder.decode(bytes);
    } catch {
      throw new InputError(`${name} is not valid ${declared} text (its <meta charset>)`);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); // ignoreBOM: keep it
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text; convert it first (e.g. iconv -f latin1 -t utf-8)`);
  }
  return text;
}

/** Reads a text file or standard input ("-"), with a size limit. */
export async function readInput(path: string, maxBytes: number, format = 'text'): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > maxBytes) throw new InputError(`standard input is over the ${formatBytes(maxBytes)} limit (--max-size)`);
      chunks.push(b);
    }
    return decodeText(Buffer.concat(chunks), 'standard input', format);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? String(e)})`);
  }
  if (stat.isDirectory()) throw new InputError(`${path} is a directory; give a text file (or use "slant batch" for many articles)`);
  if (!stat.isFile()) throw new InputError(`${path} is not a regular file`);
  if (stat.size > maxBytes)
    throw new InputError(`${path} is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return decodeText(bytes, path, format);
}
