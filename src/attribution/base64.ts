/**
 * A pure base64 decoder (RFC 4648, standard alphabet, padding optional) for the model weights. It needs no
 * `atob` or `Buffer`, so the weights decode the same in Node, browsers, workers and bare JavaScript contexts;
 * anything that is not base64 throws instead of decoding to fewer bytes.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function decodeBase64(b64: string): Uint8Array {
  let end = b64.length;
  while (end > 0 && b64.charCodeAt(end - 1) === 61 /* = */) end--;
  if (b64.length - end > 2 || end % 4 === 1) throw new Error(`invalid base64: length ${b64.length}`);
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = b64.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) throw new Error(`invalid base64: character ${JSON.stringify(b64[i])} at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Decodes base64 int8 weights (two's complement bytes) scaled by `step`. */
export function decodeInt8Weights(b64: string, step: number): Float32Array {
  const bytes = decodeBase64(b64);
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out[i] = (b > 127 ? b - 256 : b) * step;
  }
  return out;
}
