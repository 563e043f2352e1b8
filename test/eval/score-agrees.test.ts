// eval/score.ts must give exactly the numbers of the reference scorer (shared/eval/score.mjs).
// For every dev corpus and every task it supports, this scores gold-as-prediction and several perturbed
// predictions (shifted offsets, dropped spans/docs, random subsets plus noise, with a fixed seed) with
// both scorers and asserts identical JSON results (every number bit for bit, key order included) and
// identical text reports. The reference runs in a child process (eval/check-scorer.mjs), since it is
// an ES module. Skipped when the shared corpora or the reference scorer are not present.
//
// Set SCORER_AGREE_REPORT=/some/file to write every job's text report there.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import {
  applicableTasks,
  formatResult,
  goldAsPred,
  readJsonl,
  score,
  type GoldDoc,
  type PredLine,
  type PredSpan,
  type ScoreResult,
  type TaskSpec,
} from '../../eval/score';

const REPO = path.resolve(__dirname, '../..');
const SHARED = process.env.SLANT_SHARED_DIR || path.resolve(REPO, '../shared');
const DATA = path.join(SHARED, 'data');
const REF = path.join(SHARED, 'eval', 'score.mjs');
const available = fs.existsSync(DATA) && fs.existsSync(REF);

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function seedOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Jobs
interface Job {
  name: string;
  corpus: string;
  gold: string[];
  pred: string;
  options: TaskSpec;
}

const SPAN_TASKS = new Set(['loaded', 'cue', 'source', 'content', 'agentless', 'quote']);

/** Extra task variants beyond applicableTasks(): custom label sets, other sentence keys, frames, quotes. */
function extraSpecs(gold: GoldDoc[]): TaskSpec[] {
  const keys = new Set<string>();
  const labels = new Set<string>();
  for (const d of gold) {
    for (const k of Object.keys(d.doc_labels || {})) keys.add(k);
    for (const sp of d.spans || []) labels.add(sp.label);
  }
  const out: TaskSpec[] = [];
  if (keys.has('frames')) out.push({ task: 'frames' });
  if (keys.has('sg1_label_bias')) out.push({ task: 'sentence', goldKey: 'sg1_label_bias', goldPos: 'Biased' });
  if (keys.has('label_opinion'))
    out.push({
      task: 'sentence',
      goldKey: 'label_opinion',
      goldPos: 'Expresses writer’s opinion|Somewhat factual but also opinionated',
      goldExclude: [],
    });
  if (labels.has('uncertainty_doxastic')) out.push({ task: 'loaded', goldLabels: ['uncertainty_doxastic', 'uncertainty_epistemic'] });
  if (labels.has('Doubt')) out.push({ task: 'cue', goldLabels: ['Doubt', 'Appeal_to_Authority'], predLabel: 'loaded' });
  if (labels.has('informational_bias')) out.push({ task: 'content', goldLabels: ['informational_bias'] });
  // no quote corpus among the dev sets: exercise the quote task (0.3/0.8 matching, speakers) on PolNeAR contents
  if (labels.has('attribution_content')) out.push({ task: 'quote', goldLabels: ['attribution_content'] });
  return out;
}

function specName(s: TaskSpec): string {
  return s.task + (s.goldKey ? `(${s.goldKey})` : '') + (s.goldLabels ? `[${s.goldLabels.join('|')}]` : '');
}

/**
 * Gold as prediction (plus, as the reference's goldAsPred has no frames, the gold frames), and for the
 * perturbed variants extra material: cue/source spans of any attribution as `vague` (agentless) and
 * random speakers (quote).
 */
function basePred(spec: TaskSpec, gold: GoldDoc[], rnd: () => number, extras: boolean): PredLine[] {
  const lines = goldAsPred(spec.task, gold, spec);
  const names: string[] = [];
  for (const d of gold)
    for (const sp of d.spans || []) if (sp.label === 'attribution_source' && names.length < 500) names.push(d.text.slice(sp.start, sp.end));
  return lines.map((line, k) => {
    const d = gold[k];
    const spans = [...(line.spans || [])];
    const doc = { ...(line.doc || {}) };
    if (spec.task === 'frames' && Array.isArray(d.doc_labels?.frames)) doc.frames = [...(d.doc_labels?.frames as string[])];
    if (extras && spec.task === 'agentless')
      for (const sp of d.spans || [])
        if ((sp.label === 'attribution_source' || sp.label === 'attribution_cue') && rnd() < 0.3)
          spans.push({ start: sp.start, end: sp.end, label: 'vague' });
    if (extras && spec.task === 'quote')
      for (const sp of spans) if (names.length && rnd() < 0.7) sp.speaker = names[Math.floor(rnd() * names.length)];
    return { ...line, spans, doc };
  });
}

function randInt(rnd: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

function perturb(variant: string, spec: TaskSpec, gold: GoldDoc[], base: PredLine[], rnd: () => number): PredLine[] {
  const label = base.flatMap((l) => l.spans || [])[0]?.label ?? spec.predLabel ?? 'loaded';
  const frameSet = [...new Set(gold.flatMap((d) => (Array.isArray(d.doc_labels?.frames) ? (d.doc_labels?.frames as string[]) : [])))];
  const docLevel = (line: PredLine, d: GoldDoc): PredLine['doc'] => {
    const doc = { ...(line.doc || {}) };
    if (spec.task === 'sentence') {
      if (rnd() < 0.1) delete doc.positive;
      else if (rnd() < 0.35) doc.positive = !doc.positive;
    } else if (spec.task === 'density') {
      if (rnd() < 0.05) delete doc.attributions;
      else doc.attributions = Math.max(0, (doc.attributions ?? 0) + randInt(rnd, -3, 3));
    } else if (spec.task === 'frames') {
      const g = Array.isArray(d.doc_labels?.frames) ? (d.doc_labels?.frames as string[]) : [];
      doc.frames = [...g.filter(() => rnd() < 0.6), ...frameSet.filter(() => rnd() < 0.1)];
    }
    return doc;
  };
  const out: PredLine[] = [];
  base.forEach((line, k) => {
    const d = gold[k];
    const n = d.text.length;
    let spans: PredSpan[] = (line.spans || []).map((s) => ({ ...s }));
    if (variant === 'shift') {
      spans = spans.map((s) => {
        const t: PredSpan = { ...s, start: s.start + randInt(rnd, -3, 3), end: s.end + randInt(rnd, -3, 3) };
        if (rnd() < 0.5) delete t.group; // fragments predicted as separate units
        return t;
      });
    } else if (variant === 'drop') {
      if (rnd() < 0.1) return; // whole document missing
      spans = spans.filter(() => rnd() < 0.6);
      if (spans.length > 1 && rnd() < 0.2) {
        // the same document split over two lines (merged by the scorer)
        const cut = Math.floor(spans.length / 2);
        out.push({ id: line.id, spans: spans.slice(0, cut), doc: docLevel(line, d) });
        spans = spans.slice(cut);
      }
    } else if (variant === 'noise') {
      spans = spans.filter(() => rnd() < 0.5);
      if (SPAN_TASKS.has(spec.task) && n > 0) {
        const extra = randInt(rnd, 0, 4);
        for (let i = 0; i < extra; i++) {
          const s = randInt(rnd, 0, n - 1);
          spans.push({ start: s, end: Math.min(n, s + randInt(rnd, 1, 40)), label });
        }
        const sp = d.text.indexOf(' ');
        if (sp >= 0 && rnd() < 0.3) spans.push({ start: sp, end: sp + 1, label }); // blank: ignored
        if (rnd() < 0.1) spans.push({ start: 1.5, end: 4, label }); // invalid: a false positive
        if (rnd() < 0.1) spans.push({ start: n - 2, end: n + 3, label }); // out of range
        if (spans.length && rnd() < 0.3) spans.push({ ...spans[0] }); // exact duplicate counts once
        if (rnd() < 0.2) {
          const s = randInt(rnd, 0, n - 1);
          spans.push({ start: s, end: Math.min(n, s + 5), label, group: 'g' }, { start: Math.max(0, s - 30), end: s, label, group: 'g' });
        }
      }
    }
    out.push({ id: line.id, spans, doc: docLevel(line, d) });
  });
  if (variant === 'drop') out.push({ id: '__no_such_doc__', spans: [{ start: 0, end: 1, label }] });
  return out;
}

const VARIANTS = ['gold', 'shift', 'drop', 'noise']; // empty predictions: see score.test.ts

function buildJobs(dir: string): { jobs: Job[]; gold: Map<string, GoldDoc[]> } {
  const jobs: Job[] = [];
  const goldByCorpus = new Map<string, GoldDoc[]>();
  const corpora = fs
    .readdirSync(DATA)
    .filter((c) => fs.existsSync(path.join(DATA, c, 'dev.jsonl')))
    .sort();
  for (const corpus of corpora) {
    const file = path.join(DATA, corpus, 'dev.jsonl');
    const gold = readJsonl<GoldDoc>(file);
    goldByCorpus.set(corpus, gold);
    for (const spec of [...applicableTasks(gold), ...extraSpecs(gold)]) {
      const name0 = `${corpus}/${specName(spec)}`;
      const base = basePred(spec, gold, mulberry32(seedOf(name0)), true);
      for (const variant of VARIANTS) {
        const name = `${name0}/${variant}`;
        const pred =
          variant === 'gold' ? basePred(spec, gold, mulberry32(0), false) : perturb(variant, spec, gold, base, mulberry32(seedOf(name)));
        const predFile = path.join(dir, `${jobs.length}.jsonl`);
        fs.writeFileSync(predFile, pred.map((l) => JSON.stringify(l)).join('\n') + '\n');
        jobs.push({ name, corpus, gold: [file], pred: predFile, options: spec });
      }
    }
  }
  return { jobs, gold: goldByCorpus };
}

interface RefOut {
  name: string;
  result: ScoreResult;
  text: string;
}

const describeIf = available ? describe : describe.skip;
if (!available) {
  test.skip(`agreement with the reference scorer: ${DATA} or ${REF} not found`, () => undefined);
}

describeIf('eval/score.ts agrees with the reference scorer on every dev corpus', () => {
  let dir = '';
  let jobs: Job[] = [];
  let goldByCorpus = new Map<string, GoldDoc[]>();
  let ref = new Map<string, RefOut>();
  let refDone: Promise<Map<string, RefOut>> = Promise.resolve(ref);

  const t0 = Date.now();
  const timing: string[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-score-agree-'));
    ({ jobs, gold: goldByCorpus } = buildJobs(dir));
    const jobsFile = path.join(dir, 'jobs.json');
    fs.writeFileSync(jobsFile, JSON.stringify(jobs.map((j) => ({ ...j, goldName: j.corpus }))));
    timing.push(`jobs built ${Date.now() - t0} ms`);
    // the reference runs in a child process while this process scores the same jobs (2 cores)
    refDone = new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(REPO, 'eval', 'check-scorer.mjs'), '--jobs', jobsFile, '--ref', REF],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
        (err, stdout, stderr) => {
          timing.push(`reference done ${Date.now() - t0} ms`);
          if (err) reject(new Error(`check-scorer failed: ${err.message}\n${stderr}`));
          else resolve(new Map((JSON.parse(stdout) as RefOut[]).map((r) => [r.name, r])));
        },
      );
    });
    refDone.catch(() => undefined); // reported by the tests that await it
  }, 60_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('identical results and reports for every corpus, task and perturbation', async () => {
    expect(jobs.length).toBeGreaterThan(50);
    const mine = new Map<string, ScoreResult>();
    for (const job of jobs) {
      const gold = goldByCorpus.get(job.corpus) ?? [];
      mine.set(job.name, score({ ...job.options, gold, pred: readJsonl<PredLine>(job.pred) }));
    }
    timing.push(`eval/score.ts done ${Date.now() - t0} ms`);
    ref = await refDone;
    const report: string[] = [];
    const mismatches: string[] = [];
    for (const job of jobs) {
      const ours = mine.get(job.name) as ScoreResult;
      const theirs = ref.get(job.name);
      expect(theirs).toBeDefined();
      if (!theirs) continue;
      const a = JSON.stringify(ours),
        b = JSON.stringify(theirs.result);
      const ta = formatResult(ours, job.corpus);
      if (a !== b || ta !== theirs.text) mismatches.push(`${job.name}\n  ts : ${a}\n  ref: ${b}\n  ts : ${ta}\n  ref: ${theirs.text}`);
      report.push(`# ${job.name}\n${ta}`);
    }
    if (process.env.SCORER_AGREE_REPORT)
      fs.writeFileSync(
        process.env.SCORER_AGREE_REPORT,
        report.join('\n') + `\n# ${jobs.length} jobs, ${mismatches.length} mismatches; ${timing.join(', ')}\n`,
      );
    expect(mismatches).toEqual([]);
  }, 60_000);

  test('gold as prediction scores 1', async () => {
    ref = await refDone;
    const golds = jobs.filter((j) => j.name.endsWith('/gold'));
    expect(golds.length).toBeGreaterThan(0);
    for (const job of golds) {
      const m = ref.get(job.name)?.result.metrics;
      const main =
        m?.span_overlap?.f1 ?? m?.agentless?.f1 ?? m?.ratio30?.f1 ?? m?.sentence?.macro_f1 ?? m?.frames?.micro_f1 ?? m?.density?.spearman;
      expect([job.name, main]).toEqual([job.name, 1]);
    }
  }, 60_000);

  test('the perturbations exercise the edge cases (invalid, blank, duplicate lines, missing docs)', async () => {
    ref = await refDone;
    const r = (name: string) => ref.get(name)?.result;
    const noise = jobs.filter((j) => j.name.endsWith('/noise')).map((j) => r(j.name));
    expect(noise.some((x) => (x?.invalid_pred_spans ?? 0) > 0)).toBe(true);
    expect(noise.some((x) => (x?.pred_units_without_weight ?? 0) > 0)).toBe(true);
    const drop = jobs.filter((j) => j.name.endsWith('/drop')).map((j) => r(j.name));
    expect(drop.every((x) => (x?.pred_docs_extra ?? 0) === 1)).toBe(true);
    expect(drop.some((x) => (x?.pred_duplicate_lines ?? 0) > 0)).toBe(true);
    expect(drop.some((x) => (x?.pred_docs_missing ?? 0) > 0)).toBe(true);
  }, 60_000);
});
