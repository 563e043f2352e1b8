/**
 * Generator of models/subjectivity-en.json, the sentence subjectivity classifier (issue #17 item 3;
 * src/models/subjectivity.ts). Run on the shared dev data:
 *
 *   npx tsx eval/research/subjectivity-train.ts [--data DIR] [--folds DIR] [--write]
 *
 * - Items: BABE and MBIC dev sentences with their `label_opinion` (opinion or "somewhat factual but also
 *   opinionated" = 1) and `label_bias` labels; 5 folds by source article (`meta.split_key`, the hash of
 *   eval/research/loaded-cv.ts).
 * - Features (src/models/subjectivity.ts): the unattributed-assertions analyzer's rule decision (run without the
 *   classifier), loaded-language lexicon matches and the mean word vector. The loaded-language weights were estimated
 *   on the same corpora, so each fold's features use a lexicon weighed WITHOUT that fold (fold lexicons written by
 *   `node eval/research/loaded-terms.mjs --no-cv --folds-out DIR`, run here when DIR has none).
 * - Out of fold: per fold a logistic regression is trained on the other folds (target: opinion), thresholds for both
 *   labels chosen on those training folds; the held-out fold is decided as the eval does (src: eval/tasks):
 *   biased = some sentence's subjectivity >= thresholds.bias; opinion = some sentence is an unattributed assertion
 *   (rule status, or a factual-report sentence whose subjectivity >= thresholds.opinion).
 * - Shipped model: trained on all folds with the lexicon weighed on all dev data; thresholds chosen on the pooled
 *   out-of-fold probabilities. `--write` writes the file; without it the figures are only printed.
 * Corpus text is only read; nothing of it is written.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { use } from '../../src/analyzer';
import { unattributedAssertions } from '../../src/analyzers/unattributed-assertions';
import { parseDocument } from '../../src/document/build';
import { compileLexicon } from '../../src/lexicon/load';
import type { LexiconInput } from '../../src/lexicon/schema';
import { compileVectors } from '../../src/models/vectors';
import {
  ruleCuesOf,
  subjectivityFeatureNames,
  subjectivityFeatures,
  subjectivityOf,
  type RuleStatus,
  type LoadedMatch,
} from '../../src/models/subjectivity';
import { createPipeline } from '../../src/pipeline';
import { readJsonl, score, type GoldDoc } from '../score';
import { foldOf } from './folds';
import { trainLogistic } from './logistic';

const REPO = join(__dirname, '..', '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(REPO, '..', 'shared', 'data') },
    folds: { type: 'string', default: join(REPO, 'scratch', 'subjectivity-folds') },
    write: { type: 'boolean', default: false },
  },
});
const K = 5;
const EPOCHS = 30;
const LR = 0.01;
const L2 = 1e-3;
const OPINION = new Set(['Expresses writer’s opinion', 'Somewhat factual but also opinionated']);

const dataDir = resolve(values.data!);
const foldsDir = resolve(values.folds!);
// The fold lexicons are cached in foldsDir with a hash of what makes them (the data, the built-in lexicons and the
// research scripts): a cache left by other inputs is remade, so --write always reproduces the shipped file.
const foldsStamp = join(foldsDir, 'inputs.sha1');
const foldInputs = createHash('sha1');
for (const [dir, pick] of [
  [dataDir, (f: string) => f === 'dev.jsonl'],
  [join(REPO, 'lexicons', 'en'), (f: string) => f.endsWith('.json')],
  [join(REPO, 'eval', 'research'), (f: string) => f.startsWith('loaded-') && f.endsWith('.mjs')],
] as const) {
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const base = file.split(/[\\/]/).pop() ?? file;
    if (pick(base))
      foldInputs
        .update(file)
        .update('\0')
        .update(readFileSync(join(dir, file)));
  }
}
const foldsWanted = foldInputs.digest('hex');
if (!existsSync(join(foldsDir, 'all.json')) || !existsSync(foldsStamp) || readFileSync(foldsStamp, 'utf8').trim() !== foldsWanted) {
  console.error(`writing fold lexicons to ${foldsDir}`);
  execFileSync('node', [join(REPO, 'eval', 'research', 'loaded-terms.mjs'), dataDir, '--no-cv', '--folds-out', foldsDir], {
    stdio: 'inherit',
  });
  writeFileSync(foldsStamp, foldsWanted + '\n');
}
const readLex = (name: string): LexiconInput => JSON.parse(readFileSync(join(foldsDir, name), 'utf8')) as LexiconInput;
const foldLex = [...Array.from({ length: K }, (_, f) => readLex(`fold-${f}.json`)), readLex('all.json')];
const matchers = foldLex.map((l, i) => compileLexicon(l, `fold ${i}`).matcher);
const vectors = compileVectors(JSON.parse(readFileSync(join(REPO, 'models', 'vectors-en.json'), 'utf8')), 'models/vectors-en.json');
const pipeline = createPipeline({ analyzers: [use(unattributedAssertions, { options: { subjectivity: false } })] });

interface Item {
  corpus: string;
  gold: GoldDoc;
  fold: number;
  /** Features of the whole item, per lexicon (fold lexicon for its own fold's test; index K: all data). */
  unit: Float64Array[];
  /** Per sentence: features (per lexicon index as in unit) and the rule status. */
  sentences: Array<{ x: Float64Array[]; status: RuleStatus }>;
  opinion: number;
  bias: number;
}

const items: Item[] = [];
const t0 = Date.now();
for (const corpus of ['babe', 'mbic']) {
  for (const gold of readJsonl<GoldDoc>(join(dataDir, corpus, 'dev.jsonl'))) {
    const fold = foldOf(String((gold.meta?.split_key as string | undefined) ?? gold.id), K);
    const doc = parseDocument(gold.text);
    const n = doc.sentences.length;
    if (!n) continue;
    const report = pipeline.analyzeDocument(doc);
    // features with the lexicon of the item's own fold (for its out-of-fold decision) and the all-data lexicon
    const lexIndex = [fold, K];
    const matches: LoadedMatch[][] = [];
    for (const li of lexIndex) matches[li] = matchers[li].match(doc).map((m) => ({ first: m.first, last: m.last, weight: m.entry.weight }));
    const unit: Float64Array[] = [];
    for (const li of lexIndex) unit[li] = subjectivityFeatures(doc, 0, n, matches[li], ruleCuesOf(doc, report, 0, n), vectors);
    const sentences = doc.sentences.map((_, s) => {
      const x: Float64Array[] = [];
      for (const li of lexIndex) x[li] = subjectivityFeatures(doc, s, s + 1, matches[li], ruleCuesOf(doc, report, s, s + 1), vectors);
      const st = report.sentences.find((r) => r.index === s);
      return { x, status: (st ? (st.voice === 'quoted' ? 'quoted' : st.status) : 'quoted') as RuleStatus };
    });
    const labels = gold.doc_labels ?? {};
    items.push({
      corpus,
      gold,
      fold,
      unit,
      sentences,
      opinion: OPINION.has(String(labels.label_opinion)) ? 1 : 0,
      bias: labels.label_bias === 'Biased' ? 1 : 0,
    });
  }
}
console.error(`features of ${items.length} items in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const train = (rows: Float64Array[], ys: number[]): Float64Array => trainLogistic(rows, ys, { epochs: EPOCHS, lr: LR, l2: L2 });

function macroF1(pos: boolean[], ys: number[]): number {
  let tp = 0, fp = 0, fn = 0, tn = 0; // prettier-ignore
  pos.forEach((p, i) => (p ? (ys[i] ? tp++ : fp++) : ys[i] ? fn++ : tn++));
  const f = (a: number, b: number, c: number): number => (a ? (2 * a) / (2 * a + b + c) : 0);
  return (f(tp, fp, fn) + f(tn, fn, fp)) / 2;
}

/** Per item: the max sentence probability (any sentence), and the max over factual-report sentences, plus the rule. */
interface Probs {
  any: number;
  factual: number;
  rule: boolean;
}
function probsOf(it: Item, w: ArrayLike<number>, li: number): Probs {
  let any = 0;
  let factual = 0;
  for (const s of it.sentences) {
    const p = subjectivityOf(w as number[], s.x[li]);
    any = Math.max(any, p);
    if (s.status === 'factual-report') factual = Math.max(factual, p);
  }
  return {
    any,
    factual,
    rule: it.sentences.some((s) => s.status === 'unattributed-assertion'),
  };
}
const biasPos = (p: Probs, t: number): boolean => p.any >= t;
/** The opinion label: some sentence's subjectivity reaches the threshold (eval task babe/label-opinion). */
const opinionPos = (p: Probs, t: number): boolean => p.any >= t;
/** The analyzer's status: some sentence is an unattributed assertion (rule findings, or no named source and subjective). */
const statusPos = (p: Probs, t: number): boolean => p.rule || p.factual >= t;

function pick(ps: Probs[], ys: number[], pos: (p: Probs, t: number) => boolean): number {
  let best = 0.5, bestF = -1; // prettier-ignore
  for (let t = 0.2; t <= 0.8 + 1e-9; t += 0.01) {
    const f = macroF1(
      ps.map((p) => pos(p, t)),
      ys,
    );
    if (f > bestF) [best, bestF] = [Math.round(t * 100) / 100, f];
  }
  return best;
}

const oof: Probs[] = new Array(items.length);
const oofBias: boolean[] = new Array(items.length);
const oofOpinion: boolean[] = new Array(items.length);
const oofStatus: boolean[] = new Array(items.length);
const foldThresholds: Array<{ bias: number; opinion: number }> = [];
for (let f = 0; f < K; f++) {
  const tr = items.filter((i) => i.fold !== f);
  // training rows with their own fold's lexicon features (each training item's lexicon excludes its own fold)
  const w = train(
    tr.map((i) => i.unit[i.fold]),
    tr.map((i) => i.opinion),
  );
  const trProbs = tr.map((i) => probsOf(i, w, i.fold));
  const th = {
    bias: pick(
      trProbs,
      tr.map((i) => i.bias),
      biasPos,
    ),
    opinion: pick(
      trProbs,
      tr.map((i) => i.opinion),
      opinionPos,
    ),
  };
  foldThresholds.push(th);
  items.forEach((it, k) => {
    if (it.fold !== f) return;
    oof[k] = probsOf(it, w, f);
    oofBias[k] = biasPos(oof[k], th.bias);
    oofOpinion[k] = opinionPos(oof[k], th.opinion);
    oofStatus[k] = statusPos(oof[k], th.opinion);
  });
}

const r3 = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);
const OP = 'Expresses writer’s opinion|Somewhat factual but also opinionated';
function sentenceF1(corpus: string, positive: (k: number) => boolean, key: string, goldPos: string): number | null {
  const ks = items.map((_, k) => k).filter((k) => items[k].corpus === corpus);
  const gold = ks.map((k) => items[k].gold);
  const pred = ks.map((k) => ({ id: items[k].gold.id, doc: { positive: positive(k) } }));
  return r3(score({ task: 'sentence', gold, pred, goldKey: key, goldPos }).metrics.sentence?.macro_f1);
}

// the shipped model: all items, all-data lexicon; thresholds on the pooled out-of-fold probabilities
const wAll = train(
  items.map((i) => i.unit[K]),
  items.map((i) => i.opinion),
);
const thresholds = {
  bias: pick(
    oof,
    items.map((i) => i.bias),
    biasPos,
  ),
  opinion: pick(
    oof,
    items.map((i) => i.opinion),
    opinionPos,
  ),
};
const inSample = items.map((i) => probsOf(i, wAll, K));
const metrics: Record<string, unknown> = {
  note: 'Cross-validated by document (5 folds by source article); out-of-fold decisions use per-fold models, fold lexicons and thresholds chosen on the training folds; macro-F1 by eval/score.ts',
};
for (const corpus of ['babe', 'mbic']) {
  metrics[`${corpus}_bias_macro_f1_oof`] = sentenceF1(corpus, (k) => oofBias[k], 'label_bias', 'Biased');
  metrics[`${corpus}_opinion_macro_f1_oof`] = sentenceF1(corpus, (k) => oofOpinion[k], 'label_opinion', OP);
  metrics[`${corpus}_opinion_status_macro_f1_oof`] = sentenceF1(corpus, (k) => oofStatus[k], 'label_opinion', OP);
  metrics[`${corpus}_opinion_rule_status_macro_f1`] = sentenceF1(corpus, (k) => oof[k].rule, 'label_opinion', OP);
  metrics[`${corpus}_bias_macro_f1_in_sample`] = sentenceF1(corpus, (k) => biasPos(inSample[k], thresholds.bias), 'label_bias', 'Biased');
  metrics[`${corpus}_opinion_macro_f1_in_sample`] = sentenceF1(
    corpus,
    (k) => opinionPos(inSample[k], thresholds.opinion),
    'label_opinion',
    OP,
  );
}
metrics.fold_thresholds = foldThresholds;
console.log(JSON.stringify({ thresholds, metrics }, null, 1));

if (values.write) {
  const model = {
    id: 'en/subjectivity',
    version: '1.0.0',
    description:
      "Sentence subjectivity: logistic regression over loaded-language lexicon matches, the unattributed-assertions rule decision, surface cues and the mean word vector of the writer's voice (src/models/subjectivity.ts).",
    license: 'MIT',
    trainedOn: 'BABE and MBIC dev splits, sentence label_opinion (5-fold CV by source article)',
    regenerate: 'npx tsx eval/research/subjectivity-train.ts --write (reads ../shared/data; writes fold lexicons to scratch/)',
    vectors: vectors.id,
    features: subjectivityFeatureNames(vectors.dimensions),
    weights: Array.from(wAll, (x) => Math.round(x * 1e6) / 1e6),
    thresholds,
    metrics,
  };
  writeFileSync(join(REPO, 'models', 'subjectivity-en.json'), JSON.stringify(model) + '\n');
  console.error('wrote models/subjectivity-en.json');
}
