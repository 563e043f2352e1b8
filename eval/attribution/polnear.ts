/**
 * Runs the pipeline (attribution only, no analyzers) over PolNeAR dev, writes the PRED JSONL of
 * eval/tasks/attribution.ts and scores it with the reference scorer.
 *   npx tsx eval/attribution/polnear.ts [--split all|train|heldout] [--data ../shared/data] [--out DIR]
 * `train` = documents of PolNeAR's original train compartment (used for fitting), `heldout` = the others (never
 * used for fitting or inspection).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../src/pipeline';
import { attributionPred } from '../tasks/attribution';
import { loadPolnear } from './lib';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'all' },
    data: { type: 'string', default: join(__dirname, '..', '..', '..', 'shared') },
    out: { type: 'string', default: join(__dirname, '..', '..', '.eval-out') },
  },
});
const split = values.split as 'all' | 'train' | 'heldout';
const goldFile = join(values.data!, 'data', 'polnear', 'dev.jsonl');
const gold = loadPolnear(split, goldFile);
const pipeline = createPipeline({ analyzers: [] });
const started = Date.now();
const pred = gold.map((d) => ({ id: d.id, ...attributionPred(pipeline.analyze(d.text)) }));
console.error(`${gold.length} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
mkdirSync(values.out!, { recursive: true });
const predFile = join(values.out!, `polnear-attribution-${split}.jsonl`);
writeFileSync(predFile, pred.map((p) => JSON.stringify(p)).join('\n') + '\n');
let goldPath = goldFile;
if (split !== 'all') {
  goldPath = join(values.out!, `polnear-gold-${split}.jsonl`);
  writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
}
for (const task of ['cue', 'source', 'content', 'density']) {
  process.stdout.write(
    execFileSync('node', [join(values.data!, 'eval', 'score.mjs'), '--task', task, '--gold', goldPath, '--pred', predFile], {
      encoding: 'utf8',
    }),
  );
}
