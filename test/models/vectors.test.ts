import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LexiconError } from '../../src/errors';
import { compileVectors, decodeBase64, rowCosine, vectorRow, vectorsChecksum } from '../../src/models/vectors';

const file = join(__dirname, '..', '..', 'models', 'vectors-en.json');
const raw = readFileSync(file, 'utf8');

describe('models/vectors-en.json (distilled by scripts/distill-vectors.mjs)', () => {
  const input = JSON.parse(raw) as Record<string, unknown> & { words: string[]; vectors: string; checksum: string; dimensions: number };

  test('header matches its content: size, byte count and the checksum the loader validates', () => {
    const bytes = decodeBase64(input.vectors)!;
    expect(bytes.length).toBe(input.words.length * input.dimensions);
    expect(input.checksum).toBe(`fnv1a32:${vectorsChecksum(input.words, bytes)}`);
    const v = compileVectors(input);
    expect(v.words.length).toBe(input.size);
    expect(raw.length).toBeLessThan(5.5e6);
  });

  test('words are sorted and unique, and include lexicon words', () => {
    const sorted = [...input.words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(input.words).toEqual(sorted);
    const v = compileVectors(input);
    for (const w of ['slam', 'blast', 'brutal', 'said']) expect(vectorRow(v, w)).toBeGreaterThanOrEqual(0);
  });

  test('rows are unit length and related words are closer than unrelated ones', () => {
    const v = compileVectors(input);
    const r = (w: string) => vectorRow(v, w);
    expect(rowCosine(v, r('slam'), r('slam'))).toBeCloseTo(1, 4);
    expect(rowCosine(v, r('brutal'), r('savage'))).toBeGreaterThan(rowCosine(v, r('brutal'), r('tuesday')));
  });

  test('a changed byte or word fails the checksum', () => {
    const bytes = decodeBase64(input.vectors)!;
    bytes[5] ^= 1;
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    const tampered = { ...input, vectors: Buffer.from(s, 'latin1').toString('base64') };
    expect(() => compileVectors(tampered)).toThrow(LexiconError);
    expect(() => compileVectors({ ...input, words: ['aaa', ...input.words.slice(1)] })).toThrow(/checksum/);
  });

  test('decodeBase64 agrees with Buffer and rejects other characters', () => {
    const b = Buffer.from([0, 1, 2, 250, 255, 128, 127, 64]);
    for (let n = 0; n <= b.length; n++) expect(Buffer.from(decodeBase64(b.subarray(0, n).toString('base64'))!)).toEqual(b.subarray(0, n));
    expect(decodeBase64('ab$c')).toBeUndefined();
  });
});
