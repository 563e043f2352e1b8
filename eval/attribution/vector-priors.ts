/**
 * Cue priors for rare and unseen verbs from the shipped word vectors (models/vectors-en.json): a verb's rate of
 * heading an attribution is estimated from its nearest neighbours among the verbs measured often enough in the
 * training documents (similarity-weighted mean of their rates), and its own few occurrences are smoothed towards
 * that estimate instead of towards a flat rate. Verbs the training documents never show become cues when their
 * neighbours are cues ("extol", "trumpet" near "praise", "tout"). Everything is measured on the documents being
 * fitted, so cross-validation by document (cv.ts) measures it out of fold.
 */
import { compileVectors, type WordVectors } from '../../src/models/vectors';
import { builtinVectors } from '../../src/models/builtin';

let vectors: WordVectors | undefined;
const vecs = (): WordVectors => (vectors ??= compileVectors(builtinVectors, 'models/vectors-en.json'));

export interface VectorPriorOptions {
  /** Neighbours averaged. */
  k: number;
  /** Occurrences a verb needs to be a neighbour. */
  minOcc: number;
  /** Weight of the neighbours' estimate, in pseudo-occurrences. */
  m: number;
  /** Smallest prior kept in the table. */
  minPrior: number;
  /** Only verbs the training documents show (else every vocabulary word). */
  seenOnly: boolean;
}

export const VECTOR_PRIOR_DEFAULTS: VectorPriorOptions = {
  k: Number(process.env.ATTR_VEC_K ?? 10),
  minOcc: Number(process.env.ATTR_VEC_OCC ?? 3),
  m: Number(process.env.ATTR_VEC_M ?? 3),
  minPrior: Number(process.env.ATTR_VEC_MIN ?? 0.3),
  seenOnly: process.env.ATTR_VEC_SEEN === '1',
};

/**
 * Vector-estimated priors for verbs: `verbs` maps a lemma to its training counts; returns lemma -> prior for every
 * vocabulary word (lower-case letters and hyphens) whose smoothed prior reaches `minPrior`, except those in `skip`.
 */
export function vectorVerbPriors(
  verbs: ReadonlyMap<string, { occ: number; hits: number }>,
  skip: (lemma: string) => boolean,
  opt: VectorPriorOptions = VECTOR_PRIOR_DEFAULTS,
): Map<string, number> {
  const v = vecs();
  const D = v.dimensions;
  let tOcc = 0,
    tHits = 0;
  for (const s of verbs.values()) {
    tOcc += s.occ;
    tHits += s.hits;
  }
  const global = tOcc ? tHits / tOcc : 0.05;
  const anchors: Array<{ row: number; rate: number; lemma: string }> = [];
  for (const [lemma, s] of verbs) {
    const row = v.index.get(lemma);
    if (row === undefined || s.occ < opt.minOcc) continue;
    anchors.push({ row, rate: (s.hits + global) / (s.occ + 1), lemma });
  }
  const A = new Float32Array(anchors.length * D);
  anchors.forEach((a, i) => A.set(v.data.subarray(a.row * D, a.row * D + D), i * D));
  const out = new Map<string, number>();
  const sims = new Float32Array(anchors.length);
  const top = new Int32Array(opt.k);
  for (let w = 0; w < v.words.length; w++) {
    const lemma = v.words[w];
    if (!/^[a-z][a-z-]+$/u.test(lemma) || skip(lemma) || (opt.seenOnly && !verbs.has(lemma))) continue;
    const base = w * D;
    for (let i = 0; i < anchors.length; i++) {
      let s = 0;
      const o = i * D;
      for (let d = 0; d < D; d++) s += v.data[base + d] * A[o + d];
      sims[i] = anchors[i].lemma === lemma ? -2 : s;
    }
    // the k most similar anchors, by insertion into a short sorted list
    let n = 0;
    for (let i = 0; i < anchors.length; i++) {
      const s = sims[i];
      if (n === opt.k && s <= sims[top[n - 1]]) continue;
      let j = n < opt.k ? n++ : n - 1;
      while (j > 0 && sims[top[j - 1]] < s) {
        top[j] = top[j - 1];
        j--;
      }
      top[j] = i;
    }
    let num = 0,
      den = 0;
    for (let j = 0; j < n; j++) {
      const s = sims[top[j]];
      if (s <= 0) break;
      const wt = s * s;
      num += wt * anchors[top[j]].rate;
      den += wt;
    }
    const est = den > 0 ? num / den : global;
    const own = verbs.get(lemma) ?? { occ: 0, hits: 0 };
    const prior = (own.hits + opt.m * est) / (own.occ + opt.m);
    if (prior >= opt.minPrior) out.set(lemma, prior);
  }
  return out;
}
