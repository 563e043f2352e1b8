/**
 * Research (issue #17 item 3): a sentence-level classifier for the writer's voice (opinion / bias), cross-validated
 * by document on BABE and MBIC dev (5 folds by source article, the folds of loaded-cv.ts), against the current
 * rules in the same run:
 * - `babe/label-bias`: positive when the sentence has a writer's-voice loaded-language finding;
 * - `babe/label-opinion`: positive when it is an unattributed assertion or has such a finding.
 * Features: lexicon loaded-language findings (weighed without the sentence's fold), the unattributed-assertions
 * statuses and findings, a few surface cues and the mean word vector of the writer's voice. A logistic regression
 * (plain TS) is trained per fold on the other folds of BOTH corpora for the opinion label ("subjectivity"), and the
 * threshold for each measured label is chosen on the training folds (never on the test fold).
 *
 *   npx tsx eval/research/subjectivity-cv.ts --data DATA --folds FOLDS [--no-vectors]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { use } from '../../src/analyzer';
import { loadedLanguage } from '../../src/analyzers/loaded-language';
import { unattributedAssertions } from '../../src/analyzers/unattributed-assertions';
import type { LexiconInput } from '../../src/lexicon/schema';
import { compileVectors } from '../../src/models/vectors';
import { vectorRow } from '../../src/models/vectors';
import { parseDocument } from '../../src/document/build';
import { createPipeline } from '../../src/pipeline';
import { readJsonl, score, type GoldDoc } from '../score';
import { foldOf } from './folds';
import { trainLogistic } from './logistic';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(__dirname, '..', '..', '..', 'shared', 'data') },
    folds: { type: 'string', default: '/tmp/emb/folds' },
    vectors: { type: 'string', default: join(__dirname, '..', '..', 'models', 'vectors-en.json') },
    'no-vectors': { type: 'boolean', default: false },
    target: { type: 'string', default: 'opinion' },
  },
});
const K = 5;
const OPINION = new Set(['Expresses writer’s opinion', 'Somewhat factual but also opinionated']);
const vectors = compileVectors(JSON.parse(readFileSync(values.vectors!, 'utf8')));
const D = vectors.dimensions;
const useVec = !values['no-vectors'];
const foldLex = Array.from(
  { length: K },
  (_, f) => JSON.parse(readFileSync(join(values.folds!, `fold-${f}.json`), 'utf8')) as LexiconInput,
);
const analyzers = [use(loadedLanguage, { options: { model: false } }), unattributedAssertions];
const pipes = foldLex.map((lex) => createPipeline({ analyzers, lexicons: [lex] }));
const STATUSES = ['unattributed-assertion', 'attributed', 'factual-report', 'quoted'];
const FIRST_PERSON = new Set(['i', 'we', 'our', 'us', 'my', 'me']);

interface Item {
  corpus: string;
  gold: GoldDoc;
  fold: number;
  x: Float64Array;
  opinion: number;
  bias: number;
  rulePosBias: boolean;
  rulePosOpinion: boolean;
}
const items: Item[] = [];
const t0 = Date.now();
for (const corpus of ['babe', 'mbic']) {
  const file = join(resolve(values.data!), corpus, 'dev.jsonl');
  if (!existsSync(file)) continue;
  for (const gold of readJsonl<GoldDoc>(file)) {
    const fold = foldOf(String((gold.meta?.split_key as string | undefined) ?? gold.id), K);
    const doc = parseDocument(gold.text);
    const r = pipes[fold].analyzeDocument(doc);
    const loaded = r.findings.filter((f) => f.analyzer === 'loaded-language');
    const lw = loaded.filter((f) => f.voice === 'writer');
    const ua = r.findings.filter((f) => f.analyzer === 'unattributed-assertions' && f.voice === 'writer');
    const f: number[] = [1];
    f.push(
      Math.min(lw.length, 4) / 2,
      lw.length ? 1 : 0,
      Math.max(0, ...lw.map((g) => g.evidence.weight ?? 0)),
      lw.reduce((a, g) => a + (g.evidence.weight ?? 0), 0) / 2,
    );
    f.push(loaded.length - lw.length > 0 ? 1 : 0);
    for (const s of STATUSES) f.push(r.sentences.some((x) => x.status === s) ? 1 : 0);
    const uaCats = ['vague-attribution', 'agentless-attribution', 'unsupported-certainty', 'unsourced-claim'];
    for (const c of uaCats) f.push(ua.some((g) => g.category === c) ? 1 : 0);
    f.push(ua.length ? 1 : 0, Math.min(ua.length, 4) / 2);
    const words = doc.tokens.filter((t) => t.isWord);
    f.push(Math.log1p(words.length) / 4, doc.quotations.length ? 1 : 0, /[!?]/.test(gold.text) ? 1 : 0);
    f.push(
      words.some((t) => FIRST_PERSON.has(t.normal)) ? 1 : 0,
      (words.filter((t) => t.pos === 'ADJ').length / Math.max(1, words.length)) * 5,
    );
    f.push(
      (words.filter((t) => t.pos === 'ADV').length / Math.max(1, words.length)) * 5,
      (words.filter((t) => t.pos === 'NUM').length / Math.max(1, words.length)) * 5,
    );
    if (useVec) {
      const mean = new Float64Array(D);
      for (const t of words) {
        if (t.voice === 'quoted') continue;
        const row = vectorRow(vectors, t.normal, t.lemma);
        if (row < 0) continue;
        for (let d = 0; d < D; d++) mean[d] += vectors.data[row * D + d];
      }
      let norm = 0;
      for (let d = 0; d < D; d++) norm += mean[d] * mean[d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) f.push((mean[d] / norm) * 10);
    }
    const labels = gold.doc_labels ?? {};
    items.push({
      corpus,
      gold,
      fold,
      x: Float64Array.from(f),
      opinion: OPINION.has(String(labels.label_opinion)) ? 1 : 0,
      bias: labels.label_bias === 'Biased' ? 1 : 0,
      rulePosBias: lw.length > 0,
      rulePosOpinion: r.sentences.some((s) => s.status === 'unattributed-assertion') || lw.length > 0,
    });
  }
}
console.error(`features of ${items.length} sentences in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const train = (rows: Item[], y: (i: Item) => number): Float64Array =>
  trainLogistic(
    rows.map((i) => i.x),
    rows.map(y),
    { epochs: 30, lr: 0.01, l2: 1e-3 },
  );
const prob = (w: Float64Array, x: Float64Array): number => {
  let z = 0;
  for (let q = 0; q < x.length; q++) z += w[q] * x[q];
  return 1 / (1 + Math.exp(-z));
};
function macroF1(ps: number[], ys: number[], thr: number): number {
  let tp = 0, fp = 0, fn = 0, tn = 0; // prettier-ignore
  ps.forEach((p, i) => (p >= thr ? (ys[i] ? tp++ : fp++) : ys[i] ? fn++ : tn++));
  const f = (a: number, b: number, c: number): number => (a ? (2 * a) / (2 * a + b + c) : 0);
  return (f(tp, fp, fn) + f(tn, fn, fp)) / 2;
}
const yOf = values.target === 'bias' ? (i: Item) => i.bias : (i: Item) => i.opinion;

const p = new Float64Array(items.length);
const thrBy: Record<string, number[]> = { bias: [], opinion: [] };
const fit = new Map<Item, { bias: number; opinion: number }>();
for (let f = 0; f < K; f++) {
  const trainRows = items.filter((i) => i.fold !== f);
  const w = train(trainRows, yOf);
  // thresholds on the training folds (per label, pooled over both corpora)
  const tp = trainRows.map((i) => prob(w, i.x));
  const pick = (y: (i: Item) => number): number => {
    let best = 0.5, bestF = -1; // prettier-ignore
    for (let t = 0.2; t <= 0.8; t += 0.02) {
      const m = macroF1(tp, trainRows.map(y), t);
      if (m > bestF) [best, bestF] = [t, m];
    }
    return best;
  };
  const tb = pick((i) => i.bias);
  const to = pick((i) => i.opinion);
  thrBy.bias.push(tb);
  thrBy.opinion.push(to);
  items.forEach((i, k) => {
    if (i.fold !== f) return;
    p[k] = prob(w, i.x);
    fit.set(i, { bias: tb, opinion: to });
  });
}
const f3 = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : x.toFixed(3));
for (const corpus of ['babe', 'mbic']) {
  const ks = items.map((_, k) => k).filter((k) => items[k].corpus === corpus);
  const gold = ks.map((k) => items[k].gold);
  const pred = (pos: (k: number) => boolean) => ks.map((k) => ({ id: items[k].gold.id, doc: { positive: pos(k) } }));
  const sc = (pos: (k: number) => boolean, key: string, goldPos: string): string =>
    f3(score({ task: 'sentence', gold, pred: pred(pos), goldKey: key, goldPos }).metrics.sentence?.macro_f1);
  const OP = 'Expresses writer’s opinion|Somewhat factual but also opinionated';
  console.log(
    `${corpus} ${useVec ? 'vectors' : 'no-vectors'} target=${values.target} | bias: rule ${sc((k) => items[k].rulePosBias, 'label_bias', 'Biased')} model ${sc((k) => p[k] >= fit.get(items[k])!.bias, 'label_bias', 'Biased')}` +
      ` | opinion: rule ${sc((k) => items[k].rulePosOpinion, 'label_opinion', OP)} model ${sc((k) => p[k] >= fit.get(items[k])!.opinion, 'label_opinion', OP)}`,
  );
}
console.log(
  `thresholds chosen on the training folds: bias ${thrBy.bias.map((t) => t.toFixed(2)).join(' ')}, opinion ${thrBy.opinion.map((t) => t.toFixed(2)).join(' ')}`,
);
