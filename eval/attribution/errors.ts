/**
 * Out-of-fold error analysis of cue detection on PolNeAR train documents: for each document, every candidate cue
 * (span, form, lemma, score, accepted or not) and the predicted relations of a model fitted on the other folds,
 * written as JSON lines for inspection.
 *   npx tsx eval/attribution/errors.ts OUT.jsonl [--folds 5]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildAttribution } from '../../src/attribution';
import { findCandidates, scoreCandidates, selectCandidates } from '../../src/attribution/detect';
import { fit, foldOf, loadPolnear, parseGold } from './lib';
import { groupMask } from '../../src/attribution/feature-groups';
import modelFile from '../../models/attribution-cue-model.json';

const { values, positionals } = parseArgs({ options: { folds: { type: 'string', default: '5' } }, allowPositionals: true });
const k = Number(values.folds);
const train = parseGold(loadPolnear('train'));
const groups = groupMask(modelFile.groups ?? []);
const lines: string[] = [];
for (let f = 0; f < k; f++) {
  const { priors, model } = fit(
    train.filter((p) => foldOf(p.gold.id, k) !== f),
    groups,
  );
  const m = { ...model, threshold: modelFile.threshold, nestedThreshold: modelFile.nestedThreshold };
  for (const p of train.filter((q) => foldOf(q.gold.id, k) === f)) {
    const { ctx, candidates } = findCandidates(p.doc, priors);
    scoreCandidates(candidates, m);
    const sel = selectCandidates(p.doc, candidates, m.threshold, m.nestedThreshold);
    const selSet = new Set(sel);
    const a = buildAttribution(p.doc, sel, ctx);
    const t = p.doc.tokens;
    lines.push(
      JSON.stringify({
        id: p.gold.id,
        cands: candidates.map((c) => ({
          s: t[c.first].start,
          e: t[c.last].end,
          hs: t[c.head].start,
          form: c.form,
          lemma: c.lemma,
          score: Math.round(c.score * 1000) / 1000,
          sel: selSet.has(c),
          side: c.sourceSide,
          f: c.features
            .filter(
              (x) =>
                x.startsWith('prev-') || x === 'gerund' || x === 'passive' || x === 'participle-start' || x === 'postnominal-participle',
            )
            .join(','),
          src: c.source ? [t[c.source.first].start, t[c.source.last].end] : null,
        })),
        rels: a.relations.map((r) => ({
          cue: [r.cue.start, r.cue.end],
          src: r.source ? [r.source.start, r.source.end] : null,
          content: r.contentParts.map((q) => [q.start, q.end]),
          kind: r.kind,
        })),
      }),
    );
  }
  console.error(`fold ${f} done`);
}
writeFileSync(positionals[0], lines.join('\n') + '\n');
