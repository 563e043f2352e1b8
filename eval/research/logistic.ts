/**
 * Logistic regression by mini-batch Adam (batches of 32), deterministic (a fixed shuffle seed), for the subjectivity
 * training and cross-validation scripts. The first feature is the bias: it is not regularised.
 */
import { subjectivityOf } from '../../src/models/subjectivity';

export interface TrainOptions {
  epochs: number;
  lr: number;
  l2: number;
}

export function trainLogistic(rows: readonly Float64Array[], ys: readonly number[], { epochs, lr, l2 }: TrainOptions): Float64Array {
  const dim = rows[0].length;
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  let seed = 7;
  const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const idx = rows.map((_, i) => i);
  let step = 0;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    for (let b = 0; b < idx.length; b += 32) {
      const g = new Float64Array(dim);
      const end = Math.min(idx.length, b + 32);
      for (let k = b; k < end; k++) {
        const x = rows[idx[k]];
        const e = subjectivityOf(w as unknown as number[], x) - ys[idx[k]];
        for (let q = 0; q < dim; q++) g[q] += e * x[q];
      }
      step++;
      for (let q = 0; q < dim; q++) {
        const gq = g[q] / (end - b) + (q ? l2 * w[q] : 0);
        m[q] = 0.9 * m[q] + 0.1 * gq;
        v[q] = 0.999 * v[q] + 0.001 * gq * gq;
        w[q] -= (lr * (m[q] / (1 - 0.9 ** step))) / (Math.sqrt(v[q] / (1 - 0.999 ** step)) + 1e-8);
      }
    }
  }
  return w;
}
