/**
 * Cross-validates the loaded-language analyzer itself (not a re-implementation of it): for each of 5 folds by
 * document, the lexicon's weights are estimated without that fold (fold lexicons written by
 * `node eval/research/loaded-terms.mjs --no-cv --folds-out DIR`), the real pipeline analyses the fold's documents,
 * and the predictions of all folds are scored together with eval/score.ts. BASIL was never used to weigh the
 * lexicon, so it is scored with the lexicon weighed on all dev data.
 *
 *   npx tsx eval/research/loaded-cv.ts [--data DIR] [--folds DIR] [--variants a,b] [--diag]
 *
 * Prints, per analyzer variant and report threshold, the numbers of eval/tasks/loaded-language.ts. `--diag` adds
 * the share of findings that overlap gold by corpus, category, voice, negation and headline.
 * Research data is only read; nothing from it is written into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { use } from '../../src/analyzer';
import { loadedLanguage, type LoadedLanguageOptions } from '../../src/analyzers/loaded-language';
import type { SlantDocument } from '../../src/document';
import type { LexiconInput } from '../../src/lexicon/schema';
import { parseDocument } from '../../src/document/build';
import { createPipeline } from '../../src/pipeline';
import type { Finding, Report } from '../../src/report';
import { readJsonl, score, type GoldDoc, type PredLine } from '../score';
import { loadedSentence, loadedSpans, type LoadedPredOptions } from '../tasks/loaded-language';
import { foldOf } from './folds';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(__dirname, '..', '..', '..', 'shared', 'data') },
    folds: { type: 'string', default: join(__dirname, '..', '..', 'scratch', 'loaded2', 'folds') },
    variants: { type: 'string' },
    thresholds: { type: 'string', default: '0.15,0.2,0.25,0.3' },
    diag: { type: 'boolean', default: false },
    k: { type: 'string', default: '5' },
  },
});
const K = Number(values.k);
const THRESHOLDS = values.thresholds!.split(',').map(Number);

interface Variant {
  name: string;
  options: Partial<LoadedLanguageOptions>;
  pred?: LoadedPredOptions;
  /** Experimental rule applied to the findings before scoring (threshold-free rules of thumb to try out). */
  filter?: (findings: Finding[], doc: SlantDocument, thr: number) => Finding[];
}

/** Keeps findings at the threshold, plus weaker ones (>= low) in a sentence that has a finding at the threshold. */
const cluster =
  (low: number, scope: 'sentence' | 'near') =>
  (fs: Finding[], doc: SlantDocument, thr: number): Finding[] => {
    const strong = fs.filter((f) => (f.evidence.weight ?? 0) >= thr);
    const sent = new Set(strong.map((f) => doc.sentenceAt(f.span.start)?.index));
    return fs.filter((f) => {
      const w = f.evidence.weight ?? 0;
      if (w >= thr) return true;
      if (w < low) return false;
      if (scope === 'sentence') return sent.has(doc.sentenceAt(f.span.start)?.index);
      const a = doc.tokenIndexAt(f.span.start);
      return strong.some((g) => Math.abs(doc.tokenIndexAt(g.span.start) - a) <= 3);
    });
  };

/** Writer's-voice findings at the threshold, quoted ones only from a higher weight. */
const quotedAt =
  (q: number) =>
  (fs: Finding[], _doc: SlantDocument, thr: number): Finding[] =>
    fs.filter((f) => (f.evidence.weight ?? 0) >= (f.voice === 'quoted' ? Math.max(q, thr) : thr));

const VARIANTS: Variant[] = [
  { name: 'default', options: {} },
  { name: 'writer-only-spans', options: {}, pred: { quoted: false } },
  { name: 'group-adjacent', options: {}, pred: { groupAdjacent: true } },
  { name: 'no-negation', options: { negation: false } },
  { name: 'no-headlines', options: { headlines: false } },
  { name: 'cluster-sent-0.1', options: {}, filter: cluster(0.1, 'sentence') },
  { name: 'cluster-sent-0.15', options: {}, filter: cluster(0.15, 'sentence') },
  { name: 'cluster-near-0.1', options: {}, filter: cluster(0.1, 'near') },
  ...[0.3, 0.35, 0.45, 0.6].map((q): Variant => ({ name: `quoted-at-${q}`, options: {}, filter: quotedAt(q) })),
];

interface Corpus {
  name: string;
  short: string;
  gold: GoldDoc[];
  docs: SlantDocument[];
  folds: number[];
  /** True when the corpus was used to weigh the lexicon (cross-validated); false: scored with all.json. */
  cv: boolean;
}

function loadCorpus(name: string, short: string, cv: boolean): Corpus | undefined {
  const file = join(resolve(values.data!), name, 'dev.jsonl');
  if (!existsSync(file)) return undefined;
  const gold = readJsonl<GoldDoc>(file);
  const docs = gold.map((d) => parseDocument(d.text));
  const folds = gold.map((d) => foldOf(String((d.meta?.split_key as string | undefined) ?? d.id), K));
  return { name, short, gold, docs, folds, cv };
}

const t0 = Date.now();
const corpora = [
  loadCorpus('ptc_semeval2020', 'ptc', true),
  loadCorpus('babe', 'babe', true),
  loadCorpus('mbic', 'mbic', true),
  loadCorpus('basil', 'basil', false),
].filter((c): c is Corpus => c !== undefined);
console.error(`parsed ${corpora.map((c) => `${c.short} ${c.docs.length}`).join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const foldLexicons = Array.from(
  { length: K },
  (_, f) => JSON.parse(readFileSync(join(values.folds!, `fold-${f}.json`), 'utf8')) as LexiconInput,
);
const allLexicon = JSON.parse(readFileSync(join(values.folds!, 'all.json'), 'utf8')) as LexiconInput;

/** Reports of every document of every corpus, each from the lexicon that did not see it. */
function reportsFor(v: Variant): Map<Corpus, Report[]> {
  const options = { ...v.options, minWeight: 0 };
  const pipelines = foldLexicons.map((lex) => createPipeline({ analyzers: [use(loadedLanguage, { options })], lexicons: [lex] }));
  const all = createPipeline({ analyzers: [use(loadedLanguage, { options })], lexicons: [allLexicon] });
  const out = new Map<Corpus, Report[]>();
  for (const c of corpora)
    out.set(
      c,
      c.docs.map((d, i) => (c.cv ? pipelines[c.folds[i]] : all).analyzeDocument(d)),
    );
  return out;
}

const f3 = (x: number | null | undefined): string => (x === null || x === undefined ? '  n/a' : x.toFixed(3));

function evaluate(v: Variant, reports: Map<Corpus, Report[]>): string[] {
  const lines: string[] = [];
  for (const thr of THRESHOLDS) {
    const cells: string[] = [];
    for (const c of corpora) {
      const rs = reports.get(c)!;
      const po = { ...v.pred, minWeight: thr };
      const pred: PredLine[] = c.gold.map((d, i) => {
        let r = rs[i];
        if (v.filter) r = { ...r, findings: v.filter(r.findings, c.docs[i], thr) };
        const p = v.filter ? { ...po, minWeight: 0 } : po;
        return { id: d.id, ...loadedSpans(r, d.text, p), ...loadedSentence(r, p) };
      });
      const labels = c.short === 'basil' ? { goldLabels: ['lexical_bias'] } : {};
      const m = score({ task: 'loaded', gold: c.gold, pred, ...labels }).metrics;
      if (c.short === 'ptc' || c.short === 'basil')
        cells.push(`${c.short} span ${f3(m.span_overlap?.f1)} (${f3(m.span_overlap?.p)}/${f3(m.span_overlap?.r)}) word ${f3(m.word?.f1)}`);
      else cells.push(`${c.short} word ${f3(m.word?.f1)} (${f3(m.word?.p)}/${f3(m.word?.r)})`);
      if (c.short === 'babe' || c.short === 'mbic') {
        const s = score({ task: 'sentence', gold: c.gold, pred, goldKey: 'label_bias', goldPos: 'Biased' }).metrics.sentence;
        cells.push(`${c.short} sent ${f3(s?.macro_f1)}`);
      }
    }
    lines.push(`${v.name.padEnd(20)} >=${thr.toFixed(2)} | ${cells.join(' | ')}`);
  }
  return lines;
}

const NO_WEIGHT = /[\s"“”„‟«»‹›'‘’`]/u;
const LOADED = new Set(['Loaded_Language', 'Name_Calling,Labeling', 'Exaggeration,Minimisation', 'biased_word', 'lexical_bias']);

function diagnostics(reports: Map<Corpus, Report[]>, thr: number): string[] {
  const groups = new Map<string, { n: number; h: number }>();
  const add = (k: string, hit: boolean): void => {
    const g = groups.get(k) ?? { n: 0, h: 0 };
    g.n++;
    if (hit) g.h++;
    groups.set(k, g);
  };
  for (const c of corpora) {
    const rs = reports.get(c)!;
    c.gold.forEach((d, i) => {
      const mask = new Uint8Array(d.text.length);
      for (const s of d.spans ?? []) if (LOADED.has(s.label)) for (let k = s.start; k < s.end; k++) mask[k] = 1;
      for (const f of rs[i].findings) {
        if ((f.evidence.weight ?? 0) < thr) continue;
        let hit = false;
        for (let k = f.span.start; k < f.span.end && !hit; k++) if (mask[k] && !NO_WEIGHT.test(d.text[k])) hit = true;
        add(`${c.short} voice=${f.voice}`, hit);
        add(`${c.short} category=${f.category}`, hit);
        if (f.evidence.negated) add(`${c.short} negated category=${f.category}`, hit);
        if (f.evidence.headline) add(`${c.short} headline`, hit);
      }
    });
  }
  return [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, g]) => `${k.padEnd(44)} ${String(g.h).padStart(5)}/${String(g.n).padEnd(6)} ${(g.h / g.n).toFixed(3)}`);
}

const wanted = values.variants ? new Set(values.variants.split(',')) : undefined;
for (const v of VARIANTS) {
  if (wanted && !wanted.has(v.name)) continue;
  const t = Date.now();
  const reports = reportsFor(v);
  console.log(evaluate(v, reports).join('\n'));
  if (values.diag && v.name === 'default') console.log(diagnostics(reports, 0.25).join('\n'));
  console.error(`  (${v.name}: ${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
