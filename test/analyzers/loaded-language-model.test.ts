import { use } from '../../src/analyzer';
import { loadedLanguage } from '../../src/analyzers/loaded-language';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { createPipeline } from '../../src/pipeline';
import type { Finding } from '../../src/report';

// The word-level model (models/loaded-words.json) on top of the built-in lexicon.
const text = "The governor's scheme is a shambolic mess, critics say. The vote was postponed.";
const findings = (options: Record<string, unknown> = {}): Finding[] =>
  createPipeline({ analyzers: [use(loadedLanguage, { options })] })
    .analyze(text)
    .findings.filter((f) => f.analyzer === 'loaded-language');

const lexiconTerms = new Set(
  (builtinLexicons['en/loaded-language'].entries as Array<{ terms: string[]; weight: number }>)
    .filter((e) => e.weight >= 0.23)
    .flatMap((e) => e.terms),
);

describe('loaded-language word model', () => {
  const all = findings();
  const fromModel = all.filter((f) => f.evidence.model === 'en/loaded-words' && !f.evidence.lexicon);

  it('reports a word the lexicon does not list, says so, and explains it by the nearest lexicon terms', () => {
    expect(fromModel.map((f) => [f.span.text, f.span.start, f.span.end])).toEqual([['critics', 43, 50]]);
    const f = fromModel[0];
    expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    expect(f.evidence.closeTo).toHaveLength(3);
    for (const t of f.evidence.closeTo!) expect(lexiconTerms.has(t)).toBe(true);
    expect(f.explanation).toContain(`Close to: ${f.evidence.closeTo!.join(', ')}`);
    expect(f.evidence.probability).toBeGreaterThanOrEqual(0.3);
    expect(f.suggestions).toEqual([]);
    expect(f.category).toBe('charged-noun');
  });

  it('keeps the lexicon findings unchanged and adds nothing with model: false or a threshold of 1', () => {
    const lexOnly = findings({ model: false });
    expect(lexOnly.map((f) => f.span.text)).toEqual(['shambolic', 'mess']);
    expect(all.filter((f) => !fromModel.includes(f)).map((f) => f.span.text)).toEqual(['shambolic', 'mess']);
    expect(findings({ modelThreshold: 1 }).map((f) => f.span.text)).toEqual(['shambolic', 'mess']);
  });

  it('is off by default when a custom lexicon replaces the built-in one, on when asked', () => {
    const { extendLexicon } = require('../../src/index');
    const custom = extendLexicon(builtinLexicons['en/loaded-language'], { remove: ['shambolic'] });
    const run = (options: Record<string, unknown>) =>
      createPipeline({ analyzers: [use(loadedLanguage, { options })], lexicons: [custom] })
        .analyze(text)
        .findings.filter((f) => f.analyzer === 'loaded-language')
        .map((f) => [f.span.text, f.evidence.model ?? 'lexicon']);
    expect(run({})).toEqual([['mess', 'lexicon']]);
    // asked for, the model may bring the removed word back (the reason it is off by default with a custom lexicon)
    expect(run({ model: true })).toContainEqual(['shambolic', 'en/loaded-words']);
  });

  it('counts model findings in the metrics', () => {
    const r = createPipeline({ analyzers: ['loaded-language'] }).analyze(text).analyzers['loaded-language'];
    expect(r.metrics?.modelFindings).toBe(1);
    expect(r.metrics?.writerFindings).toBe(3);
  });
});

describe('loaded-language word model: the fast scoring path', () => {
  it('gives the same logit as the full feature vector the model was trained on', () => {
    const { analysisLogit, compileWordModel, fullLogit, isCandidate, coverage } = require('../../src/analyzers/loaded-language-model');
    const { compileVectors } = require('../../src/models/vectors');
    const { builtinLoadedWordModel, builtinVectors } = require('../../src/models/builtin');
    const { parseDocument } = require('../../src/document/build');
    const entries = builtinLexicons['en/loaded-language'].entries as Array<{ terms: string[]; weight: number; category: string }>;
    const c = compileWordModel(builtinLoadedWordModel, compileVectors(builtinVectors), entries, 0.23);
    const doc = parseDocument('Critics slammed the utterly reckless plan. "It is a disgrace," she said, not unprecedented but odd.');
    const matches = [{ first: 1, last: 1, weight: 0.68, category: 'charged-verb', negated: false }];
    const cover = coverage(doc, matches);
    let checked = 0;
    for (let k = 0; k < doc.tokens.length; k++) {
      if (!isCandidate(doc, cover, k)) continue;
      expect(analysisLogit(doc, k, matches, c)).toBeCloseTo(fullLogit(doc, k, matches, c), 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
  });
});

describe('loaded-language word model: hyphenated compounds', () => {
  it('marks both halves of a compound written without spaces, and nothing else', () => {
    const { featureNames, tokenFeatures, coverage } = require('../../src/analyzers/loaded-language-model');
    const { parseDocument } = require('../../src/document/build');
    const fs = { vector: false, context: false, extra: true, compound: true };
    const names: string[] = featureNames(fs, 0);
    const q = names.indexOf('compound.in');
    expect(q).toBe(names.length - 1);
    const doc = parseDocument('A self-serving group met a far - left crowd, a pro-life priest and a well-to-do donor.');
    const cover = coverage(doc, []);
    const x = new Float64Array(names.length);
    const flagged = doc.tokens
      .map((_: unknown, k: number) => k)
      .filter(
        (k: number) =>
          doc.tokens[k].isWord &&
          (tokenFeatures(doc, k, [], cover, new Int32Array(doc.tokens.length).fill(-1), undefined, fs, x), x[q] === 1),
      )
      .map((k: number) => doc.tokens[k].value);
    // wink keeps "pro-life" as one token: the feature marks the compounds it splits
    expect(flagged).toEqual(['self', 'serving', 'well', 'to', 'do']);
  });

  it('is part of the shipped model, and the fast scoring path agrees with the full features on a compound', () => {
    const { analysisLogit, compileWordModel, fullLogit, isCandidate, coverage } = require('../../src/analyzers/loaded-language-model');
    const { compileVectors } = require('../../src/models/vectors');
    const { builtinLoadedWordModel, builtinVectors } = require('../../src/models/builtin');
    const { parseDocument } = require('../../src/document/build');
    expect(builtinLoadedWordModel.features).toContain('compound.in');
    const entries = builtinLexicons['en/loaded-language'].entries as Array<{ terms: string[]; weight: number; category: string }>;
    const c = compileWordModel(builtinLoadedWordModel, compileVectors(builtinVectors), entries, 0.23);
    const doc = parseDocument('The anti-police activists staged a self-serving stunt.');
    const cover = coverage(doc, []);
    let checked = 0;
    for (let k = 0; k < doc.tokens.length; k++) {
      if (!isCandidate(doc, cover, k)) continue;
      expect(analysisLogit(doc, k, [], c)).toBeCloseTo(fullLogit(doc, k, [], c), 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(4);
  });
});

describe('loaded-language word model: the veto on lexicon matches', () => {
  const { compileWordModel, modelDecisions } = require('../../src/analyzers/loaded-language-model');
  const { compileVectors } = require('../../src/models/vectors');
  const { builtinLoadedWordModel, builtinVectors } = require('../../src/models/builtin');
  const { parseDocument } = require('../../src/document/build');
  const entries = builtinLexicons['en/loaded-language'].entries as Array<{ terms: string[]; weight: number; category: string }>;
  const vectors = compileVectors(builtinVectors);
  const doc = parseDocument('Critics slammed the plan. The vote was postponed.');
  const matches = [
    { first: 1, last: 1, weight: 0.68, category: 'charged-verb', negated: false },
    { first: 8, last: 8, weight: 0.1, category: 'charged-verb', negated: false },
  ];
  const decide = (veto: number) =>
    modelDecisions(doc, matches, compileWordModel({ ...builtinLoadedWordModel, veto }, vectors, entries, 0.23), 0.23);

  it('drops a match at the report weight only when the model rates all its words below the veto', () => {
    expect([...decide(0).vetoed.keys()]).toEqual([]);
    const all = decide(1).vetoed;
    expect([...all.keys()]).toEqual([0]);
    // the match's probability is given; a veto just above it drops the match, one at it keeps it
    const p = all.get(0)!;
    expect(decide(p + 1e-6).vetoed.has(0)).toBe(true);
    expect(decide(p).vetoed.has(0)).toBe(false);
  });

  it('never vetoes a match below the report weight (the rescue rule decides those)', () => {
    expect(decide(1).vetoed.has(1)).toBe(false);
  });

  it('ships a veto chosen by cross-validation and reports a vetoed lexicon match nowhere', () => {
    expect(builtinLoadedWordModel.veto).toBeGreaterThan(0);
    expect(builtinLoadedWordModel.veto).toBeLessThan(builtinLoadedWordModel.threshold);
  });
});
