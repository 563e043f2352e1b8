// Trains the article-level framing model shipped as models/frames.json.
//
//   node eval/research/frames-train.mjs [--gold FILE] [--out models/frames.json] [--pred PRED.jsonl]
//        [--no-write] [--seed N] [--cv-seeds 1,2,3] [--key=value hyper-parameters, see CFG]
//
// Data: SemEval-2023 Task 3 subtask 2 (English, dev part only), `doc_labels.frames`; articles without
// frames are skipped (the scorer skips them too).
// Model: one logistic regression per frame over
//   (a) 14 cue features: log1p(100 * sum of weights of frame-cue matches of that frame / W),
//       W = number of wink tokens of type "word" (lexicons/en/frame-cues.json, matcher in frames-lib.mjs);
//   (b) a bag of lemmas: log1p(count of word tokens with that lower-cased lemma), vocabulary = the most
//       frequent lemmas by document frequency (stop words and lemmas without a letter excluded).
// Three regressions are trained per frame on scaled features (CFG.ensemble, default own:2,cue:1,bow:1):
// on the frame's own cue rate, on the 14 cue rates (a), and on (a)+(b); their logits are averaged with
// those shares. The average is again linear, so it ships as ONE weight vector per frame in raw feature
// space (scaling folded into the weights).
// Thresholds: per frame, on the logit, chosen on out-of-fold scores to maximise
// micro-F1 + 1.5 * macro-F1 (per-frame F1 optimum, then coordinate ascent).
// Tried and not kept (nested CV, 3 seeds): bag weight 2 (0.665/0.500), a per-entry cue-count model
// (0.672/0.509), global or shrunk thresholds, cue scale 2, L2 5, 300 steps (all within +-0.01).
// Estimate: nested cross-validation: outer 5 folds split by article; inside each training part an inner
// 5-fold run picks the thresholds; vocabulary, scaling and weights are also fitted on the training part only.
// Everything is deterministic (seeded fold assignment, zero initialisation, full-batch Adam).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, readJsonl, loadLexicon, matchLexicon, shuffled, f1 } from './frames-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--')) return argv[i + 1];
  const kv = argv.find((a) => a.startsWith(`--${name}=`));
  return kv ? kv.slice(name.length + 3) : dflt;
};
const flag = (name) => argv.includes(`--${name}`);

export const CFG = {
  seed: +opt('seed', 20230),
  folds: 5,
  minDf: +opt('min-df', 3),
  maxVocab: +opt('max-vocab', 3000),
  iters: +opt('iters', 200),
  lr: +opt('lr', 0.05),
  l2: +opt('l2', 1),
  cueScale: +opt('cue-scale', 1),
  macroWeight: +opt('macro-weight', 1.5), // threshold objective: micro-F1 + macroWeight * macro-F1
  ensemble: opt('ensemble', 'own:2,cue:1,bow:1'), // components own | cue | bow with optional shares, e.g. own:1,cue:1,bow:2
};
const GOLD = opt('gold', '/work/shared/data/semeval2023_t3_en/dev.jsonl');
const OUT = path.resolve(ROOT, opt('out', 'models/frames.json'));
const LEXICON = path.join(ROOT, 'lexicons/en/frame-cues.json');

// Stop words left out of the lemma vocabulary (training only: the runtime just looks lemmas up).
export const STOP = new Set(
  (
    'the a an and or but of to in on at for with by from as is be have do it this that these those he she they we you i me him us them ' +
    'his her their our its my your not no so if than then there here what which who whom whose when where why how all any some such can could will would shall ' +
    'should may might must also just very more most much many other into about over after before between under up down out off again further once only own same too ' +
    "s 's ’s"
  ).split(' '),
);

// ------------------------------------------------------------------------------------------------
// Feature extraction (documented in lexicons/en/frames.md)
// ------------------------------------------------------------------------------------------------
/** Profile: a sentence evokes a frame when it holds a cue of that frame with at least this weight. */
export const PROFILE_MIN_WEIGHT = 0.5;
export function extract(text, lex, labels) {
  const p = parse(text);
  let W = 0;
  const lemmas = new Map();
  for (const t of p.tokens) {
    if (t.type !== 'word') continue;
    W++;
    lemmas.set(t.lemma, (lemmas.get(t.lemma) || 0) + 1);
  }
  const cueSum = new Array(labels.length).fill(0);
  const sentHas = labels.map(() => new Set());
  const matches = matchLexicon(lex, p);
  for (const m of matches) {
    const f = labels.indexOf(m.entry.category);
    if (f < 0) continue;
    cueSum[f] += m.entry.weight;
    if (m.entry.weight >= PROFILE_MIN_WEIGHT) sentHas[f].add(p.tokens[m.first].sent);
  }
  const wordSentences = new Set(p.tokens.filter((t) => t.type === 'word').map((t) => t.sent));
  const nS = Math.max(1, wordSentences.size);
  return {
    W,
    lemmas,
    cue: cueSum.map((s) => Math.log1p((100 * s) / Math.max(W, 1))),
    sentenceShare: sentHas.map((s) => s.size / nS),
    matches,
    parsed: p,
  };
}

// ------------------------------------------------------------------------------------------------
// Logistic regression (all frames at once), full-batch Adam, L2 on weights (not bias)
// ------------------------------------------------------------------------------------------------
function trainLR(X, Y, nf, F, { iters, lr, l2 }) {
  const n = X.length;
  const w = new Float64Array(F * nf),
    m = new Float64Array(F * nf),
    v = new Float64Array(F * nf);
  const b = new Float64Array(F),
    mb = new Float64Array(F),
    vb = new Float64Array(F);
  const g = new Float64Array(F * nf),
    gb = new Float64Array(F),
    z = new Float64Array(F);
  const b1 = 0.9,
    b2 = 0.999,
    eps = 1e-8;
  for (let it = 1; it <= iters; it++) {
    g.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = X[i];
      for (let f = 0; f < F; f++) z[f] = b[f];
      for (let q = 0; q < xi.idx.length; q++) {
        const j = xi.idx[q],
          x = xi.val[q];
        for (let f = 0; f < F; f++) z[f] += w[f * nf + j] * x;
      }
      for (let f = 0; f < F; f++) {
        const e = 1 / (1 + Math.exp(-z[f])) - Y[i][f];
        gb[f] += e;
        if (e === 0) continue;
        for (let q = 0; q < xi.idx.length; q++) g[f * nf + xi.idx[q]] += e * xi.val[q];
      }
    }
    const c1 = 1 - b1 ** it,
      c2 = 1 - b2 ** it;
    for (let k = 0; k < F * nf; k++) {
      const gk = g[k] / n + (l2 * w[k]) / n;
      m[k] = b1 * m[k] + (1 - b1) * gk;
      v[k] = b2 * v[k] + (1 - b2) * gk * gk;
      w[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + eps);
    }
    for (let f = 0; f < F; f++) {
      const gk = gb[f] / n;
      mb[f] = b1 * mb[f] + (1 - b1) * gk;
      vb[f] = b2 * vb[f] + (1 - b2) * gk * gk;
      b[f] -= (lr * (mb[f] / c1)) / (Math.sqrt(vb[f] / c2) + eps);
    }
  }
  return { w, b };
}

// ------------------------------------------------------------------------------------------------
// Fit = vocabulary + scaling + two regressions merged into one raw-space linear model per frame
// ------------------------------------------------------------------------------------------------
export function fit(docs, idx, labels, cfg) {
  const F = labels.length;
  const df = new Map();
  for (const i of idx) for (const k of docs[i].lemmas.keys()) if (!STOP.has(k) && /[a-z]/.test(k)) df.set(k, (df.get(k) || 0) + 1);
  const vocab = [...df]
    .filter(([, c]) => c >= cfg.minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, cfg.maxVocab)
    .map((x) => x[0]);
  const vmap = new Map(vocab.map((w, j) => [w, j]));
  const nV = vocab.length,
    nf = F + nV; // features 0..F-1 = cues, F.. = lemmas
  const raw = idx.map((i) => {
    const d = docs[i];
    const ix = [],
      vx = [];
    for (let f = 0; f < F; f++)
      if (d.cue[f] !== 0) {
        ix.push(f);
        vx.push(d.cue[f]);
      }
    for (const [k, c] of d.lemmas) {
      const j = vmap.get(k);
      if (j !== undefined) {
        ix.push(F + j);
        vx.push(Math.log1p(c));
      }
    }
    return { idx: ix, val: vx };
  });
  // scale = 1 / RMS over training documents (no centring, keeps vectors sparse; the bias absorbs the mean)
  const ss = new Float64Array(nf);
  for (const r of raw) for (let q = 0; q < r.idx.length; q++) ss[r.idx[q]] += r.val[q] * r.val[q];
  const scale = new Float64Array(nf);
  for (let j = 0; j < nf; j++) scale[j] = ss[j] > 0 ? 1 / Math.sqrt(ss[j] / raw.length) : 0;
  for (let j = 0; j < F; j++) scale[j] *= cfg.cueScale;
  const Xall = raw.map((r) => ({ idx: r.idx, val: r.val.map((x, q) => x * scale[r.idx[q]]) }));
  const pick = (keep) =>
    Xall.map((r) => {
      const ix = [],
        vx = [];
      r.idx.forEach((j, q) => {
        if (keep(j)) {
          ix.push(j);
          vx.push(r.val[q]);
        }
      });
      return { idx: ix, val: vx };
    });
  const Xcue = pick((j) => j < F);
  const Xbow = Xall;
  const Y = idx.map((i) => docs[i].y);
  const W = new Float64Array(F * nf),
    B = new Float64Array(F);
  const add = (M, nfM, share) => {
    for (let f = 0; f < F; f++) {
      B[f] += share * M.b[f];
      for (let j = 0; j < nfM; j++) W[f * nf + j] += share * M.w[f * nfM + j] * scale[j];
    }
  };
  // ensemble spec: comma-separated components with optional share, e.g. "own:1,cue:1,bow:2"
  const comps = cfg.ensemble.split(',').map((c) => {
    const [name, sh] = c.split(':');
    return [name, sh === undefined ? 1 : +sh];
  });
  const tot = comps.reduce((s, c) => s + c[1], 0);
  for (const [name, sh] of comps) {
    const share = sh / tot;
    if (name === 'cue') add(trainLR(Xcue, Y, F, F, cfg), F, share);
    else if (name === 'bow') add(trainLR(Xbow, Y, nf, F, cfg), nf, share);
    else if (name === 'own') {
      // one feature per frame: the frame's own cue rate
      for (let f = 0; f < F; f++) {
        const Xo = Xcue.map((r) => {
          const q = r.idx.indexOf(f);
          return q < 0 ? { idx: [], val: [] } : { idx: [0], val: [r.val[q]] };
        });
        const M = trainLR(
          Xo,
          Y.map((y) => [y[f]]),
          1,
          1,
          cfg,
        );
        B[f] += share * M.b[0];
        W[f * nf + f] += share * M.w[0] * scale[f];
      }
    } else throw new Error(`unknown ensemble component ${name}`);
  }
  return { labels, vocab, vmap, F, nV, nf, W, B };
}

export function scoreDoc(model, d) {
  const { F, nf, W, B, vmap } = model;
  const z = Array.from(B);
  for (let f = 0; f < F; f++) if (d.cue[f] !== 0) for (let g = 0; g < F; g++) z[g] += W[g * nf + f] * d.cue[f];
  for (const [k, c] of d.lemmas) {
    const j = vmap.get(k);
    if (j === undefined) continue;
    const x = Math.log1p(c);
    for (let g = 0; g < F; g++) z[g] += W[g * nf + F + j] * x;
  }
  return z;
}

// ------------------------------------------------------------------------------------------------
// Thresholds and metrics
// ------------------------------------------------------------------------------------------------
export function metrics(Z, Y, thr) {
  const F = thr.length;
  let tp = 0,
    fp = 0,
    fn = 0;
  const per = [];
  for (let f = 0; f < F; f++) {
    let a = 0,
      b = 0,
      c = 0;
    for (let i = 0; i < Z.length; i++) {
      const p = Z[i][f] >= thr[f],
        g = Y[i][f] === 1;
      if (p && g) a++;
      else if (p) b++;
      else if (g) c++;
    }
    tp += a;
    fp += b;
    fn += c;
    per.push({ tp: a, fp: b, fn: c, f1: f1(a, b, c) });
  }
  // macro over frames that occur in the gold (as the scorer does)
  const present = per.filter((c) => c.tp + c.fn > 0);
  return { micro: f1(tp, fp, fn), macro: present.reduce((s, c) => s + c.f1, 0) / Math.max(1, present.length), per, tp, fp, fn };
}

export function chooseThresholds(Z, Y) {
  const F = Y[0].length;
  const cands = [];
  for (let f = 0; f < F; f++) {
    const s = [...new Set(Z.map((z) => z[f]))].sort((a, b) => a - b);
    const c = [s[0] - 1];
    for (let k = 1; k < s.length; k++) c.push((s[k - 1] + s[k]) / 2);
    c.push(s[s.length - 1] + 1);
    cands.push(c);
  }
  // start: per-frame F1-optimal; then coordinate ascent on micro-F1 + macro-F1
  const thr = cands.map((c, f) => {
    let best = -1,
      bt = 0;
    for (const t of c) {
      let a = 0,
        b = 0,
        n = 0;
      for (let i = 0; i < Z.length; i++) {
        const p = Z[i][f] >= t,
          g = Y[i][f] === 1;
        if (p && g) a++;
        else if (p) b++;
        else if (g) n++;
      }
      const v = f1(a, b, n);
      if (v > best + 1e-12) {
        best = v;
        bt = t;
      }
    }
    return bt;
  });
  const J = () => {
    const m = metrics(Z, Y, thr);
    return m.micro + CFG.macroWeight * m.macro;
  };
  let cur = J();
  for (let round = 0; round < 4; round++) {
    let improved = false;
    for (let f = 0; f < F; f++) {
      const keep = thr[f];
      let bestT = keep,
        bestJ = cur;
      for (const t of cands[f]) {
        thr[f] = t;
        const j = J();
        if (j > bestJ + 1e-9) {
          bestJ = j;
          bestT = t;
        }
      }
      thr[f] = bestT;
      if (bestT !== keep) {
        improved = true;
        cur = bestJ;
      }
    }
    if (!improved) break;
  }
  return thr;
}

export function foldsOf(ids, k, seed) {
  const order = shuffled(
    ids.map((_, i) => i),
    seed,
  );
  const fold = new Array(ids.length);
  order.forEach((i, r) => {
    fold[i] = r % k;
  });
  return fold;
}

export function oofScores(docs, idx, labels, cfg, seed) {
  const fold = foldsOf(idx, cfg.folds, seed);
  const Z = new Array(idx.length);
  for (let k = 0; k < cfg.folds; k++) {
    const tr = idx.filter((_, r) => fold[r] !== k);
    const model = fit(docs, tr, labels, cfg);
    idx.forEach((i, r) => {
      if (fold[r] === k) Z[r] = scoreDoc(model, docs[i]);
    });
  }
  return Z;
}

/** Nested CV: returns out-of-fold binary predictions for every document. */
const DUMP = opt('dump', null) ? [] : null;
function nestedCV(docs, labels, cfg, seed) {
  const all = docs.map((_, i) => i);
  const fold = foldsOf(all, cfg.folds, seed);
  const Z = new Array(docs.length),
    T = new Array(docs.length);
  for (let k = 0; k < cfg.folds; k++) {
    const tr = all.filter((i) => fold[i] !== k);
    const Zin = oofScores(docs, tr, labels, cfg, seed + 1);
    const thr = chooseThresholds(
      Zin,
      tr.map((i) => docs[i].y),
    );
    const model = fit(docs, tr, labels, cfg);
    for (const i of all)
      if (fold[i] === k) {
        Z[i] = scoreDoc(model, docs[i]);
        T[i] = thr;
      }
    if (DUMP) DUMP.push({ seed, k, tr, Zin, te: all.filter((i) => fold[i] === k), Zte: all.filter((i) => fold[i] === k).map((i) => Z[i]) });
  }
  // evaluate with each document's own fold thresholds
  const P = Z.map((z, i) => z.map((v, f) => (v >= T[i][f] ? 1 : 0)));
  return metrics(
    P.map((p) => p.map((x) => x - 0.5)),
    docs.map((d) => d.y),
    labels.map(() => 0),
  );
}

/**
 * The outer folds of the nested cross-validation, each with the model fitted on its training part (thresholds from
 * an inner cross-validation on that part only) and the documents it is tested on. Used by eval/tasks/framing.ts,
 * which runs each fold model through the framing analyzer.
 */
export function nestedFoldModels(docs, labels, cfg, seed) {
  const all = docs.map((_, i) => i);
  const fold = foldsOf(all, cfg.folds, seed);
  const out = [];
  for (let k = 0; k < cfg.folds; k++) {
    const tr = all.filter((i) => fold[i] !== k);
    const Zin = oofScores(docs, tr, labels, cfg, seed + 1);
    const thr = chooseThresholds(
      Zin,
      tr.map((i) => docs[i].y),
    );
    out.push({ test: all.filter((i) => fold[i] === k), model: fit(docs, tr, labels, cfg), thr });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
function round(x, d = 5) {
  return x === 0 ? 0 : +x.toPrecision(d);
}

/** The model file (models/frames.json format) for a fitted model and its thresholds. */
export function modelJson(model, thr, extra = {}) {
  const { F, nf, W, B, vocab, labels } = model;
  // drop lemma features whose weights are all negligible, to keep the file small
  const keep = [];
  for (let j = 0; j < vocab.length; j++) {
    let mx = 0;
    for (let f = 0; f < F; f++) mx = Math.max(mx, Math.abs(W[f * nf + F + j]));
    if (mx >= 1e-4) keep.push(j);
  }
  return {
    id: 'en/frames',
    version: '1.0.0',
    description:
      'Article-level generic policy frames (14 Media Frames Corpus frames): one logistic regression per frame over frame-cue rates and a bag of lemmas. A frame is predicted when its logit z >= threshold. Feature extraction: lexicons/en/frames.md.',
    license: 'MIT',
    ...extra,
    features: {
      words: 'wink tokens with its.type === "word"; W = their number',
      cues: {
        lexicon: 'en/frame-cues',
        value: 'log1p(100 * (sum of entry weights of the matches of the frame) / max(W, 1))',
        order: 'labels',
      },
      lemmas: { value: 'log1p(number of word tokens whose lower-cased its.lemma equals the vocabulary item)' },
    },
    labels,
    vocabulary: keep.map((j) => vocab[j]),
    frames: Object.fromEntries(
      labels.map((l, f) => [
        l,
        {
          bias: round(B[f]),
          threshold: round(thr[f]),
          cues: labels.map((_, g) => round(W[f * nf + g], 4)),
          lemmas: keep.map((j) => round(W[f * nf + F + j], 3)),
        },
      ]),
    ),
  };
}

function main() {
  const t0 = Date.now();
  const lex = loadLexicon(LEXICON);
  const gold = readJsonl(GOLD).filter((d) => d.doc_labels && Array.isArray(d.doc_labels.frames) && d.doc_labels.frames.length);
  const labels = [...new Set(gold.flatMap((d) => d.doc_labels.frames))].sort();
  const docs = gold.map((d) => {
    const e = extract(d.text, lex, labels);
    return { id: d.id, y: labels.map((l) => (d.doc_labels.frames.includes(l) ? 1 : 0)), W: e.W, lemmas: e.lemmas, cue: e.cue };
  });
  console.error(`${docs.length} articles, ${labels.length} frames, cfg ${JSON.stringify(CFG)} (${Date.now() - t0} ms to parse)`);

  const seeds = opt('cv-seeds', String(CFG.seed)).split(',').map(Number);
  const cv = seeds.map((s) => nestedCV(docs, labels, CFG, s));
  const mean = (k) => cv.reduce((s, m) => s + m[k], 0) / cv.length;
  const cvMicro = mean('micro'),
    cvMacro = mean('macro');
  console.log(
    `nested ${CFG.folds}-fold CV (seeds ${seeds.join(',')}): micro-F1 ${cvMicro.toFixed(3)} macro-F1 ${cvMacro.toFixed(3)}` +
      (cv.length > 1 ? `  [per seed: ${cv.map((m) => `${m.micro.toFixed(3)}/${m.macro.toFixed(3)}`).join(' ')}]` : ''),
  );
  console.log('  per frame (first seed): ' + labels.map((l, f) => `${l.split('_')[0]} ${cv[0].per[f].f1.toFixed(2)}`).join(', '));
  if (DUMP) fs.writeFileSync(opt('dump'), JSON.stringify({ labels, Y: docs.map((d) => d.y), folds: DUMP }));
  if (flag('cv-only')) return;

  // final model: thresholds from OOF scores over all of dev, weights from all of dev
  const all = docs.map((_, i) => i);
  const Zoof = oofScores(docs, all, labels, CFG, CFG.seed + 1);
  const thr = chooseThresholds(
    Zoof,
    docs.map((d) => d.y),
  );
  const oofM = metrics(
    Zoof,
    docs.map((d) => d.y),
    thr,
  );
  const model = fit(docs, all, labels, CFG);
  const Zfit = docs.map((d) => scoreDoc(model, d));
  const fitM = metrics(
    Zfit,
    docs.map((d) => d.y),
    thr,
  );
  console.log(`OOF with these thresholds (optimistic): micro ${oofM.micro.toFixed(3)} macro ${oofM.macro.toFixed(3)}`);
  console.log(`full-dev fit (training data, optimistic): micro ${fitM.micro.toFixed(3)} macro ${fitM.macro.toFixed(3)}`);

  const predFile = opt('pred', null);
  if (predFile) {
    fs.writeFileSync(
      predFile,
      docs.map((d, i) => JSON.stringify({ id: d.id, doc: { frames: labels.filter((_, f) => Zfit[i][f] >= thr[f]) } })).join('\n') + '\n',
    );
  }

  // the example article
  const exFile = '/work/shared/examples/s400-india.txt';
  if (fs.existsSync(exFile)) {
    const e = extract(fs.readFileSync(exFile, 'utf8'), lex, labels);
    const z = scoreDoc(model, e);
    const ranked = labels.map((l, f) => ({ l, m: z[f] - thr[f], share: e.sentenceShare[f] })).sort((a, b) => b.m - a.m);
    console.log(
      's400-india: predicted ' +
        ranked
          .filter((r) => r.m >= 0)
          .map((r) => `${r.l} (${r.m.toFixed(2)})`)
          .join(', '),
    );
    console.log(
      '  sentence shares: ' +
        ranked
          .filter((r) => r.share > 0)
          .sort((a, b) => b.share - a.share)
          .map((r) => `${r.l.split('_')[0]} ${r.share.toFixed(2)}`)
          .join(', '),
    );
  }

  if (flag('no-write')) return;
  const out = {
    ...modelJson(model, thr, {
      trainedOn: `SemEval-2023 Task 3 subtask 2, English, dev part (${docs.length} articles with frames); trained by eval/research/frames-train.mjs`,
    }),
    metrics: {
      cv: {
        method: `nested ${CFG.folds}-fold cross-validation by article (seeds ${seeds.join(',')})`,
        micro_f1: +cvMicro.toFixed(4),
        macro_f1: +cvMacro.toFixed(4),
      },
      fit: { micro_f1: +fitM.micro.toFixed(4), macro_f1: +fitM.macro.toFixed(4) },
      baselines: { top5_frequent_micro_f1: 0.559, all_frames_macro_f1: 0.381 },
    },
    config: CFG,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(out) + '\n');
  console.log(
    `wrote ${path.relative(ROOT, OUT)} (${(fs.statSync(OUT).size / 1024).toFixed(0)} KB, ${out.vocabulary.length} lemmas) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
