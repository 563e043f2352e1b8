import { AnalyzerTester, parseMarks, type FlaggedCase } from '../src/testing';
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
    { text: '"They [[slammed]] us," she said.', messageId: 'term', voice: 'quoted' },
    { text: 'The [[regime]] fell and [[critics say]] so.', messageId: ['term', 'term'], category: ['label', 'vague'] },
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
    expect(() => runDirect({ flagged: [{ text: 'The [[plan]] fell.', messageId: 'term' }] })).toThrow(
      /expected a finding at \[4,8\) "plan"/,
    );
  });
  it('fails on unexpected extra findings unless exact is false', () => {
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] slammed it.', messageId: 'term' }] })).toThrow(/unexpected findings/);
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] slammed it.', messageId: 'term', exact: false }] })).not.toThrow();
  });
  it("requires a messageId on every flagged case, as ESLint's RuleTester does", () => {
    // what a JavaScript caller (no type check) can pass
    const withoutId = { text: 'Critics [[slammed]] the plan.' } as FlaggedCase;
    expect(() => runDirect({ flagged: [withoutId] })).toThrow(/has no messageId: every flagged case must name .*"term"/);
    expect(() => runDirect({ flagged: [{ text: 'Critics [[slammed]] the plan.', messageId: [] }] })).toThrow(/has no messageId/);
    expect(() => runDirect({ flagged: [{ text: 'Critics [[slammed]] the plan.', messageId: 'charged' }] })).toThrow(
      /declares no message "charged" \(it declares "term"\)/,
    );
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] fell and [[critics say]] so.', messageId: ['term'] }] })).toThrow(
      /2 \[\[marks\]\] but 1 message ids/,
    );
  });
  it('fails on a wrong messageId or category', () => {
    const other = { ...termAnalyzer, meta: { ...termAnalyzer.meta, messages: { ...termAnalyzer.meta.messages, other: 'other' } } };
    const g = globalThis as { describe?: unknown; it?: unknown };
    const saved = [g.describe, g.it];
    g.describe = undefined;
    g.it = undefined;
    try {
      expect(() =>
        new AnalyzerTester({ lexicons: [testLexicon] }).run('direct', other, {
          flagged: [{ text: 'The [[regime]] fell.', messageId: 'other' }],
        }),
      ).toThrow(/expected messageId other, got term/);
    } finally {
      [g.describe, g.it] = saved;
    }
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] fell.', messageId: 'term', category: 'vague' }] })).toThrow(
      /expected category vague, got label/,
    );
  });
  it('fails when a clean case has a finding, and on a wrong voice', () => {
    expect(() => runDirect({ clean: ['The regime fell.'] })).toThrow(/expected no findings/);
    expect(() => runDirect({ flagged: [{ text: 'The [[regime]] fell.', messageId: 'term', voice: 'quoted' }] })).toThrow(
      /expected voice quoted/,
    );
  });
});
