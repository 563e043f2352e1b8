import { AnalyzerTester, parseMarks } from '../src/testing';
import { testLexicon } from './fixtures/test-lexicon';
import { termAnalyzer } from './fixtures/term-analyzer';

describe('parseMarks', () => {
  it('removes [[ ]] marks and returns the marked offsets', () => {
    expect(parseMarks('Critics [[slammed]] the [[regime]].')).toEqual({
      text: 'Critics slammed the regime.',
      spans: [
        { start: 8, end: 15, text: 'slammed' },
        { start: 20, end: 26, text: 'regime' },
      ],
    });
    expect(() => parseMarks('an [[unclosed mark')).toThrow(/unclosed/);
  });
});

// The tester run as a test suite, the way analyzer authors use it.
new AnalyzerTester({ lexicons: [testLexicon] }).run('test-terms via AnalyzerTester', termAnalyzer, {
  clean: ['Nothing to see here.', { text: 'She won a grand slam.', why: '"slam" as a noun is not the charged verb' }],
  flagged: [
    { text: 'Critics [[slammed]] the plan.', messageId: 'term', voice: 'writer', category: 'charged-verb' },
    { text: '"They [[slammed]] us," she said.', voice: 'quoted' },
    { text: 'The [[regime]] fell and [[critics say]] so.', category: ['label', 'vague'] },
  ],
});

describe('AnalyzerTester failures', () => {
  // Without describe/it globals the tester runs the cases at once and throws on the first failure.
  const runDirect = (cases: Parameters<AnalyzerTester['run']>[2]): void => {
    const g = globalThis as { describe?: unknown; it?: unknown };
    const saved = [g.describe, g.it];
    g.describe = undefined;
    g.it = undefined;
    try {
      new AnalyzerTester({ lexicons: [testLexicon] }).run('direct', termAnalyzer, cases);
    } finally {
      [g.describe, g.it] = saved;
    }
  };

  it('fails when a marked span is not found', () => {
    expect(() => runDirect({ flagged: [{ text: 'The [[plan]] fell.' }] })).toThrow(/expected a finding at \[4,8\) "plan"/);
  });
  it('fails on unexpected extra findings unless exact is false', () => {
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] slammed it.' }] })).toThrow(/unexpected findings/);
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] slammed it.', exact: false }] })).not.toThrow();
  });
  it('fails when a clean case has a finding, and on a wrong voice', () => {
    expect(() => runDirect({ clean: ['The regime fell.'] })).toThrow(/expected no findings/);
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] fell.', voice: 'quoted' }] })).toThrow(/expected voice quoted/);
  });
});
