/**
 * PolNeAR agentless/vague attribution F1 with the attribution layer out of fold: every document of the dev split is
 * analysed by the default pipeline, but its attribution layer comes from a cue model and priors that never saw it
 * (the 5 folds by document of cv.ts for PolNeAR's original train documents; a fit on all of them for the other
 * 105). `npm run eval` scores the shipped model, which was fitted on the 496 train documents: in-sample there.
 *   npx tsx eval/attribution/agentless.ts [--folds 5] [--groups LIST] [--threshold 0.4] [--nested 0.6]
 * --groups, --threshold, --nested: as in cv.ts (default: the shipped model's).
 */
import { parseArgs } from 'node:util';
import { createPipeline } from '../../src/pipeline';
import { attributionLayer } from '../../src/document/build';
import type { SlantDocument } from '../../src/document';
import type { Attribution } from '../../src/attribution';
import { groupMask } from '../../src/attribution/detect';
import { CUE_MODEL } from '../../src/attribution/model';
import modelFile from '../../models/attribution-cue-model.json';
import { score, type GoldDoc, type PredLine } from '../score';
import { vagueAttributionPred } from '../tasks/unattributed-assertions';
import { attributionWith, fit, foldOf, loadPolnear, parseGold, type ParsedGold } from './lib';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    groups: { type: 'string' },
    threshold: { type: 'string' },
    nested: { type: 'string' },
  },
});
const k = Number(values.folds);
const groups = values.groups ? groupMask(values.groups.split(',')) : groupMask(modelFile.groups ?? []);
const threshold = values.threshold ? Number(values.threshold) : CUE_MODEL.threshold;
const nestedThreshold = values.nested ? Number(values.nested) : CUE_MODEL.nestedThreshold;

/** The document with its attribution layer set to `a` (the pipeline's analyzers read that layer). */
function withAttribution(doc: SlantDocument, a: Attribution): SlantDocument {
  (doc as unknown as { layers: Map<unknown, unknown> }).layers.set(attributionLayer, a);
  return doc;
}

const train = parseGold(loadPolnear('train'));
const heldout = parseGold(loadPolnear('heldout'));
const pipeline = createPipeline();
const preds = new Map<string, PredLine>();
const analyse = (parts: ParsedGold[], f: ReturnType<typeof fit>) => {
  const model = { ...f.model, threshold, nestedThreshold };
  for (const p of parts) {
    const report = pipeline.analyzeDocument(withAttribution(p.doc, attributionWith(p.doc, f.priors, model)));
    preds.set(String(p.gold.id), { id: p.gold.id, ...vagueAttributionPred(report) });
  }
};
for (let f = 0; f < k; f++) {
  analyse(
    train.filter((p) => foldOf(p.gold.id, k) === f),
    fit(
      train.filter((p) => foldOf(p.gold.id, k) !== f),
      groups,
    ),
  );
}
analyse(heldout, fit(train, groups));

const f3 = (x: number) => x.toFixed(3);
for (const [name, docs] of [
  ['train documents, out of fold', train],
  ['the other dev documents (never fitted)', heldout],
  ['all dev documents, out of fold', [...train, ...heldout]],
] as const) {
  const gold: GoldDoc[] = docs.map((p) => p.gold);
  const a = score({ task: 'agentless', gold, pred: gold.map((g) => preds.get(String(g.id))!) }).metrics.agentless!;
  console.log(`${name} (${docs.length}): agentless/vague F1 ${f3(a.f1)} (P ${f3(a.p)} R ${f3(a.r)}; ${a.gold_hit}/${a.gold_units} cues)`);
}
