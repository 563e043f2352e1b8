import { decodeBase64, decodeInt8Weights } from '../../src/attribution/base64';
import { CUE_MODEL } from '../../src/attribution/model';

describe('the pure base64 decoder of the model weights', () => {
  it('decodes like Buffer for every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff);
      const b64 = Buffer.from(bytes).toString('base64');
      expect(Array.from(decodeBase64(b64))).toEqual(Array.from(bytes));
      expect(Array.from(decodeBase64(b64.replace(/=+$/, '')))).toEqual(Array.from(bytes));
    }
  });

  it('throws on text that is not base64 instead of decoding to less', () => {
    expect(() => decodeBase64('AAA*')).toThrow(/character "\*" at 3/);
    expect(() => decodeBase64('AAAAA')).toThrow(/invalid base64/);
    expect(() => decodeBase64('AA===')).toThrow(/invalid base64/);
  });

  it('reads int8 weights in two’s complement', () => {
    expect(Array.from(decodeInt8Weights(Buffer.from([0, 1, 127, 128, 255]).toString('base64'), 0.5))).toEqual([0, 0.5, 63.5, -64, -0.5]);
  });

  it('the cue model has one weight per hash bucket', () => {
    expect(CUE_MODEL.weights.length).toBe(2 ** CUE_MODEL.bits);
    expect(CUE_MODEL.weights.some((w) => w !== 0)).toBe(true);
  });
});
