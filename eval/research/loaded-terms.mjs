#!/usr/bin/env node
// Measures candidate loaded-language terms against the annotated dev corpora and builds
// lexicons/en/loaded-language.json from the measurements.
//
//   node eval/research/loaded-terms.mjs [dataDir] [--folds 5] [--write] [--mine] [--scorer FILE]
//
// * dataDir: folder with ptc_semeval2020/, babe/, mbic/ (default ../shared/data beside the repo, or
//   /work/shared/data). Only dev.jsonl files are read.
// * Candidates: the vocabulary in loaded-vocabulary.mjs (written by us) and, with --mine, lemma+POS keys found
//   inside gold spans are printed for manual review (approved ones are added to the vocabulary by hand).
//   No third-party word list is copied into the lexicon (AFINN-165 is ODbL-licensed; reading it at runtime
//   was measured and rejected, see lexicons/en/loaded-language.md).
// * --folds-out DIR: also writes DIR/fold-K.json (weights estimated without fold K) and DIR/all.json, read by
//   eval/research/loaded-cv.ts to cross-validate the analyzer itself. --no-cv skips the lexicon-level CV tables.
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
import { loadCorpora, compile, matchTokens, foldOf, termTokens } from './loaded-corpus.mjs';
import { GROUPS } from './loaded-vocabulary.mjs';

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
  else if (a === '--grid') opt.grid = true;
  else if (a === '--folds-out') opt.foldsOut = argv[++i];
  else if (a === '--no-cv') opt.noCv = true;
  else if (!a.startsWith('--')) opt.dataDir = a;
}
if (!opt.dataDir) {
  const cands = [path.resolve(REPO, '..', 'shared', 'data'), '/work/shared/data'];
  opt.dataDir = cands.find((d) => fs.existsSync(d)) || cands[0];
}
if (!opt.scorer) opt.scorer = path.resolve(opt.dataDir, '..', 'eval', 'score.mjs');
const { score } = await import(pathToFileURL(opt.scorer).href);

export const CORPORA = ['ptc_semeval2020', 'babe', 'mbic'];
const SHORT = { ptc_semeval2020: 'ptc', babe: 'babe', mbic: 'mbic' };
const MIN_WEIGHT = 0.1; // entries whose weight is below this are left out of the lexicon
const FLOOR_MAX_EVIDENCE = 10; // an editorial weight floor applies only below this many occurrences

// ------------------------------------------------------------------------------------------ candidates
const kebab = (s) =>
  s
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function parseItems(text) {
  const out = [];
  for (let raw of text.split(/,|\n/)) {
    raw = raw.trim();
    if (!raw) continue;
    let alts = null;
    const gt = raw.indexOf('>');
    if (gt >= 0) {
      alts = raw
        .slice(gt + 1)
        .split('/')
        .map((s) => s.trim())
        .filter(Boolean);
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
    const terms = raw
      .split('|')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    out.push({ terms, alts, pos, match });
  }
  return out;
}

/** Compiled identity of a term: match mode + its token keys (what the matcher compares). */
function termKey(term, match) {
  return (
    match +
    ':' +
    termTokens(term)
      .map((t) => (match === 'lemma' ? t.lemma : t.normal))
      .join(' ')
  );
}

export function buildCandidates() {
  const entries = [];
  const byKey = new Map();
  const byText = new Map(); // the same written term may appear in only one entry
  const ids = new Set();
  const add = (e) => {
    // variants that compile to the same term (wink maps British spellings and inflections onto one
    // lemma/normal) are listed once
    const seenKeys = new Set();
    e.terms = e.terms.filter((t) => {
      const k = termKey(t, e.match);
      if (seenKeys.has(k)) return false;
      seenKeys.add(k);
      return true;
    });
    // merge with an existing entry that has the same compiled term
    for (const t of e.terms) {
      const k = termKey(t, e.match);
      const prev = byKey.get(k) || byText.get(t);
      if (prev) {
        // same term already present: widen its POS restriction instead of duplicating it
        if (!prev.pos || !e.pos) prev.pos = null;
        else prev.pos = [...new Set([...prev.pos, ...e.pos])];
        if (!prev.alternatives && e.alternatives) prev.alternatives = e.alternatives;
        prev.floor = Math.max(prev.floor || 0, e.floor || 0);
        e.terms = e.terms.filter((x) => x !== t);
      }
    }
    if (!e.terms.length) return;
    for (const t of e.terms) {
      byKey.set(termKey(t, e.match), e);
      byText.set(t, e);
    }
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
    const items = parseItems(g.terms);
    // lemmas of the group's single words, to drop listed inflections ("thugs" next to "thug")
    const groupLemmas = new Set(items.flatMap((it) => it.terms).filter((t) => termTokens(t).length === 1 && termTokens(t)[0].lemma === t));
    for (const it of items) {
      let match = g.match || it.match;
      const single = it.terms.every((t) => termTokens(t).length === 1);
      if (single && match === 'lemma' && g.category !== 'charged-verb') {
        // wink's lemma of a non-verb word may merge it with another word (best -> good, woke -> wake,
        // crushing -> crush): an inflection of another word of the group is dropped, otherwise the
        // surface form is matched exactly.
        it.terms = it.terms.filter((t) => {
          const l = termTokens(t)[0].lemma;
          return l === t || !groupLemmas.has(l);
        });
        if (!it.terms.length) continue;
        if (it.terms.some((t) => termTokens(t)[0].lemma !== t)) match = 'normal';
      }
      const pos = it.pos || (single && g.pos ? g.pos : null);
      add({
        terms: it.terms,
        match,
        pos,
        category: g.category,
        explanation: g.explanation,
        alternatives: it.alts || g.alternatives || null,
        source: 'slant',
        group: g.id,
        origin: g.origin || 'vocab',
        floor: g.floor || 0,
      });
    }
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
export function matchAll(C, entries) {
  const compiled = compile(entries);
  const recs = {};
  for (const name of Object.keys(C)) {
    recs[name] = [];
    C[name].docs.forEach((d, di) => {
      for (const m of matchTokens(d.toks, compiled, d.text)) {
        recs[name].push({
          di,
          start: m.start,
          end: m.end,
          e: m.entry,
          hit: hitsGold(d, m.start, m.end),
          quoted: m.quoted,
          fold: d.fold,
          pos: d.toks[m.tokEnd - 1].pos,
          title: d.toks[m.tokStart].start < d.text.indexOf('\n') >>> 0,
        });
      }
    });
  }
  return recs;
}

/** n / hits per entry per corpus, from match records; `keep(rec)` filters (e.g. by fold). */
export function countStats(recs, keep = () => true) {
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
 * Empirical-Bayes weights. For corpus c:
 *   cat_c    = hits / occurrences over the vocabulary entries (origin 'vocab') of the entry's category
 *   prior_c  = for a vocabulary entry: its group's precision shrunk toward cat_c,
 *              (h_group + A_GROUP * cat_c) / (n_group + A_GROUP);
 *              for an entry reviewed from measurements ('mined'): cat_c (its group was selected for high
 *              precision, so the group's own rate would be biased upwards);
 *   p_c      = (h_c + aPrior * prior_c) / (n_c + aPrior)
 *   weight   = sum_c (n_c + aPool) * p_c / sum_c (n_c + aPool)
 * so an entry never seen in the corpora gets the prior of its group, and one seen often gets (close to)
 * its measured precision, pooled over corpora by how often it was seen in each.
 */
export const DEFAULTS = { aPrior: 2, aPool: 1, aGroup: 20 };
export function estimateWeights(entries, st, prm = DEFAULTS) {
  const acc = new Map();
  const addTo = (k, c) => {
    const p = acc.get(k) || { n: 0, h: 0 };
    p.n += c.n;
    p.h += c.h;
    acc.set(k, p);
  };
  for (const e of entries) {
    const s = st.get(e) || {};
    for (const name of CORPORA) {
      const c = s[name] || { n: 0, h: 0 };
      addTo(`group|${e.group}|${name}`, c);
      if (e.origin === 'vocab') addTo(`cat|${e.category}|${name}`, c);
    }
  }
  const rate = (k) => {
    const p = acc.get(k);
    return p && p.n ? p.h / p.n : 0;
  };
  const priorOf = (e, name) => {
    const cat = rate(`cat|${e.category}|${name}`);
    if (e.origin === 'mined') return cat;
    const g = acc.get(`group|${e.group}|${name}`) || { n: 0, h: 0 };
    return (g.h + prm.aGroup * cat) / (g.n + prm.aGroup);
  };
  const w = new Map();
  for (const e of entries) {
    const s = st.get(e) || {};
    let num = 0,
      den = 0;
    for (const name of CORPORA) {
      const p0 = priorOf(e, name);
      const c = s[name] || { n: 0, h: 0 };
      const pc = (c.h + prm.aPrior * p0) / (c.n + prm.aPrior);
      num += (c.n + prm.aPool) * pc;
      den += c.n + prm.aPool;
    }
    let wt = den ? num / den : 0;
    // editorial floor (puffery and set exaggerations, which the corpora barely contain): applies only while
    // the corpora hold too little evidence to measure the entry
    const nAll = CORPORA.reduce((a, c) => a + (s[c] ? s[c].n : 0), 0);
    if (e.floor && nAll < FLOOR_MAX_EVIDENCE) wt = Math.max(wt, e.floor);
    w.set(e, wt);
  }
  return w;
}

/** Entries below MIN_WEIGHT are left out: annotators (almost) never mark them, or their group's prior is that low. */
export function dropped(e, w) {
  return w.get(e) < MIN_WEIGHT;
}

// ------------------------------------------------------------------------------------------ scoring
function predFor(docs, recsByDoc, thr, { outsideQuotes = false } = {}) {
  return docs.map((d) => {
    const rs = (recsByDoc.get(d) || []).filter((r) => r.w >= thr && (!outsideQuotes || !r.quoted));
    return {
      id: d.id,
      spans: rs.map((r) => ({ start: r.start, end: r.end, label: 'loaded' })),
      doc: { positive: rs.some((r) => !r.quoted) },
    };
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
  const sp = acc.span,
    w = acc.word;
  const spP = sp.pred_units ? sp.pred_hit / sp.pred_units : 0,
    spR = sp.gold_units ? sp.gold_hit / sp.gold_units : 0;
  const wP = w.tp + w.fp ? w.tp / (w.tp + w.fp) : 0,
    wR = w.tp + w.fn ? w.tp / (w.tp + w.fn) : 0;
  const out = { span: { p: spP, r: spR, f1: f1(spP, spR) }, word: { p: wP, r: wR, f1: f1(wP, wR) } };
  if (acc.sent) {
    const s = acc.sent;
    const pp = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0,
      pr = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
    const np = s.tn + s.fn ? s.tn / (s.tn + s.fn) : 0,
      nr = s.tn + s.fp ? s.tn / (s.tn + s.fp) : 0;
    out.sentence = { macro_f1: (f1(pp, pr) + f1(np, nr)) / 2, pos_rate: (s.tp + s.fp) / (s.tp + s.fp + s.tn + s.fn) };
  }
  return out;
}

// ------------------------------------------------------------------------------------------ main
const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const t0 = Date.now();
  const log = (...a) => {
    if (!opt.quiet) console.error(...a);
  };
  const C = loadCorpora(opt.dataDir, CORPORA);
  for (const c of Object.values(C)) for (const d of c.docs) d.fold = foldOf((d.meta && d.meta.split_key) || d.id, opt.folds);
  log(`loaded ${Object.keys(C).join(', ')} in ${Date.now() - t0} ms`);

  const entries = buildCandidates();
  log(
    `${entries.length} candidate entries (${entries.filter((e) => e.origin === 'vocab').length} vocabulary, ${entries.filter((e) => e.origin === 'mined').length} reviewed)`,
  );
  const recs = matchAll(C, entries);

  // full-data stats and weights
  const stAll = countStats(recs);
  const wAll = estimateWeights(entries, stAll, DEFAULTS);

  const THRESHOLDS = [0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4, 0.5];
  const SETS = { all: (_e) => true, vocab: (e) => e.origin === 'vocab' };

  /**
   * K-fold cross-validation by document: weights from the other folds, scored on the held-out fold.
   * Returns set -> corpus -> threshold -> summed counts. `outsideQuotes` drops matches inside quotation marks
   * (the writer's voice only) for the span and word metrics too.
   */
  function crossValidate(prm, sets, { outsideQuotes = false } = {}) {
    const cv = {};
    for (let f = 0; f < opt.folds; f++) {
      const st = countStats(recs, (r) => r.fold !== f);
      const w = estimateWeights(entries, st, prm);
      for (const [setName, inSet] of Object.entries(sets)) {
        for (const name of Object.keys(C)) {
          const docs = C[name].docs.filter((d) => d.fold === f);
          const byDoc = new Map();
          for (const r of recs[name]) {
            if (r.fold !== f || !inSet(r.e) || dropped(r.e, w)) continue;
            const d = C[name].docs[r.di];
            if (!byDoc.has(d)) byDoc.set(d, []);
            byDoc.get(d).push({ ...r, w: w.get(r.e) });
          }
          for (const thr of THRESHOLDS) {
            const acc = (((cv[setName] ||= {})[name] ||= {})[thr] ||= {});
            sumInto(acc, metricsFor(name, docs, predFor(docs, byDoc, thr, { outsideQuotes })));
          }
        }
      }
    }
    return cv;
  }

  function bestOf(cvSet) {
    const out = {};
    for (const [name, byThr] of Object.entries(cvSet)) {
      for (const [thr, acc] of Object.entries(byThr)) {
        const m = finish(acc);
        const cand = { span: m.span.f1, word: m.word.f1, ...(m.sentence ? { sentence: m.sentence.macro_f1 } : {}) };
        for (const [k, v] of Object.entries(cand)) {
          const key = `${SHORT[name]}.${k}`;
          if (!out[key] || v > out[key].v) out[key] = { v, thr: +thr };
        }
      }
    }
    return out;
  }

  if (opt.grid) {
    for (const aGroup of [5, 20, 100])
      for (const aPrior of [2, 4, 8])
        for (const aPool of [1, 5]) {
          const b = bestOf(crossValidate({ aPrior, aPool, aGroup }, { all: SETS.all }).all);
          console.log(
            `aGroup=${aGroup} aPrior=${aPrior} aPool=${aPool} ` +
              ['ptc.span', 'babe.word', 'mbic.word', 'babe.sentence'].map((k) => `${k}=${b[k].v.toFixed(3)}@${b[k].thr}`).join(' '),
          );
        }
    process.exit(0);
  }

  const fmt = (x) => (x == null ? ' n/a ' : x.toFixed(3));
  if (!opt.noCv) {
    const cv = crossValidate(DEFAULTS, SETS);
    const cvQ = crossValidate(DEFAULTS, { all: SETS.all }, { outsideQuotes: true });

    const lines = [];
    const table = (title, cvSet, names = Object.keys(C)) => {
      lines.push(`\n### ${title}`);
      lines.push('| corpus | thr | span P | span R | span F1 | word P | word R | word F1 | sent macro-F1 | sent pos rate |');
      lines.push('|---|---|---|---|---|---|---|---|---|---|');
      for (const name of names) {
        for (const thr of THRESHOLDS) {
          const m = finish(cvSet[name][thr]);
          lines.push(
            `| ${SHORT[name]} | ${thr} | ${fmt(m.span.p)} | ${fmt(m.span.r)} | ${fmt(m.span.f1)} | ${fmt(m.word.p)} | ${fmt(m.word.r)} | ${fmt(m.word.f1)} | ${m.sentence ? fmt(m.sentence.macro_f1) : ''} | ${m.sentence ? fmt(m.sentence.pos_rate) : ''} |`,
          );
        }
      }
    };
    const bestLine = (label, b) =>
      lines.push(
        `| ${label} | ` +
          ['ptc.span', 'ptc.word', 'babe.word', 'mbic.word', 'babe.sentence', 'mbic.sentence']
            .map((k) => (b[k] ? `${b[k].v.toFixed(3)} @${b[k].thr}` : ''))
            .join(' | ') +
          ' |',
      );
    lines.push(`## Cross-validated estimates (${opt.folds} folds by document; weights estimated on the other folds)`);
    lines.push('\nBest F1 and the weight threshold that gives it:\n');
    lines.push(
      '| candidates | PTC span F1 | PTC word F1 | BABE word F1 | MBIC word F1 | BABE sentence macro-F1 | MBIC sentence macro-F1 |',
    );
    lines.push('|---|---|---|---|---|---|---|');
    for (const setName of Object.keys(SETS)) bestLine(setName, bestOf(cv[setName]));
    bestLine('all, outside quotes only', bestOf(cvQ.all));
    for (const setName of Object.keys(SETS)) table(`candidate set: ${setName}`, cv[setName]);
    table('candidate set: all, matches outside quotation marks only', cvQ.all);
    console.log(lines.join('\n'));
  }

  // ---- per-entry diagnostics
  if (process.env.LOADED_DUMP)
    fs.writeFileSync(
      process.env.LOADED_DUMP,
      JSON.stringify(
        Object.fromEntries(
          Object.entries(recs).map(([n, rs]) => [
            n,
            rs.map((r) => [r.e.id, r.hit ? 1 : 0, r.pos, r.quoted ? 1 : 0, r.title ? 1 : 0, r.fold]),
          ]),
        ),
      ),
    );

  const kept = entries.filter((e) => !dropped(e, wAll));
  log(`kept ${kept.length} of ${entries.length} entries (dropped ${entries.length - kept.length} measured below ${MIN_WEIGHT})`);
  fs.mkdirSync(path.join(REPO, 'scratch', 'loaded'), { recursive: true });
  const diag = entries.map((e) => {
    const s = stAll.get(e) || {};
    const row = {
      id: e.id,
      terms: e.terms.join('|'),
      cat: e.category,
      origin: e.origin,
      w: +wAll.get(e).toFixed(3),
      dropped: dropped(e, wAll),
    };
    for (const c of CORPORA) row[SHORT[c]] = s[c] ? `${s[c].h}/${s[c].n}` : '0/0';
    return row;
  });
  fs.writeFileSync(
    path.join(REPO, 'scratch', 'loaded', 'entries.tsv'),
    [
      'id\tterms\tcat\torigin\tw\tdropped\tptc\tbabe\tmbic',
      ...diag.map((r) => [r.id, r.terms, r.cat, r.origin, r.w, r.dropped, r.ptc, r.babe, r.mbic].join('\t')),
    ].join('\n'),
  );

  // ---- writing the lexicon
  const LEXICON = path.join(REPO, 'lexicons', 'en', 'loaded-language.json');
  function lexiconJson(kept, wAll, stAll) {
    const out = {
      $schema: '../schema.json',
      id: 'en/loaded-language',
      version: '1.0.0',
      language: 'en',
      description:
        'Words and phrases that carry judgement or emotion beyond the fact reported: charged verbs, adjectives and nouns, labels, exaggeration, minimisation, puffery, intensifiers and evaluative superlatives. Weights are the measured share of occurrences that annotators marked as loaded (see loaded-language.md).',
      license: 'MIT',
      sources: [
        {
          id: 'slant',
          title: 'Written by the slant maintainers; weights measured on annotated research corpora (PTC, BABE, MBIC dev splits)',
          url: 'https://github.com/slant/slant/blob/main/lexicons/en/loaded-language.md',
        },
      ],
      entries: [],
    };
    const CAT_ORDER = [
      'charged-verb',
      'charged-adjective',
      'charged-noun',
      'label',
      'exaggeration',
      'minimisation',
      'puffery',
      'intensifier',
      'superlative',
    ];
    const list = kept.slice().sort((a, b) => CAT_ORDER.indexOf(a.category) - CAT_ORDER.indexOf(b.category) || a.id.localeCompare(b.id));
    for (const e of list) {
      const s = stAll.get(e) || {};
      const stats = {};
      for (const c of CORPORA) {
        if (!s[c]) continue;
        stats[`${SHORT[c]}_n`] = s[c].n;
        stats[`${SHORT[c]}_hits`] = s[c].h;
        stats[`${SHORT[c]}_precision`] = +(s[c].h / s[c].n).toFixed(3);
      }
      const entry = { id: e.id, terms: e.terms, match: e.match };
      if (e.pos) entry.pos = e.pos;
      Object.assign(entry, { category: e.category, weight: +wAll.get(e).toFixed(2), explanation: e.explanation });
      if (e.alternatives && e.alternatives.length) entry.alternatives = e.alternatives;
      entry.source = e.source;
      if (e.unless) entry.unless = e.unless;
      entry.stats = stats;
      out.entries.push(entry);
    }
    return out;
  }

  /** The README's content checks, so the file we write passes the library's validation. */
  function validate(lex) {
    const problems = [];
    const ids = new Set(),
      terms = new Map(),
      sources = new Set(lex.sources.map((x) => x.id));
    const UPOS = new Set([
      'ADJ',
      'ADP',
      'ADV',
      'AUX',
      'CCONJ',
      'DET',
      'INTJ',
      'NOUN',
      'NUM',
      'PART',
      'PRON',
      'PROPN',
      'PUNCT',
      'SCONJ',
      'SYM',
      'VERB',
      'X',
      'SPACE',
    ]);
    for (const e of lex.entries) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id)) problems.push(`${e.id}: id is not kebab-case`);
      if (ids.has(e.id)) problems.push(`${e.id}: duplicate id`);
      ids.add(e.id);
      if (!sources.has(e.source)) problems.push(`${e.id}: unknown source ${e.source}`);
      if (!(e.weight >= 0 && e.weight <= 1)) problems.push(`${e.id}: weight ${e.weight}`);
      for (const t of e.terms) {
        if (!/[\p{L}\p{N}]/u.test(t)) problems.push(`${e.id}: term "${t}" has no word`);
        if (terms.has(t)) problems.push(`${e.id}: term "${t}" also in ${terms.get(t)}`);
        terms.set(t, e.id);
      }
      if (e.pos) {
        for (const p of e.pos) if (!UPOS.has(p)) problems.push(`${e.id}: unknown pos ${p}`);
        const heads = e.terms.map((t) => termTokens(t).at(-1).pos);
        if (e.pos && heads.every((h) => h === 'PUNCT')) problems.push(`${e.id}: pos restriction on punctuation`);
      }
    }
    return problems;
  }

  // Per-fold lexicons for cross-validating the analyzer itself (eval/research/loaded-cv.ts): fold-K.json has the
  // weights estimated without the documents of fold K, in the same format as the shipped lexicon.
  if (opt.foldsOut) {
    fs.mkdirSync(opt.foldsOut, { recursive: true });
    for (let f = 0; f < opt.folds; f++) {
      const st = countStats(recs, (r) => r.fold !== f);
      const w = estimateWeights(entries, st, DEFAULTS);
      const lex = lexiconJson(
        entries.filter((e) => w.get(e) >= MIN_WEIGHT),
        w,
        st,
      );
      fs.writeFileSync(path.join(opt.foldsOut, `fold-${f}.json`), JSON.stringify(lex));
    }
    fs.writeFileSync(path.join(opt.foldsOut, 'all.json'), JSON.stringify(lexiconJson(kept, wAll, stAll)));
    log(`wrote ${opt.folds} fold lexicons and all.json to ${opt.foldsOut}`);
  }

  if (opt.write) {
    const lex = lexiconJson(kept, wAll, stAll);
    const problems = validate(lex);
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exit(1);
    }
    // one entry per line: compact, and diffs show which entries changed
    const head = JSON.stringify({ ...lex, entries: [] }, null, 2).replace(/"entries": \[\]\n}$/, '');
    fs.writeFileSync(LEXICON, head + '"entries": [\n' + lex.entries.map((e) => '    ' + JSON.stringify(e)).join(',\n') + '\n  ]\n}\n');
    log(`wrote ${path.relative(REPO, LEXICON)}: ${lex.entries.length} entries`);
    // Score the written file exactly as the analyzer will read it: compile from the JSON, match every doc,
    // write PRED files, run the reference scorer CLI.
    const fromJson = JSON.parse(fs.readFileSync(LEXICON, 'utf8')).entries;
    const compiled = compile(fromJson);
    const predDir = path.join(REPO, 'scratch', 'loaded');
    const rows = [];
    const run = (args) =>
      JSON.parse(execFileSync(process.execPath, [opt.scorer, ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    for (const thr of [0, ...THRESHOLDS]) {
      for (const name of Object.keys(C)) {
        for (const quotes of [false, true]) {
          if (quotes && name === 'ptc_semeval2020') continue;
          const file = path.join(predDir, `pred-${SHORT[name]}-${thr}${quotes ? '-outside-quotes' : ''}.jsonl`);
          const pl = C[name].docs.map((d) => {
            const ms = matchTokens(d.toks, compiled, d.text).filter((m) => m.entry.weight >= thr && (!quotes || !m.quoted));
            return JSON.stringify({
              id: d.id,
              spans: ms.map((m) => ({ start: m.start, end: m.end, label: 'loaded' })),
              doc: { positive: ms.some((m) => !m.quoted) },
            });
          });
          fs.writeFileSync(file, pl.join('\n') + '\n');
          const gold = path.join(opt.dataDir, name, 'dev.jsonl');
          const r = run(['--task', 'loaded', '--gold', gold, '--pred', file]).metrics;
          const row = { corpus: SHORT[name] + (quotes ? ' (outside quotes)' : ''), thr, span: r.span_overlap, word: r.word };
          if (name !== 'ptc_semeval2020' && !quotes)
            row.sentence = run([
              '--task',
              'sentence',
              '--gold',
              gold,
              '--pred',
              file,
              '--gold-key',
              'label_bias',
              '--gold-pos',
              'Biased',
            ]).metrics.sentence;
          rows.push(row);
        }
      }
    }
    const L = [
      '\n## Reference scorer on the written lexicon (all dev data; in-sample for the measured weights)\n',
      '| corpus | weight >= | span P | span R | span F1 | word P | word R | word F1 | sentence macro-F1 | sentence acc |',
      '|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const r of rows)
      L.push(
        `| ${r.corpus} | ${r.thr} | ${fmt(r.span.p)} | ${fmt(r.span.r)} | ${fmt(r.span.f1)} | ${fmt(r.word.p)} | ${fmt(r.word.r)} | ${fmt(r.word.f1)} | ${r.sentence ? fmt(r.sentence.macro_f1) : ''} | ${r.sentence ? fmt(r.sentence.accuracy) : ''} |`,
      );
    console.log(L.join('\n'));

    // the project's reference article: what the lexicon flags (our own example text, not corpus data)
    const ex = path.resolve(opt.dataDir, '..', 'examples', 's400-india.txt');
    if (fs.existsSync(ex)) {
      const text = fs.readFileSync(ex, 'utf8');
      const ms = matchTokens((await import('./loaded-corpus.mjs')).tokenize(text), compiled, text);
      console.log(`\n## ${path.basename(ex)}: ${ms.length} matches\n`);
      console.log(ms.map((m) => `${text.slice(m.start, m.end)} (${m.entry.id}, ${m.entry.category}, ${m.entry.weight})`).join('; '));
    }
  }

  // ---- mining: lemma+POS keys inside gold spans not covered by a candidate
  if (opt.mine) {
    const covered = new Set();
    for (const e of entries) for (const t of e.terms) covered.add(termKey(t, e.match).replace(/^lemma:/, ''));
    const st = new Map();
    // bigrams of words (lemmas) inside one sentence, both words inside gold for a hit
    for (const [name, c] of Object.entries(C)) {
      for (const d of c.docs)
        for (let i = 0; i + 1 < d.toks.length; i++) {
          const a = d.toks[i],
            b = d.toks[i + 1];
          if (!a.word || !b.word || a.sent !== b.sent) continue;
          const k = a.lemma + ' ' + b.lemma + '|BIGRAM';
          if (covered.has(a.lemma + ' ' + b.lemma)) continue;
          let s = st.get(k);
          if (!s) st.set(k, (s = {}));
          const x = (s[name] ||= { n: 0, h: 0 });
          x.n++;
          if (a.gold && b.gold) x.h++;
        }
    }
    for (const [name, c] of Object.entries(C)) {
      for (const d of c.docs)
        for (const t of d.toks) {
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
      let n = 0,
        h = 0,
        num = 0,
        den = 0;
      for (const c of CORPORA)
        if (s[c]) {
          n += s[c].n;
          h += s[c].h;
          num += (s[c].n + 1) * ((s[c].h + 0.2) / (s[c].n + 4));
          den += s[c].n + 1;
        }
      const p = num / den;
      if (h >= 3 && p >= 0.2) rows.push([k, p.toFixed(2), h, n, CORPORA.map((c) => (s[c] ? `${s[c].h}/${s[c].n}` : '-')).join(' ')]);
    }
    rows.sort((a, b) => b[2] * b[1] - a[2] * a[1]);
    fs.writeFileSync(path.join(REPO, 'scratch', 'loaded', 'mined.tsv'), rows.map((r) => r.join('\t')).join('\n'));
    log(`mined ${rows.length} uncovered keys -> scratch/loaded/mined.tsv`);
  }

  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
