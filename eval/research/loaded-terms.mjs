#!/usr/bin/env node
// Measures candidate loaded-language terms against the annotated dev corpora and builds
// lexicons/en/loaded-language.json from the measurements.
//
//   node eval/research/loaded-terms.mjs [dataDir] [--folds 5] [--write] [--mine] [--scorer FILE]
//
// * dataDir: folder with ptc_semeval2020/, babe/, mbic/ (default ../shared/data beside the repo, or
//   /work/shared/data). Only dev.jsonl files are read.
// * Candidates: the vocabulary in loaded-vocabulary.mjs (written by us), AFINN-165 words with |score| >= 2
//   (as shipped in the `sentiment` package), and, with --mine, lemma+POS keys found inside gold spans are
//   printed for manual review (approved ones are added to the vocabulary by hand).
// * For each candidate entry: occurrences and occurrences inside a gold span (per corpus), precision.
// * Weights: empirical-Bayes precision (see estimateWeights); cross-validated by document: weights are
//   estimated on K-1 folds and the lexicon is scored on the held-out fold with the reference scorer's code.
// * --write: writes lexicons/en/loaded-language.json (weights and stats from all dev data) and scores the
//   written file with the reference scorer CLI (PRED files go to scratch/loaded/).
//
// The matching semantics are the analyzer's (see loaded-corpus.mjs). Corpus text is never written out.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { loadCorpora, compile, matchTokens, foldOf, termTokens } from './loaded-corpus.mjs';
import { GROUPS } from './loaded-vocabulary.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

// ------------------------------------------------------------------------------------------ options
const argv = process.argv.slice(2);
const opt = { folds: 5, write: false, mine: false, dataDir: null, scorer: null, quiet: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--folds') opt.folds = Number(argv[++i]);
  else if (a === '--write') opt.write = true;
  else if (a === '--mine') opt.mine = true;
  else if (a === '--scorer') opt.scorer = argv[++i];
  else if (a === '--quiet') opt.quiet = true;
  else if (!a.startsWith('--')) opt.dataDir = a;
}
if (!opt.dataDir) {
  const cands = [path.resolve(REPO, '..', 'shared', 'data'), '/work/shared/data'];
  opt.dataDir = cands.find((d) => fs.existsSync(d)) || cands[0];
}
if (!opt.scorer) opt.scorer = path.resolve(opt.dataDir, '..', 'eval', 'score.mjs');
const { score } = await import(pathToFileURL(opt.scorer).href);

const CORPORA = ['ptc_semeval2020', 'babe', 'mbic'];
const SHORT = { ptc_semeval2020: 'ptc', babe: 'babe', mbic: 'mbic' };
// Shrinkage strengths (pseudo-occurrences) of the empirical-Bayes estimate.
const A_PRIOR = 4; // per-corpus precision is pulled toward its category prior by this many occurrences
const A_POOL = 1; // corpora are pooled with weight (occurrences + A_POOL)
const MIN_WEIGHT = 0.1; // entries measured below this (with evidence) are dropped from the lexicon
const MIN_EVIDENCE = 8; // ... when they occur at least this often in the dev corpora together

// ------------------------------------------------------------------------------------------ candidates
const kebab = (s) => s.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function parseItems(text) {
  const out = [];
  for (let raw of text.split(/,|\n/)) {
    raw = raw.trim();
    if (!raw) continue;
    let alts = null;
    const gt = raw.indexOf('>');
    if (gt >= 0) {
      alts = raw.slice(gt + 1).split('/').map((s) => s.trim()).filter(Boolean);
      raw = raw.slice(0, gt).trim();
    }
    let pos = null;
    const pm = raw.match(/\[([A-Z,\s]+)\]\s*$/);
    if (pm) {
      pos = pm[1].split(',').map((s) => s.trim());
      raw = raw.slice(0, pm.index).trim();
    }
    let match = 'lemma';
    if (raw.startsWith('=')) {
      match = 'normal';
      raw = raw.slice(1);
    }
    const terms = raw.split('|').map((s) => s.trim().toLowerCase()).filter(Boolean);
    out.push({ terms, alts, pos, match });
  }
  return out;
}

/** Compiled identity of a term: match mode + its token keys (what the matcher compares). */
function termKey(term, match) {
  return match + ':' + termTokens(term).map((t) => (match === 'lemma' ? t.lemma : t.normal)).join(' ');
}

export function buildCandidates() {
  const entries = [];
  const byKey = new Map();
  const ids = new Set();
  const add = (e) => {
    // merge with an existing entry that has the same compiled term
    for (const t of e.terms) {
      const k = termKey(t, e.match);
      const prev = byKey.get(k);
      if (prev) {
        // same term already present: widen its POS restriction instead of duplicating it
        if (!prev.pos || !e.pos) prev.pos = null;
        else prev.pos = [...new Set([...prev.pos, ...e.pos])];
        if (!prev.alternatives && e.alternatives) prev.alternatives = e.alternatives;
        e.terms = e.terms.filter((x) => x !== t);
      }
    }
    if (!e.terms.length) return;
    for (const t of e.terms) byKey.set(termKey(t, e.match), e);
    let id = kebab(e.terms[0]);
    if (ids.has(id)) id = id + '-' + (e.pos ? e.pos[0].toLowerCase() : e.category);
    let n = 2;
    const base = id;
    while (ids.has(id)) id = base + '-' + n++;
    ids.add(id);
    e.id = id;
    entries.push(e);
  };
  for (const g of GROUPS) {
    for (const it of parseItems(g.terms)) {
      const single = it.terms.every((t) => termTokens(t).length === 1);
      const pos = it.pos || (single && g.pos ? g.pos : null);
      add({ terms: it.terms, match: it.match, pos, category: g.category, explanation: g.explanation,
        alternatives: it.alts || g.alternatives || null, source: 'slant', group: g.id, origin: g.origin || 'vocab' });
    }
  }
  // AFINN-165 words with |score| >= 2, grouped by lemma (inflections collapse onto one lemma entry)
  const afinn = require('sentiment/languages/en/labels.json');
  const groups = new Map();
  for (const [w, s] of Object.entries(afinn)) {
    if (Math.abs(s) < 2 || /[^a-z' -]/.test(w)) continue;
    const toks = termTokens(w);
    const k = 'lemma:' + toks.map((t) => t.lemma).join(' ');
    if (!groups.has(k)) groups.set(k, { words: [], score: s, pos: toks[toks.length - 1].pos });
    groups.get(k).words.push(w);
  }
  for (const [k, g] of groups) {
    if (byKey.has(k)) continue;
    const term = g.words.sort((a, b) => a.length - b.length)[0];
    const cat = g.pos === 'VERB' ? 'charged-verb' : g.pos === 'NOUN' ? 'charged-noun' : g.pos === 'ADV' ? 'intensifier' : 'charged-adjective';
    add({ terms: [term], match: 'lemma', pos: null, category: cat,
      explanation: `An emotionally ${g.score > 0 ? 'positive' : 'negative'} word (sentiment ${g.score > 0 ? '+' : ''}${g.score} in AFINN-165) that colours the report.`,
      alternatives: null, source: 'afinn-165', group: 'afinn', origin: 'afinn' });
  }
  return entries;
}

// ------------------------------------------------------------------------------------------ measuring
const NO_WEIGHT = /[\s"“”„‟«»‹›'‘’`]/u;
function hitsGold(d, s, e) {
  for (let i = s; i < e; i++) if (d.goldMask[i] && !NO_WEIGHT.test(d.text[i])) return true;
  return false;
}

/** Runs the matcher over every doc; returns match records per corpus. */
function matchAll(C, entries) {
  const compiled = compile(entries);
  const recs = {};
  for (const name of Object.keys(C)) {
    recs[name] = [];
    C[name].docs.forEach((d, di) => {
      for (const m of matchTokens(d.toks, compiled, d.text)) {
        recs[name].push({ di, start: m.start, end: m.end, e: m.entry, hit: hitsGold(d, m.start, m.end), quoted: m.quoted, fold: d.fold });
      }
    });
  }
  return recs;
}

/** n / hits per entry per corpus, from match records; `keep(rec)` filters (e.g. by fold). */
function countStats(recs, keep = () => true) {
  const st = new Map();
  for (const [name, rs] of Object.entries(recs)) {
    for (const r of rs) {
      if (!keep(r)) continue;
      let s = st.get(r.e);
      if (!s) st.set(r.e, (s = {}));
      const c = (s[name] ||= { n: 0, h: 0 });
      c.n++;
      if (r.hit) c.h++;
    }
  }
  return st;
}

/**
 * Empirical-Bayes weights. For corpus c and the entry's (origin, category):
 *   prior_c = hits / occurrences over all candidate entries of that origin and category in c
 *   p_c     = (h_c + A_PRIOR * prior_c) / (n_c + A_PRIOR)
 *   weight  = sum_c (n_c + A_POOL) * p_c / sum_c (n_c + A_POOL)
 * so an entry never seen in the corpora gets the average prior of its kind, and one seen often gets
 * (close to) its measured precision, pooled over corpora by how often it was seen in each.
 */
function estimateWeights(entries, st) {
  const prior = new Map();
  for (const e of entries) {
    const s = st.get(e) || {};
    for (const name of CORPORA) {
      const k = `${e.origin}|${e.category}|${name}`;
      const p = prior.get(k) || { n: 0, h: 0 };
      if (s[name]) {
        p.n += s[name].n;
        p.h += s[name].h;
      }
      prior.set(k, p);
    }
  }
  const w = new Map();
  for (const e of entries) {
    const s = st.get(e) || {};
    let num = 0, den = 0;
    for (const name of CORPORA) {
      const pr = prior.get(`${e.origin}|${e.category}|${name}`);
      const p0 = pr && pr.n ? pr.h / pr.n : 0;
      const c = s[name] || { n: 0, h: 0 };
      const pc = (c.h + A_PRIOR * p0) / (c.n + A_PRIOR);
      num += (c.n + A_POOL) * pc;
      den += c.n + A_POOL;
    }
    w.set(e, den ? num / den : 0);
  }
  return w;
}

/** Which entries to drop as "annotators almost never mark it". */
function dropped(e, w, st) {
  const s = st.get(e) || {};
  const n = CORPORA.reduce((a, c) => a + (s[c] ? s[c].n : 0), 0);
  return n >= MIN_EVIDENCE && w.get(e) < MIN_WEIGHT;
}

// ------------------------------------------------------------------------------------------ scoring
function predFor(docs, recsByDoc, thr, { outsideQuotes = false } = {}) {
  return docs.map((d) => {
    const rs = (recsByDoc.get(d) || []).filter((r) => r.w >= thr && (!outsideQuotes || !r.quoted));
    return { id: d.id, spans: rs.map((r) => ({ start: r.start, end: r.end, label: 'loaded' })), doc: { positive: rs.some((r) => !r.quoted) } };
  });
}

function metricsFor(name, docs, pred) {
  const m = score({ task: 'loaded', gold: docs, pred }).metrics;
  const out = { span: m.span_overlap, word: m.word };
  if (name === 'babe' || name === 'mbic') {
    const s = score({ task: 'sentence', gold: docs, pred, goldKey: 'label_bias', goldPos: 'Biased' }).metrics.sentence;
    out.sentence = s;
  }
  return out;
}

const sumInto = (acc, m) => {
  acc.span ||= { pred_hit: 0, pred_units: 0, gold_hit: 0, gold_units: 0 };
  acc.word ||= { tp: 0, fp: 0, fn: 0 };
  for (const k of Object.keys(acc.span)) acc.span[k] += m.span[k];
  for (const k of Object.keys(acc.word)) acc.word[k] += m.word[k];
  if (m.sentence) {
    acc.sent ||= { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const k of Object.keys(acc.sent)) acc.sent[k] += m.sentence[k];
  }
};
const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0);
function finish(acc) {
  const sp = acc.span, w = acc.word;
  const spP = sp.pred_units ? sp.pred_hit / sp.pred_units : 0, spR = sp.gold_units ? sp.gold_hit / sp.gold_units : 0;
  const wP = w.tp + w.fp ? w.tp / (w.tp + w.fp) : 0, wR = w.tp + w.fn ? w.tp / (w.tp + w.fn) : 0;
  const out = { span: { p: spP, r: spR, f1: f1(spP, spR) }, word: { p: wP, r: wR, f1: f1(wP, wR) } };
  if (acc.sent) {
    const s = acc.sent;
    const pp = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0, pr = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
    const np = s.tn + s.fn ? s.tn / (s.tn + s.fn) : 0, nr = s.tn + s.fp ? s.tn / (s.tn + s.fp) : 0;
    out.sentence = { macro_f1: (f1(pp, pr) + f1(np, nr)) / 2, pos_rate: (s.tp + s.fp) / (s.tp + s.fp + s.tn + s.fn) };
  }
  return out;
}

// ------------------------------------------------------------------------------------------ main
const t0 = Date.now();
const log = (...a) => { if (!opt.quiet) console.error(...a); };
const C = loadCorpora(opt.dataDir, CORPORA);
for (const c of Object.values(C)) for (const d of c.docs) d.fold = foldOf((d.meta && d.meta.split_key) || d.id, opt.folds);
log(`loaded ${Object.keys(C).join(', ')} in ${Date.now() - t0} ms`);

const entries = buildCandidates();
log(`${entries.length} candidate entries (${entries.filter((e) => e.origin === 'vocab').length} vocabulary, ${entries.filter((e) => e.origin === 'afinn').length} AFINN)`);
const recs = matchAll(C, entries);

// full-data stats and weights
const stAll = countStats(recs);
const wAll = estimateWeights(entries, stAll);

const THRESHOLDS = [0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4, 0.5];
const SETS = { all: (e) => true, vocab: (e) => e.origin !== 'afinn' };

// ---- cross-validation: weights from K-1 folds, scored on the held-out fold
const cv = {}; // set -> corpus -> thr -> acc
for (let f = 0; f < opt.folds; f++) {
  const st = countStats(recs, (r) => r.fold !== f);
  const w = estimateWeights(entries, st);
  for (const [setName, inSet] of Object.entries(SETS)) {
    for (const name of Object.keys(C)) {
      const docs = C[name].docs.filter((d) => d.fold === f);
      const byDoc = new Map();
      for (const r of recs[name]) {
        if (r.fold !== f || !inSet(r.e) || dropped(r.e, w, st)) continue;
        const d = C[name].docs[r.di];
        if (!byDoc.has(d)) byDoc.set(d, []);
        byDoc.get(d).push({ ...r, w: w.get(r.e) });
      }
      for (const thr of THRESHOLDS) {
        const acc = (((cv[setName] ||= {})[name] ||= {})[thr] ||= {});
        sumInto(acc, metricsFor(name, docs, predFor(docs, byDoc, thr)));
      }
    }
  }
}

const fmt = (x) => (x == null ? ' n/a ' : x.toFixed(3));
const lines = [];
lines.push(`# Loaded-language lexicon: ${opt.folds}-fold cross-validated estimates (weights estimated on the other folds)`);
for (const setName of Object.keys(SETS)) {
  lines.push(`\n## candidate set: ${setName}`);
  lines.push('| corpus | thr | span P | span R | span F1 | word P | word R | word F1 | sent macro-F1 | sent pos rate |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const name of Object.keys(C)) {
    for (const thr of THRESHOLDS) {
      const m = finish(cv[setName][name][thr]);
      lines.push(`| ${SHORT[name]} | ${thr} | ${fmt(m.span.p)} | ${fmt(m.span.r)} | ${fmt(m.span.f1)} | ${fmt(m.word.p)} | ${fmt(m.word.r)} | ${fmt(m.word.f1)} | ${m.sentence ? fmt(m.sentence.macro_f1) : ''} | ${m.sentence ? fmt(m.sentence.pos_rate) : ''} |`);
    }
  }
}
console.log(lines.join('\n'));

// ---- per-entry diagnostics
const kept = entries.filter((e) => !dropped(e, wAll, stAll));
log(`kept ${kept.length} of ${entries.length} entries (dropped ${entries.length - kept.length} measured below ${MIN_WEIGHT})`);
fs.mkdirSync(path.join(REPO, 'scratch', 'loaded'), { recursive: true });
const diag = entries.map((e) => {
  const s = stAll.get(e) || {};
  const row = { id: e.id, terms: e.terms.join('|'), cat: e.category, origin: e.origin, w: +wAll.get(e).toFixed(3), dropped: dropped(e, wAll, stAll) };
  for (const c of CORPORA) row[SHORT[c]] = s[c] ? `${s[c].h}/${s[c].n}` : '0/0';
  return row;
});
fs.writeFileSync(path.join(REPO, 'scratch', 'loaded', 'entries.tsv'),
  ['id\tterms\tcat\torigin\tw\tdropped\tptc\tbabe\tmbic', ...diag.map((r) => [r.id, r.terms, r.cat, r.origin, r.w, r.dropped, r.ptc, r.babe, r.mbic].join('\t'))].join('\n'));

// ---- mining: lemma+POS keys inside gold spans not covered by a candidate
if (opt.mine) {
  const covered = new Set();
  for (const e of entries) for (const t of e.terms) covered.add(termKey(t, e.match).replace(/^lemma:/, ''));
  const st = new Map();
  for (const [name, c] of Object.entries(C)) {
    for (const d of c.docs) for (const t of d.toks) {
      if (!t.word || covered.has(t.lemma)) continue;
      const k = t.lemma + '|' + t.pos;
      let s = st.get(k);
      if (!s) st.set(k, (s = {}));
      const x = (s[name] ||= { n: 0, h: 0 });
      x.n++;
      if (t.gold) x.h++;
    }
  }
  const rows = [];
  for (const [k, s] of st) {
    let n = 0, h = 0, num = 0, den = 0;
    for (const c of CORPORA) if (s[c]) { n += s[c].n; h += s[c].h; num += (s[c].n + 1) * ((s[c].h + 0.2) / (s[c].n + 4)); den += s[c].n + 1; }
    const p = num / den;
    if (h >= 3 && p >= 0.2) rows.push([k, p.toFixed(2), h, n, CORPORA.map((c) => (s[c] ? `${s[c].h}/${s[c].n}` : '-')).join(' ')]);
  }
  rows.sort((a, b) => b[2] * b[1] - a[2] * a[1]);
  fs.writeFileSync(path.join(REPO, 'scratch', 'loaded', 'mined.tsv'), rows.map((r) => r.join('\t')).join('\n'));
  log(`mined ${rows.length} uncovered keys -> scratch/loaded/mined.tsv`);
}

log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
