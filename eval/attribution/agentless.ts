/**
 * PolNeAR agentless/vague attribution F1 with the attribution layer out of fold: every document of the dev split is
 * analysed by the default pipeline, but its attribution layer comes from a cue model and priors that never saw it
 * (the 5 folds by document of cv.ts for PolNeAR's original train documents; the shipped model, fitted on all of
 * them, for the other 105). `npm run eval` prints the same figure as `polnear/agentless-vague`, and the shipped
 * model's on every document as `polnear/agentless-vague-in-sample`.
 *   npx tsx eval/attribution/agentless.ts [--folds 5]
 */
import { parseArgs } from 'node:util';
import { createPipeline } from '../../src/pipeline';
import { score, type GoldDoc, type PredLine } from '../score';
import { outOfFoldVague, vagueAttributionPred } from '../tasks/unattributed-assertions';
import { loadPolnear } from './lib';

const { values } = parseArgs({ options: { folds: { type: 'string', default: '5' } } });
const gold = loadPolnear('all');
const oof = outOfFoldVague(gold, Number(values.folds));
const pipeline = createPipeline();
const pred = (d: GoldDoc): PredLine => ({ id: d.id, ...(oof.get(String(d.id)) ?? vagueAttributionPred(pipeline.analyze(d.text))) });
const preds = new Map(gold.map((d) => [String(d.id), pred(d)]));

const f3 = (x: number) => x.toFixed(3);
const train = (d: GoldDoc) => d.meta?.original_compartment === 'train';
for (const [name, docs] of [
  ['train documents, out of fold', gold.filter(train)],
  ['the other dev documents (never fitted)', gold.filter((d) => !train(d))],
  ['all dev documents, out of fold', gold],
] as const) {
  const a = score({ task: 'agentless', gold: docs, pred: docs.map((g) => preds.get(String(g.id))!) }).metrics.agentless!;
  console.log(`${name} (${docs.length}): agentless/vague F1 ${f3(a.f1)} (P ${f3(a.p)} R ${f3(a.r)}; ${a.gold_hit}/${a.gold_units} cues)`);
}
