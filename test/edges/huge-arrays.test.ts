/**
 * #14 item 5: text content never throws, however many quotations or findings it gives. A spread of a huge array
 * into push() overflowed the stack: 168,000 quotations threw a RangeError, and an analyzer with more than ~120k
 * findings failed and lost them all.
 */
import fc from 'fast-check';
import { defineAnalyzer } from '../../src/analyzer';
import { createPipeline } from '../../src/pipeline';

jest.setTimeout(300_000);

/** One finding per word token: as many findings as the text has words. */
const everyWord = defineAnalyzer({
  meta: { id: 'every-word', description: 'one finding per word (test)', category: 'test', messages: { word: 'a word' } },
  analyze(ctx) {
    let n = 0;
    for (const t of ctx.doc.tokens) {
      if (!t.isWord) continue;
      n++;
      ctx.report({ messageId: 'word', span: { start: t.start, end: t.end } });
    }
    return { score: null, basis: `${n} words`, metrics: { words: n } };
  },
});
const pipeline = createPipeline({ analyzers: [everyWord] });

describe('very many quotations and findings (property)', () => {
  it('every quotation and every finding is kept, with exact spans, for 125k-150k of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 125_000, max: 150_000 }), fc.constantFrom('"a" b ', '“a” b ', 'word\n'), (n, unit) => {
        const text = unit.repeat(n);
        const report = pipeline.analyze(text);
        const r = report.analyzers['every-word'];
        expect(r.status).toBe('ok');
        const words = unit === 'word\n' ? n : 2 * n;
        expect(report.findings).toHaveLength(words);
        expect(r.findings).toBe(words);
        expect(report.quotations).toHaveLength(unit === 'word\n' ? 0 : n);
        const last = report.findings[report.findings.length - 1];
        expect(text.slice(last.span.start, last.span.end)).toBe(last.span.text);
        if (report.quotations.length) {
          const q = report.quotations[report.quotations.length - 1];
          expect(q.content.text).toBe('a');
          expect(q.span.start).toBe(text.length - unit.length);
        }
      }),
      { numRuns: 2 },
    );
  });
});
