// Builds lexicons/en/certainty.json (hedge and booster cues written below) and measures the hedge cues
// against the Szeged uncertainty corpus (Wikipedia part, dev): epistemic + doxastic cue spans.
//
//   node eval/research/frames-hedges.mjs [--gold FILE] [--pred PRED.jsonl] [--no-write] [--per-term]
//
// Prints, for every hedge entry, how many matches it makes on dev and the share of them that overlap a
// gold epistemic/doxastic cue (its precision), then span-overlap P/R/F1 computed the way the reference
// scorer does (units overlap when they share a non-blank character), and a 2-fold estimate of the pruning
// rule "keep an entry when its precision on the other half is >= MIN_P". Writes the measured numbers into
// each entry's `stats`. Check with:
//   node /work/shared/eval/score.mjs --task loaded --gold-labels 'uncertainty_epistemic|uncertainty_doxastic' \
//        --pred-label hedge --gold /work/shared/data/szeged_wiki_uncertainty/dev.jsonl --pred PRED.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, readJsonl, compileLexicon, matchLexicon, termKey } from './frames-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (n, d) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : d;
};
const GOLD = opt('gold', '/work/shared/data/szeged_wiki_uncertainty/dev.jsonl');
const OUT = path.join(ROOT, 'lexicons/en/certainty.json');
const GOLD_LABELS = new Set(['uncertainty_epistemic', 'uncertainty_doxastic']);
const MIN_P = 0.35; // an entry with lower measured precision costs more F1 than it brings

const H = 'hedge',
  B = 'booster';
// [id, terms, category, weight, explanation, options]
const ENTRIES = [
  // --- modal verbs and adverbs of possibility (epistemic) ---
  ['may', ['may'], H, 0.6, 'A modal that presents the statement as possible rather than established.', { pos: ['AUX'] }],
  ['might', ['might'], H, 0.6, 'A modal that presents the statement as possible rather than established.', { pos: ['AUX'] }],
  [
    'could-be',
    ['could be', 'could have', 'could have been', 'could well'],
    H,
    0.4,
    'Presents a state or event as possible rather than established.',
    {},
  ],
  ['perhaps', ['perhaps', 'maybe'], H, 0.7, 'An adverb that marks the statement as a possibility.', {}],
  ['possibly', ['possibly', 'conceivably'], H, 0.7, 'An adverb that marks the statement as a possibility.', {}],
  [
    'possible-that',
    ['it is possible', 'it is possible that', 'possible that', 'it is conceivable'],
    H,
    0.6,
    'Frames the following claim as a possibility.',
    {},
  ],
  ['possibility', ['possibility', 'possibilities'], H, 0.5, 'Frames something as one possibility among others.', {}],
  [
    'probably',
    ['probably', 'in all likelihood', 'most likely', 'more likely', 'almost certainly'],
    H,
    0.6,
    'An adverb of probability: likely, not certain.',
    {},
  ],
  ['probable', ['probable', 'improbable'], H, 0.5, 'Marks the claim as probable rather than established.', {}],
  ['likely', ['likely', 'unlikely'], H, 0.6, 'Marks the claim as probable rather than established.', {}],
  ['presumably', ['presumably', 'presumed', 'presume', 'presumption'], H, 0.7, 'The claim is presumed, not shown.', {}],
  ['potentially', ['potentially'], H, 0.5, 'Marks an effect as possible rather than actual.', {}],
  // --- appearance and evidence ---
  ['seem', ['seem', 'seemingly'], H, 0.7, 'Reports how things appear, not how they are known to be.', {}],
  [
    'appear-to',
    ['appear to', 'appears to', 'appeared to', 'it appears', 'it appeared', 'would appear'],
    H,
    0.6,
    'Reports how things appear, not how they are known to be.',
    {},
  ],
  ['apparently', ['apparently', 'ostensibly'], H, 0.5, 'Reports how things appear, not how they are known to be.', {}],
  [
    'suggest',
    ['suggest', 'suggestion', 'suggestive of'],
    H,
    0.6,
    'Evidence is said to point toward the claim without establishing it.',
    {},
  ],
  [
    'indicate-that',
    ['indicate that', 'indicates that', 'indicated that', 'an indication that'],
    H,
    0.4,
    'Evidence is said to point toward the claim without establishing it.',
    {},
  ],
  ['imply', ['imply', 'implies'], H, 0.5, 'The claim is inferred rather than stated.', {}],
  [
    'no-evidence',
    ['no evidence', 'little evidence', 'no proof', 'no confirmation', 'unconfirmed', 'unproven', 'unverified', 'never been proven'],
    H,
    0.6,
    'Says the claim lacks support.',
    {},
  ],
  // --- unknowns and doubt ---
  [
    'unclear',
    ['unclear', 'not clear', 'uncertain', 'little is known', 'remains to be seen', 'remains unclear', 'not yet known', 'is not known'],
    H,
    0.6,
    'States that something is not known.',
    {},
  ],
  ['unknown', ['unknown', 'uncertainty', 'not known'], H, 0.3, 'States that something is not known (often just a missing detail).', {}],
  [
    'doubt',
    ['doubt', 'doubtful', 'questionable', 'dubious', 'debatable'],
    H,
    0.5,
    'Calls the claim into doubt.',
    { unless: { before: ['no', 'without', 'beyond'] } },
  ],
  ['disputed', ['disputed', 'dispute', 'contested'], H, 0.3, 'Says that a claim is contested.', {}],
  ['question', ['question', 'questioned'], H, 0.4, 'Calls the claim into doubt.', { pos: ['VERB'] }],
  [
    'speculate',
    ['speculate', 'speculation', 'speculative', 'hypothesize', 'hypothesise', 'theorize', 'postulate'],
    H,
    0.6,
    'Presents the claim as a guess or hypothesis.',
    {},
  ],
  ['hypothesis', ['hypothesis', 'hypothetical', 'conjecture'], H, 0.3, 'Names a claim as a hypothesis.', {}],
  // --- belief attributed to someone (doxastic) ---
  [
    'believe',
    ['believe', 'believed', 'belief that', 'it is believed', 'widely believed'],
    H,
    0.6,
    'Presents the claim as someone\u2019s belief rather than an established fact.',
    {},
  ],
  [
    'thought',
    ['thought', 'thinks', 'thought to', 'is thought', 'was thought', 'are thought', 'were thought', 'it is thought', 'i think', 'we think'],
    H,
    0.5,
    'Presents the claim as someone\u2019s belief rather than an established fact.',
    { match: 'normal', pos: ['VERB', 'PART', 'AUX'] },
  ],
  ['think', ['think', 'thinking'], H, 0.3, 'Presents the claim as someone\u2019s belief.', { pos: ['VERB'] }],
  [
    'consider',
    ['consider', 'considered', 'widely considered', 'generally considered'],
    H,
    0.5,
    'Presents a judgement as held by someone ("is considered one of ...").',
    { match: 'normal' },
  ],
  [
    'regard',
    ['regard as', 'regarded as', 'regards as', 'widely regarded', 'regarded'],
    H,
    0.5,
    'Presents a judgement as held by someone.',
    { match: 'normal' },
  ],
  [
    'seen-as',
    ['seen as', 'viewed as', 'view as', 'perceived as', 'widely seen', 'widely viewed'],
    H,
    0.5,
    'Presents a judgement as held by someone.',
    {},
  ],
  [
    'is-seen',
    ['is seen', 'was seen', 'is widely seen', 'are widely seen'],
    H,
    0.4,
    'Presents a judgement as held by someone.',
    { match: 'normal' },
  ],
  ['assume', ['assume', 'assumed', 'assumption'], H, 0.6, 'The claim is assumed rather than shown.', {}],
  [
    'supposedly',
    ['suppose', 'supposes', 'supposedly', 'supposed to have', 'putative', 'purported', 'purportedly'],
    H,
    0.6,
    'The claim is supposed or purported rather than shown ("supposed to" as an obligation does not count).',
    { match: 'normal' },
  ],
  ['expect', ['expect', 'expected', 'expectation'], H, 0.4, 'Presents a future outcome as expected, not certain.', {}],
  [
    'allege',
    ['allege', 'alleged', 'allegedly', 'allegation', 'allegations'],
    H,
    0.7,
    'The claim is an accusation that has not been established.',
    {},
  ],
  ['accuse', ['accuse', 'accused', 'accusation'], H, 0.5, 'The claim is an accusation that has not been established.', {}],
  [
    'reportedly',
    ['reportedly', 'reputedly', 'rumored', 'rumoured', 'rumor', 'rumour', 'rumors', 'rumours'],
    H,
    0.6,
    'Passes on a claim heard from others without naming a source.',
    {},
  ],
  [
    'said-to',
    ['said to be', 'is said to', 'are said to', 'was said to', 'were said to', 'it is said'],
    H,
    0.4,
    'Passes on a claim heard from others without naming a source.',
    {},
  ],
  [
    'suspect',
    ['suspected', 'suspect that', 'suspects that', 'suspicion that'],
    H,
    0.4,
    'Presents the claim as a suspicion.',
    { match: 'normal' },
  ],
  [
    'fear',
    ['fear that', 'fears that', 'feared that', 'feared', 'it is feared'],
    H,
    0.4,
    'Presents the claim as something feared, not established.',
    {},
  ],
  ['predict', ['predicted', 'predict', 'forecast'], H, 0.3, 'Presents a future outcome as predicted, not certain.', {}],
  [
    'estimated',
    ['estimated', 'an estimated', 'roughly', 'approximately', 'about'],
    H,
    0.2,
    'Marks a number as an estimate.',
    { probe: true },
  ],
  // --- boosters (certainty markers); the certainty analyzer contrasts them with hedges ---
  ['clearly', ['clearly', 'obviously', 'evidently', 'plainly', 'patently'], B, 0.6, 'Presents the claim as self-evident.', {}],
  [
    'certainly',
    [
      'certainly',
      'surely',
      'definitely',
      'undoubtedly',
      'doubtless',
      'undeniably',
      'unquestionably',
      'indisputably',
      'incontrovertibly',
      'irrefutably',
      'unmistakably',
    ],
    B,
    0.7,
    'Presents the claim as beyond doubt.',
    {},
  ],
  [
    'no-doubt',
    [
      'no doubt',
      'without doubt',
      'without a doubt',
      'beyond doubt',
      'beyond any doubt',
      'beyond question',
      'there is no question',
      'no question that',
    ],
    B,
    0.7,
    'Presents the claim as beyond doubt.',
    {},
  ],
  [
    'of-course',
    ['of course', 'needless to say', 'it goes without saying'],
    B,
    0.5,
    'Presents the claim as something everyone already accepts.',
    {},
  ],
  [
    'in-fact',
    ['in fact', 'indeed', 'actually', 'in reality', 'the fact is', 'the truth is'],
    B,
    0.3,
    'Insists on the truth of the claim.',
    {},
  ],
  [
    'it-is-clear',
    ['it is clear', 'it is obvious', 'it is evident', 'it is certain', 'it is undeniable', 'there is no doubt'],
    B,
    0.7,
    'Presents the claim as self-evident.',
    {},
  ],
  [
    'proven',
    ['proven', 'conclusively', 'definitive', 'definitively', 'established fact'],
    B,
    0.5,
    'Presents the claim as established.',
    {},
  ],
  [
    'must-be',
    ['must be', 'must have', 'must have been', 'cannot be', 'can not be', 'can\u2019t be'],
    B,
    0.4,
    'Presents an inference as necessary.',
    {},
  ],
  [
    'know',
    ['we know', 'everyone knows', 'everybody knows', 'it is well known', 'as is well known', 'well-known fact'],
    B,
    0.5,
    'Presents the claim as common knowledge.',
    {},
  ],
];

// Drop repeated terms (the same lemmas as an earlier term, see termKey): the lemma match covers them.
const seenKeys = new Set();
for (const e of ENTRIES) {
  e[1] = e[1].filter((t) => {
    const k = termKey(t, e[5].match || 'lemma', e[5].pos);
    if (seenKeys.has(k)) return false;
    seenKeys.add(k);
    return true;
  });
}

export function buildLexicon(statsById = {}, drop = new Set()) {
  const entries = ENTRIES.filter(([id, , , , , o]) => !drop.has(id) && !o.probe).map(([id, terms, category, weight, explanation, o]) => ({
    id,
    terms,
    match: o.match || 'lemma',
    ...(o.pos ? { pos: o.pos } : {}),
    category,
    weight,
    explanation,
    source: 'slant',
    ...(o.unless ? { unless: o.unless } : {}),
    ...(statsById[id] ? { stats: statsById[id] } : {}),
  }));
  return {
    $schema: '../schema.json',
    id: 'en/certainty',
    version: '1.0.0',
    language: 'en',
    description:
      'Hedges (words that present a claim as possible, believed, alleged or unknown) and boosters (words that present a claim as certain or self-evident).',
    license: 'MIT',
    sources: [{ id: 'slant', title: 'Written by the slant maintainers', url: 'https://github.com/slant/slant' }],
    entries,
  };
}

// ------------------------------------------------------------------------------------------------
const WEIGHTED = (ch) => !/[\s"“”„‟«»‹›'‘’`]/u.test(ch);
function goldUnits(d) {
  return d.spans.filter((s) => GOLD_LABELS.has(s.label));
}
function overlaps(text, a, b) {
  const s = Math.max(a.start, b.start),
    e = Math.min(a.end, b.end);
  for (let i = s; i < e; i++) if (WEIGHTED(text[i])) return true;
  return false;
}

function evaluate(docs, byDoc, keepIds) {
  let pu = 0,
    pc = 0,
    gu = 0,
    gc = 0;
  for (const d of docs) {
    const preds = byDoc.get(d.id).filter((m) => keepIds.has(m.entry.id));
    const gold = goldUnits(d);
    gu += gold.length;
    for (const g of gold) if (preds.some((p) => overlaps(d.text, g, p))) gc++;
    pu += preds.length;
    for (const p of preds) if (gold.some((g) => overlaps(d.text, g, p))) pc++;
  }
  const P = pu ? pc / pu : 0,
    R = gu ? gc / gu : 0;
  return { p: P, r: R, f1: P + R ? (2 * P * R) / (P + R) : 0, pred: pu, gold: gu };
}

function main() {
  const all = buildLexicon();
  // measure with every hedge entry, probes included
  const probeLex = {
    ...all,
    entries: ENTRIES.filter((e) => e[2] === H).map(([id, terms, category, weight, explanation, o]) => ({
      id,
      terms,
      match: o.match || 'lemma',
      ...(o.pos ? { pos: o.pos } : {}),
      category,
      weight,
      explanation,
      source: 'slant',
      ...(o.unless ? { unless: o.unless } : {}),
    })),
  };
  probeLex.entries.forEach((e, k) => Object.defineProperty(e, '__order', { value: k }));
  const lex = compileLexicon(probeLex);
  const docs = readJsonl(GOLD);
  const byDoc = new Map();
  const per = new Map(); // id -> { n, c, half: [[n,c],[n,c]], terms: Map }
  docs.forEach((d, k) => {
    const ms = matchLexicon(lex, parse(d.text));
    byDoc.set(d.id, ms);
    const gold = goldUnits(d);
    for (const m of ms) {
      const hit = gold.some((g) => overlaps(d.text, g, m)) ? 1 : 0;
      const s = per.get(m.entry.id) || {
        n: 0,
        c: 0,
        half: [
          [0, 0],
          [0, 0],
        ],
        terms: new Map(),
      };
      s.n++;
      s.c += hit;
      s.half[k % 2][0]++;
      s.half[k % 2][1] += hit;
      const surf = d.text.slice(m.start, m.end).toLowerCase();
      const t = s.terms.get(surf) || [0, 0];
      t[0]++;
      t[1] += hit;
      s.terms.set(surf, t);
      per.set(m.entry.id, s);
    }
  });
  const hedgeIds = ENTRIES.filter((e) => e[2] === H).map((e) => e[0]);
  console.log('entry'.padEnd(16) + 'matches  precision   (half A / half B)');
  for (const id of hedgeIds) {
    const s = per.get(id) || {
      n: 0,
      c: 0,
      half: [
        [0, 0],
        [0, 0],
      ],
      terms: new Map(),
    };
    const pr = (n, c) => (n ? (c / n).toFixed(2) : '  - ');
    console.log(`${id.padEnd(16)}${String(s.n).padStart(7)}  ${pr(s.n, s.c)}        (${pr(...s.half[0])} / ${pr(...s.half[1])})`);
    if (argv.includes('--per-term'))
      console.log(
        '      ' +
          [...s.terms]
            .sort((a, b) => b[1][0] - a[1][0])
            .slice(0, 12)
            .map(([t, [n, c]]) => `${t} ${c}/${n}`)
            .join(', '),
      );
  }
  // the shipped set = entries whose precision on all of dev is >= MIN_P (or that never matched)
  const keepAll = new Set(
    hedgeIds.filter((id) => {
      const s = per.get(id);
      const probe = ENTRIES.find((e) => e[0] === id)[5].probe;
      return !probe && (!s || s.c / s.n >= MIN_P);
    }),
  );
  const full = evaluate(docs, byDoc, keepAll);
  const everything = evaluate(docs, byDoc, new Set(hedgeIds));
  // 2-fold estimate of the pruning rule: decide on one half, score on the other
  const cvCounts = [0, 1].map((h) => {
    const keep = new Set(
      hedgeIds.filter((id) => {
        const s = per.get(id);
        if (!s) return true;
        const [n, c] = s.half[1 - h];
        return !ENTRIES.find((e) => e[0] === id)[5].probe && (n === 0 || c / n >= MIN_P);
      }),
    );
    return evaluate(
      docs.filter((_, k) => k % 2 === h),
      byDoc,
      keep,
    );
  });
  const cvF = cvCounts.reduce((s, m) => s + m.f1, 0) / 2;
  console.log(
    `\nall hedge entries (incl. probes): P ${everything.p.toFixed(3)} R ${everything.r.toFixed(3)} F1 ${everything.f1.toFixed(3)}`,
  );
  console.log(
    `shipped hedge entries (precision >= ${MIN_P}): P ${full.p.toFixed(3)} R ${full.r.toFixed(3)} F1 ${full.f1.toFixed(3)}  (${full.pred} predicted, ${full.gold} gold units)`,
  );
  console.log(`2-fold estimate of the pruning rule: F1 ${cvCounts.map((m) => m.f1.toFixed(3)).join(' / ')} (mean ${cvF.toFixed(3)})`);
  const dropped = hedgeIds.filter((id) => !keepAll.has(id));
  if (dropped.length) console.log('pruned: ' + dropped.join(', '));

  const predFile = opt('pred', null);
  if (predFile) {
    fs.writeFileSync(
      predFile,
      docs
        .map((d) =>
          JSON.stringify({
            id: d.id,
            spans: byDoc
              .get(d.id)
              .filter((m) => keepAll.has(m.entry.id))
              .map((m) => ({ start: m.start, end: m.end, label: 'hedge' })),
          }),
        )
        .join('\n') + '\n',
    );
    console.log(`wrote ${predFile}`);
  }
  if (argv.includes('--no-write')) return;
  const stats = {};
  for (const id of keepAll) {
    const s = per.get(id);
    if (s) stats[id] = { szeged_matches: s.n, szeged_precision: +(s.c / s.n).toFixed(3) };
  }
  const drop = new Set(dropped);
  fs.writeFileSync(OUT, JSON.stringify(buildLexicon(stats, drop), null, 2) + '\n');
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
