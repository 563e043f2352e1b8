/** Request bodies read with a size limit enforced while streaming, and media-type parsing. */
import { HttpProblem, problems } from './problem';

/**
 * Reads the whole body, refusing it (413) as soon as more than `limit` bytes have arrived, or at once when the
 * declared Content-Length is over the limit: a client sending 1 GB is cut off after `limit` bytes.
 */
export async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new HttpProblem(problems.tooLarge(limit), { connection: 'close' });
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new HttpProblem(problems.tooLarge(limit), { connection: 'close' });
    }
    parts.push(value);
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8 text (a leading BOM dropped); 400 when it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HttpProblem(problems.invalidRequest('the request body is not valid UTF-8', { field: 'body' }));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `type/subtype` in lower case, and the charset parameter if any. */
export function mediaType(header: string | null | undefined): { type: string; charset?: string } {
  if (!header) return { type: '' };
  const [type, ...params] = header.split(';');
  const out: { type: string; charset?: string } = { type: type.trim().toLowerCase() };
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k?.trim().toLowerCase() === 'charset' && v) out.charset = v.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return out;
}

/** The body stream as Node Buffers (for the JSONL reader shared with `slant batch`). */
export async function* bufferChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Buffer, void, undefined> {
  if (!body) return;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>)
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
