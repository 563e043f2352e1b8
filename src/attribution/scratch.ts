/**
 * Typed scratch arrays reused across calls of detection and selection.
 */


/*
 * Scratch arrays reused from document to document: detection and selection run synchronously and never hold one
 * past their return, and allocating fresh typed arrays for every document showed in profiles. Each returns an
 * array of at least `n` elements whose first `n` are set to `fill` (the rest is stale: index only below `n`).
 */
let float32Buffer = new Float32Array(1024);

let int32Buffer = new Int32Array(1024);

let uint8Buffer = new Uint8Array(1024);

export function scratchFloat32(n: number): Float32Array {
  if (float32Buffer.length < n) float32Buffer = new Float32Array(n * 2);
  return float32Buffer.fill(0, 0, n);
}

/** Also used by buildAttribution (index.ts), after selection is done with it. */
export function scratchInt32(n: number, fill: number): Int32Array {
  if (int32Buffer.length < n) int32Buffer = new Int32Array(n * 2);
  return int32Buffer.fill(fill, 0, n);
}

export function scratchUint8(n: number): Uint8Array {
  if (uint8Buffer.length < n) uint8Buffer = new Uint8Array(n * 2);
  return uint8Buffer.fill(0, 0, n);
}
