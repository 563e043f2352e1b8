/**
 * Out-of-fold error analysis of cue detection on PolNeAR train documents: for each document, every candidate cue
 * (span, form, lemma, score, accepted or not) and the predicted relations of a model fitted on the other folds,
 * written as JSON lines for inspection. With --sources, one line per source error of a found cue instead (the gold
 * attribution's cue is overlapped by a predicted one): `miss` (no source predicted), `wrong` (a source overlapping
 * none of that attribution's gold sources; `hitsOther` when it overlaps another's), `extra` (a source where the gold
 * attribution has none), each with the cue, gold and predicted source text and the sentence.
 *   npx tsx eval/attribution/errors.ts OUT.jsonl [--folds 5] [--sources]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildAttribution, type AttributionRelation } from '../../src/attribution';
import type { SlantDocument } from '../../src/document';
import type { GoldDoc } from '../score';
import { findCandidates, scoreCandidates, selectCandidates } from '../../src/attribution/detect';
import { fit, foldOf, loadPolnear, parseGold } from './lib';
import { groupMask } from '../../src/attribution/feature-groups';
import modelFile from '../../models/attribution-cue-model.json';

const { values, positionals } = parseArgs({
  options: { folds: { type: 'string', default: '5' }, sources: { type: 'boolean', default: false } },
  allowPositionals: true,
});
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
    if (values.sources) {
      lines.push(...sourceErrors(p.gold, p.doc, a.relations));
      continue;
    }
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

type Range = [number, number];
function overlaps(a: Range, b: Range): boolean {
  return Math.min(a[1], b[1]) > Math.max(a[0], b[0]);
}

/** The source errors of one document's found cues, as JSON lines. */
function sourceErrors(gold: GoldDoc, doc: SlantDocument, relations: AttributionRelation[]): string[] {
  const text = gold.text;
  const byId = new Map<string, { cue: Range[]; src: Range[] }>();
  for (const sp of gold.spans ?? []) {
    const id = String(sp.attrs?.attribution_id);
    const g = byId.get(id) ?? { cue: [], src: [] };
    byId.set(id, g);
    if (sp.label === 'attribution_cue') g.cue.push([sp.start, sp.end]);
    else if (sp.label === 'attribution_source') g.src.push([sp.start, sp.end]);
  }
  const allSources = [...byId.values()].flatMap((g) => g.src);
  const sentenceOf = (offset: number): string => {
    const s = doc.sentences[doc.tokens[doc.tokenIndexAt(offset)].sentence];
    return text.slice(s.start, s.end);
  };
  const out: string[] = [];
  for (const g of byId.values()) {
    const r = relations.find((x) => g.cue.some((c) => overlaps(c, [x.cue.start, x.cue.end])));
    if (!r) continue;
    const pred: Range | undefined = r.source && [r.source.start, r.source.end];
    const kind = !g.src.length ? (pred ? 'extra' : '') : !pred ? 'miss' : g.src.some((s) => overlaps(s, pred)) ? '' : 'wrong';
    if (!kind) continue;
    out.push(
      JSON.stringify({
        kind,
        id: gold.id,
        cue: r.cue.text,
        gold: g.src.map(([a, b]) => text.slice(a, b)).join(' | '),
        pred: r.source?.text,
        hitsOther: pred ? allSources.some((s) => overlaps(s, pred)) : undefined,
        sentence: sentenceOf(r.cue.start),
      }),
    );
  }
  return out;
}
