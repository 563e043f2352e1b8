import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { use } from '../../src/analyzer';
import { unattributedAssertions } from '../../src/analyzers/unattributed-assertions';
import { parseDocument } from '../../src/document/build';
import { LexiconError } from '../../src/errors';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { compileLexicon } from '../../src/lexicon/load';
import { builtinSubjectivityModel, builtinVectors } from '../../src/models/builtin';
import { compileSubjectivityModel, ruleCuesOf, subjectivityFeatures, subjectivityOf } from '../../src/models/subjectivity';
import { compileVectors } from '../../src/models/vectors';
import { createPipeline } from '../../src/pipeline';
import { ReportSchema } from '../../src/report';

const vectors = compileVectors(builtinVectors, 'models/vectors-en.json');
const { model } = compileSubjectivityModel(builtinSubjectivityModel, vectors);
const article = (name: string): string => readFileSync(join(__dirname, '..', '..', 'examples', 'articles', `${name}.txt`), 'utf8');
const ua = (text: string, subjectivity = true) =>
  createPipeline({ analyzers: [use(unattributedAssertions, { options: { subjectivity } })] }).analyze(text);

describe('the subjectivity model file', () => {
  it('validates, with both thresholds and the out-of-fold figures of its cross-validation', () => {
    expect(model.weights).toHaveLength(model.features.length);
    expect(model.thresholds.opinion).toBeGreaterThan(0);
    expect(model.thresholds.bias).toBeGreaterThan(0);
    expect(model.metrics).toHaveProperty('babe_opinion_macro_f1_oof');
    expect(model.metrics).toHaveProperty('babe_bias_macro_f1_oof');
  });

  it('is refused with a clear error when its weights or vectors do not fit this version', () => {
    const input = builtinSubjectivityModel as { weights: number[] };
    expect(() => compileSubjectivityModel({ ...input, weights: input.weights.slice(1) }, vectors)).toThrow(/weights: \d+ for \d+ features/);
    expect(() => compileSubjectivityModel({ ...input, vectors: 'other' }, vectors)).toThrow(LexiconError);
    expect(() => compileSubjectivityModel({ ...input, thresholds: { opinion: 2, bias: 0.5 } }, vectors)).toThrow(/thresholds/);
  });
});

describe('sentences[].subjectivity', () => {
  it('equals the training path (features read back from a report made with the classifier off)', () => {
    const matcher = compileLexicon(builtinLexicons['en/loaded-language']).matcher;
    for (const name of ['s400-india', 'housing-column', 'water-fine']) {
      const text = article(name);
      const doc = parseDocument(text);
      const off = ua(text, false);
      const on = ua(text);
      const matches = matcher.match(doc).map((m) => ({ first: m.first, last: m.last, weight: m.entry.weight }));
      expect(on.sentences.length).toBe(off.sentences.length);
      for (const st of on.sentences) {
        const x = subjectivityFeatures(doc, st.index, st.index + 1, matches, ruleCuesOf(doc, off, st.index, st.index + 1), vectors);
        expect(st.subjectivity).toBeCloseTo(subjectivityOf(model.weights, x), 3);
      }
    }
  });

  it('makes a subjective writer-voice sentence with no source an unattributed assertion, and keeps a plain report factual', () => {
    const r = ua('The plan is a shameless, disgraceful betrayal of every decent family. The council met on Tuesday at the town hall.');
    const [opinion, fact] = r.sentences;
    expect(opinion.subjectivity!).toBeGreaterThanOrEqual(model.thresholds.opinion);
    expect(opinion.status).toBe('unattributed-assertion');
    expect(fact.subjectivity!).toBeLessThan(model.thresholds.opinion);
    expect(fact.status).toBe('factual-report');
    expect(fact.reasons).toEqual([]);
    expect(ReportSchema.safeParse(r).success).toBe(true);
  });

  it("says so in the reason when only the classifier makes the sentence an unattributed assertion", () => {
    const r = ua('The Great Housing Betrayal');
    expect(r.sentences[0].status).toBe('unattributed-assertion');
    expect(r.sentences[0].reasons).toEqual([expect.stringMatching(/^subjective sentence with no named source \(subjectivity 0\.\d+|1\)$/)]);
    expect(r.findings).toEqual([]);
  });

  it("leaves an attributed sentence attributed whatever its subjectivity (the judgement is the source's)", () => {
    const r = ua('Senator Jane Moss said the plan was a shameless, disgraceful giveaway to greedy developers.');
    expect(r.sentences[0].status).toBe('attributed');
    expect(r.sentences[0].subjectivity!).toBeGreaterThanOrEqual(model.thresholds.opinion);
  });

  it("gives the writer's-voice share of subjective sentences as metrics", () => {
    const r = ua(article('housing-column'));
    const m = r.analyzers['unattributed-assertions'].metrics;
    const writer = r.sentences.filter((s) => s.voice !== 'quoted');
    const subjective = writer.filter((s) => s.subjectivity! >= model.thresholds.opinion).length;
    expect(m.subjectiveSentences).toBe(subjective);
    expect(m.claimSentences).toBe(writer.length);
    expect(m.subjectiveShare).toBeCloseTo(subjective / writer.length, 3);
    expect(subjective).toBeGreaterThan(0);
  });

  it('is absent when the classifier is switched off, and the rule statuses stand', () => {
    const r = ua('The Great Housing Betrayal', false);
    expect(r.sentences[0].subjectivity).toBeUndefined();
    expect(r.sentences[0].status).toBe('factual-report');
    expect(r.analyzers['unattributed-assertions'].metrics.subjectiveShare).toBeUndefined();
  });
});
