#!/usr/bin/env node
// Research only: how much would a small learned model add on top of the loaded-language lexicon?
// A token-level logistic regression (plain JS) over lexicon and word features, cross-validated by document
// with the same folds as loaded-terms.mjs. Every corpus-derived feature (lexicon weights, per-lemma target
// encodings) is computed without the token's own fold (nested: for training tokens also without the test fold).
//
//   node eval/research/loaded-model.mjs [dataDir] [--folds 5]     (CORPUS_FEATURE=1 adds a corpus indicator)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadCorpora, foldOf } from './loaded-corpus.mjs';
import { buildCandidates, matchAll, countStats, estimateWeights, CORPORA, DEFAULTS } from './loaded-terms.mjs';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
let K = 5,
  dataDir = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--folds') K = Number(argv[++i]);
  else if (!argv[i].startsWith('--')) dataDir = argv[i];
}
dataDir ||= ['../shared/data', '/work/shared/data'].map((d) => path.resolve(d)).find((d) => fs.existsSync(d));
const { score } = await import(pathToFileURL(path.resolve(dataDir, '..', 'eval', 'score.mjs')).href);

const C = loadCorpora(dataDir, CORPORA);
for (const [n, c] of Object.entries(C)) for (const d of c.docs) d.corpus = n;
for (const c of Object.values(C)) for (const d of c.docs) d.fold = foldOf((d.meta && d.meta.split_key) || d.id, K);
const entries = buildCandidates();
const recs = matchAll(C, entries);
const afinn = require('sentiment/languages/en/labels.json');
const CATS = [
  'charged-verb',
  'charged-adjective',
  'charged-noun',
  'label',
  'exaggeration',
  'minimisation',
  'puffery',
  'intensifier',
  'superlative',
];
const POS = ['ADJ', 'ADV', 'VERB', 'NOUN', 'PROPN'];

// token -> covering match record
for (const [name, rs] of Object.entries(recs)) {
  for (const r of rs) {
    const d = C[name].docs[r.di];
    for (const t of d.toks) if (t.start >= r.start && t.end <= r.end) t.rec = r;
  }
}
for (const c of Object.values(C)) {
  for (const d of c.docs) {
    const firstNl = d.text.indexOf('\n');
    d.toks.forEach((t) => {
      t.title = firstNl > 0 && t.start < firstNl;
    });
  }
}

// per-fold token stats by lemma|pos (pooled over corpora)
const keyOf = (t) => t.lemma + '|' + t.pos;
const foldTok = Array.from({ length: K }, () => new Map());
let baseN = new Array(K).fill(0),
  baseH = new Array(K).fill(0);
for (const c of Object.values(C))
  for (const d of c.docs)
    for (const t of d.toks) {
      if (!t.word) continue;
      const m = foldTok[d.fold];
      const v = m.get(keyOf(t)) || [0, 0];
      v[0]++;
      if (t.gold) v[1]++;
      m.set(keyOf(t), v);
      baseN[d.fold]++;
      if (t.gold) baseH[d.fold]++;
    }
function teFor(exclude) {
  let N = 0,
    H = 0;
  for (let f = 0; f < K; f++)
    if (!exclude.has(f)) {
      N += baseN[f];
      H += baseH[f];
    }
  const p0 = H / N;
  return (k) => {
    let n = 0,
      h = 0;
    for (let f = 0; f < K; f++) {
      if (exclude.has(f)) continue;
      const v = foldTok[f].get(k);
      if (v) {
        n += v[0];
        h += v[1];
      }
    }
    return { p: (h + 10 * p0) / (n + 10), n };
  };
}
const logit = (p) => Math.log(Math.max(1e-4, p) / Math.max(1e-4, 1 - p));

function features(d, i, W, te) {
  const t = d.toks[i];
  const x = [];
  const r = t.rec;
  const w = r ? W.get(r.e) : 0;
  x.push(w, r ? 1 : 0, w * w);
  for (const c of CATS) x.push(r && r.e.category === c ? 1 : 0);
  const tk = te(keyOf(t));
  x.push(logit(tk.p), Math.log1p(tk.n) / 10);
  for (const p of POS) x.push(t.pos === p ? 1 : 0);
  const a = afinn[t.normal] || 0;
  x.push(Math.abs(a) / 5, a < 0 ? 1 : 0);
  x.push(t.quoted ? 1 : 0, t.title ? 1 : 0, /ly$/.test(t.normal) ? 1 : 0, /est$/.test(t.normal) ? 1 : 0);
  let ctx = 0,
    ctxTe = -10;
  for (let j = Math.max(0, i - 3); j <= Math.min(d.toks.length - 1, i + 3); j++) {
    if (j === i || !d.toks[j].word) continue;
    const rj = d.toks[j].rec;
    if (rj && rj !== r) ctx = Math.max(ctx, W.get(rj.e));
    ctxTe = Math.max(ctxTe, logit(te(keyOf(d.toks[j])).p));
  }
  x.push(ctx, ctxTe / 5);
  if (process.env.CORPUS_FEATURE) for (const c of CORPORA) x.push(d.corpus === c ? 1 : 0);
  x.push(1); // bias
  return x;
}

function train(X, y, epochs = 4, lr = 0.05, l2 = 1e-5) {
  const dim = X[0].length;
  const w = new Float64Array(dim),
    m = new Float64Array(dim),
    v = new Float64Array(dim);
  let step = 0;
  const idx = X.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    for (let b = 0; b < idx.length; b += 256) {
      const g = new Float64Array(dim);
      const end = Math.min(idx.length, b + 256);
      for (let k = b; k < end; k++) {
        const x = X[idx[k]];
        let z = 0;
        for (let q = 0; q < dim; q++) z += w[q] * x[q];
        const p = 1 / (1 + Math.exp(-z));
        const e = p - y[idx[k]];
        for (let q = 0; q < dim; q++) g[q] += e * x[q];
      }
      step++;
      for (let q = 0; q < dim; q++) {
        const gq = g[q] / (end - b) + l2 * w[q];
        m[q] = 0.9 * m[q] + 0.1 * gq;
        v[q] = 0.999 * v[q] + 0.001 * gq * gq;
        w[q] -= (lr * (m[q] / (1 - 0.9 ** step))) / (Math.sqrt(v[q] / (1 - 0.999 ** step)) + 1e-8);
      }
    }
  }
  return w;
}
const predict = (w, x) => {
  let z = 0;
  for (let q = 0; q < w.length; q++) z += w[q] * x[q];
  return 1 / (1 + Math.exp(-z));
};

const THR = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
const acc = {};
for (let f = 0; f < K; f++) {
  // training set: tokens of folds != f, features computed without f and without their own fold
  const X = [],
    y = [];
  for (let g = 0; g < K; g++) {
    if (g === f) continue;
    const ex = new Set([f, g]);
    const W = estimateWeights(
      entries,
      countStats(recs, (r) => !ex.has(r.fold)),
      DEFAULTS,
    );
    const te = teFor(ex);
    for (const c of Object.values(C))
      for (const d of c.docs) {
        if (d.fold !== g) continue;
        d.toks.forEach((t, i) => {
          if (t.word) {
            X.push(features(d, i, W, te));
            y.push(t.gold ? 1 : 0);
          }
        });
      }
  }
  const w = train(X, y);
  const ex = new Set([f]);
  const W = estimateWeights(
    entries,
    countStats(recs, (r) => r.fold !== f),
    DEFAULTS,
  );
  const te = teFor(ex);
  for (const [name, c] of Object.entries(C)) {
    const docs = c.docs.filter((d) => d.fold === f);
    const probs = docs.map((d) => d.toks.map((t, i) => (t.word ? predict(w, features(d, i, W, te)) : 0)));
    for (const thr of THR) {
      const pred = docs.map((d, k) => {
        const spans = [];
        let positive = false;
        d.toks.forEach((t, i) => {
          if (!t.word || probs[k][i] < thr) return;
          if (!t.quoted) positive = true;
          const last = spans[spans.length - 1];
          if (last && last.tokEnd === i - 1) {
            last.end = t.end;
            last.tokEnd = i;
          } // merge adjacent words
          else spans.push({ start: t.start, end: t.end, label: 'loaded', tokEnd: i });
        });
        return { id: d.id, spans: spans.map(({ start, end, label }) => ({ start, end, label })), doc: { positive } };
      });
      const m = score({ task: 'loaded', gold: docs, pred }).metrics;
      const a = ((acc[name] ||= {})[thr] ||= { ph: 0, pu: 0, gh: 0, gu: 0, tp: 0, fp: 0, fn: 0, s: { tp: 0, fp: 0, fn: 0, tn: 0 } });
      a.ph += m.span_overlap.pred_hit;
      a.pu += m.span_overlap.pred_units;
      a.gh += m.span_overlap.gold_hit;
      a.gu += m.span_overlap.gold_units;
      a.tp += m.word.tp;
      a.fp += m.word.fp;
      a.fn += m.word.fn;
      if (name !== 'ptc_semeval2020') {
        const s = score({ task: 'sentence', gold: docs, pred, goldKey: 'label_bias', goldPos: 'Biased' }).metrics.sentence;
        for (const k of ['tp', 'fp', 'fn', 'tn']) a.s[k] += s[k];
      }
    }
  }
  console.error(`fold ${f} done (${X.length} training tokens)`);
}
const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0);
console.log('| corpus | p >= | span P | span R | span F1 | word P | word R | word F1 | sentence macro-F1 |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, byThr] of Object.entries(acc)) {
  for (const [thr, a] of Object.entries(byThr)) {
    const sp = a.ph / a.pu,
      sr = a.gh / a.gu,
      wp = a.tp / (a.tp + a.fp),
      wr = a.tp / (a.tp + a.fn);
    const s = a.s;
    const mf =
      name === 'ptc_semeval2020'
        ? ''
        : ((f1(s.tp / (s.tp + s.fp), s.tp / (s.tp + s.fn)) + f1(s.tn / (s.tn + s.fn), s.tn / (s.tn + s.fp))) / 2).toFixed(3);
    console.log(
      `| ${name} | ${thr} | ${sp.toFixed(3)} | ${sr.toFixed(3)} | ${f1(sp, sr).toFixed(3)} | ${wp.toFixed(3)} | ${wr.toFixed(3)} | ${f1(wp, wr).toFixed(3)} | ${mf} |`,
    );
  }
}
