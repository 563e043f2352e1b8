/**
 * Research (issue #17 item 4): what the vague/agentless attribution figure on PolNeAR is made of, rule by rule, and
 * how it holds out of fold.
 *
 *   npx tsx eval/research/agentless-by-rule.ts [--data DIR] [--min-precision 0.3] [--min-docs 3]
 *
 * - Runs the default pipeline once over PolNeAR dev and keys every writer's-voice vague/agentless finding by the rule
 *   that made it (lexicon entry id, or `attribution/agentless-relation`).
 * - Per rule: findings, broad precision (eval/score.ts `agentless`), the gold agentless cues it alone recalls, the
 *   number of documents it fires in and the share of its hits that come from its best document.
 * - Out of fold (5 folds by document): a rule is kept for fold f only when, on the other four folds, its precision is
 *   at least --min-precision and its hits come from at least --min-docs documents; the kept rules' findings on fold f
 *   are pooled and scored. This simulates unseen text: a rule that earned its place on a few dev documents only
 *   does not carry to the held-out fold.
 * Corpus text is only read; nothing of it is written.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../src/pipeline';
import { readJsonl, score, type GoldDoc, type PredLine, type PredSpan } from '../score';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(__dirname, '..', '..', '..', 'shared', 'data') },
    'min-precision': { type: 'string', default: '0.3' },
    'min-docs': { type: 'string', default: '3' },
  },
});
const K = 5;
const KINDS = new Set(['vague-attribution', 'agentless-attribution']);
function foldOf(id: string): number {
  let h = 2166136261;
  const s = `agentless:${id}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % K;
}

const gold = readJsonl<GoldDoc>(join(values.data!, 'polnear', 'dev.jsonl'));
const pipeline = createPipeline();
/** preds[doc][rule] = spans */
const preds: Array<Map<string, PredSpan[]>> = [];
const t0 = Date.now();
for (const d of gold) {
  const r = pipeline.analyze(d.text);
  const m = new Map<string, PredSpan[]>();
  for (const f of r.findings) {
    if (f.analyzer !== 'unattributed-assertions' || f.voice !== 'writer' || !KINDS.has(f.category)) continue;
    const key = String(f.evidence.entry ?? f.evidence.rule ?? f.messageId);
    const list = m.get(key) ?? [];
    list.push({ start: f.span.start, end: f.span.end, label: 'vague' });
    m.set(key, list);
  }
  preds.push(m);
}
console.error(`polnear: ${gold.length} documents in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const rules = [...new Set(preds.flatMap((m) => [...m.keys()]))].sort();
const folds = gold.map((d) => foldOf(String(d.id)));

/** Scores the findings of `keep(rule, docIndex)` on the documents `docs` (default all). */
function agentless(keep: (rule: string, i: number) => boolean, docs?: (i: number) => boolean) {
  const idx = gold.map((_, i) => i).filter((i) => !docs || docs(i));
  const pred: PredLine[] = idx.map((i) => ({
    id: gold[i].id,
    spans: [...preds[i]].filter(([rule]) => keep(rule, i)).flatMap(([, s]) => s),
  }));
  const a = score({ task: 'agentless', gold: idx.map((i) => gold[i]), pred }).metrics.agentless!;
  return a as unknown as {
    f1: number;
    p: number;
    r: number;
    pred_units: number;
    pred_hit_broad: number;
    gold_hit: number;
    gold_units: number;
  };
}

const f3 = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const all = agentless(() => true);
console.log(`all rules, all docs: F1 ${f3(all.f1)} P ${f3(all.p)} R ${f3(all.r)} (${all.pred_units} findings)`);
// The attribution layer's cue model and priors were fitted on PolNeAR's original train compartment (eval/attribution):
// the rest of the dev split is unseen by them, as held-out text is.
const seen = (i: number): boolean => gold[i].meta?.original_compartment === 'train';
for (const [name, part] of [
  ['cue model trained on (original train)', seen],
  ['unseen by the cue model (original dev/test)', (i: number) => !seen(i)],
] as const) {
  const a = agentless(() => true, part);
  console.log(`${name}: ${gold.filter((_, i) => part(i)).length} docs, F1 ${f3(a.f1)} P ${f3(a.p)} R ${f3(a.r)}`);
  const byRule = rules
    .map((rule) => ({ rule, a: agentless((r) => r === rule, part) }))
    .filter((x) => x.a.pred_units)
    .sort((x, y) => y.a.pred_units - x.a.pred_units)
    .map((x) => `${x.rule} ${x.a.pred_hit_broad}/${x.a.pred_units} recalls ${x.a.gold_hit}`);
  console.log(`  ${byRule.join('; ')}`);
  // ablation: the compartment's F1 without one rule
  const ablation = rules
    .map((rule) => ({ rule, a: agentless((r) => r !== rule, part) }))
    .sort((x, y) => y.a.f1 - x.a.f1)
    .slice(0, 5)
    .map((x) => `without ${x.rule}: F1 ${f3(x.a.f1)} P ${f3(x.a.p)} R ${f3(x.a.r)}`);
  console.log(`  ${ablation.join('; ')}`);
}

// per rule, and per rule and fold
interface RuleStats {
  rule: string;
  n: number;
  hits: number;
  recall: number;
  docs: number;
  hitDocs: number;
  topShare: number;
  foldN: number[];
  foldHits: number[];
}
const stats: RuleStats[] = [];
for (const rule of rules) {
  const only = agentless((r) => r === rule);
  const perDocHits: number[] = [];
  let docs = 0;
  for (let i = 0; i < gold.length; i++) if (preds[i].has(rule)) docs++;
  const foldN: number[] = [];
  const foldHits: number[] = [];
  for (let f = 0; f < K; f++) {
    const a = agentless((r, i) => r === rule && folds[i] === f);
    foldN.push(a.pred_units);
    foldHits.push(a.pred_hit_broad);
  }
  // hits by document (only for rules with few documents: one score per document is slow)
  if (docs <= 40) {
    for (let i = 0; i < gold.length; i++) {
      if (!preds[i].has(rule)) continue;
      const a = score({ task: 'agentless', gold, pred: gold.map((d, j) => ({ id: d.id, spans: j === i ? preds[i].get(rule)! : [] })) })
        .metrics.agentless!;
      perDocHits.push((a as unknown as { pred_hit_broad: number }).pred_hit_broad);
    }
  }
  const hitDocs = perDocHits.filter((h) => h > 0).length;
  stats.push({
    rule,
    n: only.pred_units,
    hits: only.pred_hit_broad,
    recall: only.gold_hit,
    docs,
    hitDocs: docs <= 40 ? hitDocs : -1,
    topShare: docs <= 40 && only.pred_hit_broad ? Math.max(...perDocHits) / only.pred_hit_broad : -1,
    foldN,
    foldHits,
  });
}
stats.sort((a, b) => b.n - a.n);
console.log('\nrule                                findings  hits  prec  recalls  docs  hitDocs  topShare  fold precision');
for (const s of stats) {
  const fp = s.foldN.map((n, f) => (n ? (s.foldHits[f] / n).toFixed(2) : ' -- ')).join(' ');
  console.log(
    `${s.rule.padEnd(36)}${String(s.n).padStart(8)}${String(s.hits).padStart(6)}  ${f3(s.n ? s.hits / s.n : null)}${String(s.recall).padStart(9)}${String(s.docs).padStart(6)}${String(s.hitDocs).padStart(9)}  ${s.topShare < 0 ? '     -' : s.topShare.toFixed(2).padStart(6)}    ${fp}`,
  );
}

// out of fold: rules kept per fold on the other folds' evidence
const minP = Number(values['min-precision']);
const minDocs = Number(values['min-docs']);
const keptByFold: Array<Set<string>> = [];
for (let f = 0; f < K; f++) {
  const kept = new Set<string>();
  for (const s of stats) {
    const n = s.foldN.reduce((a, x, g) => a + (g === f ? 0 : x), 0);
    const h = s.foldHits.reduce((a, x, g) => a + (g === f ? 0 : x), 0);
    let docs = 0;
    for (let i = 0; i < gold.length; i++) if (folds[i] !== f && preds[i].has(s.rule)) docs++;
    if (n && h / n >= minP && docs >= minDocs) kept.add(s.rule);
  }
  keptByFold.push(kept);
}
const oof = agentless((rule, i) => keptByFold[folds[i]].has(rule));
console.log(
  `\nout of fold (rule kept when precision >= ${minP} on >= ${minDocs} docs of the other folds): F1 ${f3(oof.f1)} P ${f3(oof.p)} R ${f3(oof.r)}`,
);
const droppedAnywhere = stats.filter((s) => keptByFold.some((k) => !k.has(s.rule))).map((s) => s.rule);
console.log(`rules dropped in at least one fold: ${droppedAnywhere.join(', ') || 'none'}`);
for (let f = 0; f < K; f++) {
  const a = agentless(
    () => true,
    (i) => folds[i] === f,
  );
  console.log(`fold ${f}: all rules F1 ${f3(a.f1)} P ${f3(a.p)} R ${f3(a.r)}`);
}
