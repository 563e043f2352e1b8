import { z } from 'zod';
import { defineAnalyzer, use } from '../src/analyzer';
import { ConfigError, InputError, isConfigError, isLexiconError, LexiconError } from '../src/errors';
import { analyze, createPipeline } from '../src/pipeline';
import { ReportSchema } from '../src/report';
import { builtinAnalyzers } from '../src/analyzers';
import { exclamations } from '../examples/custom-analyzer';
import { testLexicon } from './fixtures/test-lexicon';
import { TYPICAL_OVERALL } from '../src/evidence/score';
import { termAnalyzer } from './fixtures/term-analyzer';

const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('createPipeline configuration errors', () => {
  it('names the closest built-in id for a typo', () => {
    const ids = Object.keys(builtinAnalyzers);
    expect(ids.length).toBeGreaterThan(0);
    const typo = ids[0].slice(0, -1) + 'x';
    const e = errorOf(() => createPipeline({ analyzers: [typo] }));
    expect(isConfigError(e)).toBe(true);
    expect((e as ConfigError).code).toBe('ANALYZER_UNKNOWN');
    expect(e.message).toContain(`"${typo}"`);
    expect(e.message).toContain(`Did you mean "${ids[0]}"?`);
  });

  it('names the closest id in settings for a typo', () => {
    const e = errorOf(() =>
      createPipeline({ analyzers: [termAnalyzer], lexicons: [testLexicon], settings: { 'test-term': { weight: 2 } } }),
    );
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain('Did you mean "test-terms"?');
  });

  it('rejects invalid options with the prettified zod issue', () => {
    const e = errorOf(() => createPipeline({ analyzers: [use(exclamations, { options: { minWords: -1 } })] }));
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).code).toBe('OPTIONS_INVALID');
    expect(e.message).toContain('minWords');
  });

  it('rejects options for an analyzer that takes none, bad weights and unknown setting keys', () => {
    expect(
      errorOf(() => createPipeline({ analyzers: [use(termAnalyzer, { options: { x: 1 } as never })], lexicons: [testLexicon] })).message,
    ).toMatch(/takes no options/);
    expect(errorOf(() => createPipeline({ analyzers: [use(termAnalyzer, { weight: -1 })], lexicons: [testLexicon] })).message).toMatch(
      /Weight .* >= 0/,
    );
    expect(
      errorOf(() => createPipeline({ analyzers: [use(termAnalyzer, { wieght: 1 } as never)], lexicons: [testLexicon] })).message,
    ).toMatch(/Did you mean "weight"/);
  });

  it('rejects a missing lexicon with a LexiconError naming it', () => {
    const e = errorOf(() => createPipeline({ analyzers: [termAnalyzer] }));
    expect(isLexiconError(e)).toBe(true);
    expect((e as LexiconError).code).toBe('LEXICON_MISSING');
    expect(e.message).toContain('en/test-terms');
  });

  it('rejects an invalid lexicon at creation', () => {
    const bad = { ...testLexicon, entries: [{ ...testLexicon.entries[0], category: '' }] };
    expect(errorOf(() => createPipeline({ analyzers: [termAnalyzer], lexicons: [bad] }))).toBeInstanceOf(LexiconError);
  });

  it('rejects things that are not analyzers, duplicates and non-kebab ids', () => {
    expect(errorOf(() => createPipeline({ analyzers: [{ nope: true } as never] })).message).toMatch(/is not an analyzer/);
    expect(errorOf(() => createPipeline({ analyzers: [exclamations, exclamations] })).message).toMatch(/listed twice/);
    const badId = defineAnalyzer({
      meta: { id: 'Bad_Id', description: '', category: 'x', messages: {} },
      analyze: () => ({ score: null, basis: '' }),
    });
    expect(errorOf(() => createPipeline({ analyzers: [badId] })).message).toMatch(/kebab-case/);
    expect(errorOf(() => createPipeline({ analyzer: [] } as never)).message).toMatch(/Did you mean "analyzers"/);
  });
});

describe('analysis', () => {
  const pipeline = createPipeline({ analyzers: [termAnalyzer, exclamations], lexicons: [testLexicon] });

  it('runs every analyzer over one parsed document and assembles a valid report', () => {
    const text = 'Critics slammed the regime! "The regime will slam us," one said.';
    const report = pipeline.analyze(text);
    expect(ReportSchema.parse(report)).toEqual(report);
    const terms = report.findings.filter((f) => f.analyzer === 'test-terms');
    expect(terms.map((f) => [f.span.text, f.voice])).toEqual([
      ['slammed', 'writer'],
      ['regime', 'writer'],
      ['regime', 'quoted'],
      ['slam', 'quoted'],
    ]);
    expect(terms[0]).toMatchObject({
      messageId: 'term',
      message: 'test term "slam"',
      category: 'charged-verb',
      suggestions: ['criticize'],
    });
    expect(report.findings.filter((f) => f.analyzer === 'exclamations').map((f) => f.span.text)).toEqual(['Critics slammed the regime!']);
    expect(report.analyzers['test-terms']).toMatchObject({ status: 'ok', findings: 4, metrics: { matches: 4 } });
    for (const f of report.findings) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
  });

  it('computes the overall score as the weighted mean of analyzer scores (raw; shrunk by the confidence of a short text)', () => {
    const report = pipeline.analyze('Critics slammed it! They slammed it again!');
    const a = report.analyzers;
    const expected = (a['test-terms'].score! * 1 + a.exclamations.score! * 0.5) / 1.5;
    expect(report.score.raw).toBeCloseTo(expected, 4);
    const c = report.score.confidence;
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(report.score.overall).toBeCloseTo(c * expected + (1 - c) * TYPICAL_OVERALL, 4);
    expect(report.score.weights).toEqual({ 'test-terms': 1, exclamations: 0.5 });
  });

  it('leaves analyzers of weight 0 out of the overall score and says so when none is left', () => {
    const zero = createPipeline({ analyzers: [use(termAnalyzer, { weight: 0 })], lexicons: [testLexicon] }).analyze('Critics slammed it.');
    expect(zero.analyzers['test-terms'].score).not.toBeNull();
    expect(zero.score).toMatchObject({
      overall: null,
      raw: null,
      weights: { 'test-terms': 0 },
      basis: 'no analyzer with a weight above 0 produced a score',
    });
  });

  it('applies ignore lists, severity and enabled settings', () => {
    const p = createPipeline({
      analyzers: [termAnalyzer, exclamations],
      lexicons: [testLexicon],
      settings: { 'test-terms': { ignore: ['Regime'], severity: 'info' }, exclamations: { enabled: false } },
    });
    const report = p.analyze('Critics slammed the regime!');
    expect(report.findings.map((f) => f.span.text)).toEqual(['slammed']);
    expect(report.findings[0].severity).toBe('info');
    expect(Object.keys(report.analyzers)).toEqual(['test-terms']);
  });

  it('records a failing analyzer in the report instead of throwing', () => {
    const broken = defineAnalyzer({
      meta: { id: 'broken', description: 'always fails', category: 'x', messages: { m: 'm' } },
      analyze: ({ report }) => {
        report({ messageId: 'm', span: { start: 0, end: 1 } });
        throw new Error('boom');
      },
    });
    const report = createPipeline({ analyzers: [broken, exclamations] }).analyze('Hello there everyone!');
    expect(report.analyzers.broken).toMatchObject({ status: 'failed', score: null, error: { code: 'ANALYZER_FAILED', message: 'boom' } });
    expect(report.findings.every((f) => f.analyzer !== 'broken')).toBe(true);
    expect(report.analyzers.exclamations.status).toBe('ok');
  });

  it('never throws on odd text, and throws InputError for a non-string', () => {
    for (const text of ['', ' ', '\n\n\n', '"', '“‘', '!!!', '\u0000', 'a'.repeat(10000)]) {
      expect(ReportSchema.safeParse(pipeline.analyze(text)).success).toBe(true);
    }
    expect(errorOf(() => pipeline.analyze(42 as never))).toBeInstanceOf(InputError);
  });

  it('extend() returns a new pipeline and leaves the original unchanged', () => {
    const base = createPipeline({ analyzers: [exclamations] });
    const more = base.extend({ analyzers: [termAnalyzer], lexicons: [testLexicon], settings: { exclamations: { weight: 3 } } });
    expect(base.analyzerIds).toEqual(['exclamations']);
    expect(more.analyzerIds).toEqual(['exclamations', 'test-terms']);
    expect(more.analyze('They slammed it all day!').score.weights.exclamations).toBe(3);
  });

  it('the one-liner analyze() reuses the pipeline built for the same options object', () => {
    const options = { analyzers: [termAnalyzer], lexicons: [testLexicon] };
    const r1 = analyze('Critics slammed it.', options);
    const r2 = analyze('Critics slammed it.', options);
    expect(r1).toEqual(r2);
    expect(r1.findings).toHaveLength(1);
  });
});

describe('the custom analyzer example', () => {
  it('runs through the same pipeline as the built-ins and its findings appear in the report', () => {
    const report = createPipeline({
      analyzers: [...Object.keys(builtinAnalyzers), use(exclamations, { options: { minWords: 2 } })],
    }).analyze('The vote was close. What a result this is!');
    expect(report.findings.filter((f) => f.analyzer === 'exclamations').map((f) => f.span.text)).toEqual(['What a result this is!']);
    expect(z.number().parse(report.analyzers.exclamations.metrics.exclamations)).toBe(1);
  });
});
