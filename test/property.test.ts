import fc from 'fast-check';
import { createPipeline } from '../src/pipeline';
import { parseDocument } from '../src/document/build';
import { assertReportInvariants } from '../src/testing';
import { builtinAnalyzers } from '../src/analyzers';
import { exclamations } from '../examples/custom-analyzer';

// Every built-in analyzer plus the example, so that every finding any of them can produce is checked.
const pipeline = createPipeline({ analyzers: [...Object.keys(builtinAnalyzers), exclamations] });

const newsish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'said',
        'the',
        'minister',
        'Critics',
        'slammed',
        '"',
        '“',
        '”',
        "'",
        '‘',
        '’',
        ',',
        '.',
        '!',
        '\n',
        '\n\n',
        '\r\n',
        ' ',
        'according to',
        'reportedly',
        'so-called',
        'cannot',
        'Cannot',
        '👨‍👩‍👧',
        '🏽',
        '\u00a0',
        '—',
        "don't",
        "'90s",
        "Jones'",
      ),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(' '));

describe('invariants on random input', () => {
  it('every token, sentence and quotation offset slices to its text (1,000 runs)', () => {
    fc.assert(
      fc.property(newsish, (text) => {
        const doc = parseDocument(text);
        for (const t of doc.tokens) if (text.slice(t.start, t.end) !== t.value) return false;
        for (const s of doc.sentences) if (s.start > s.end || s.end > text.length) return false;
        for (const q of doc.quotations) if (!(q.start <= q.contentStart && q.contentEnd <= q.end && q.end <= text.length)) return false;
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it('every report parses with ReportSchema and every span equals its slice (1,000 runs, unicode, lone surrogates, CRLF)', () => {
    fc.assert(
      fc.property(fc.oneof(newsish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        assertReportInvariants(pipeline.analyze(text), text);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles very long lines', () => {
    const text = 'The council said "it would consider the matter" and moved on, '.repeat(2000);
    assertReportInvariants(pipeline.analyze(text), text);
  });

  // Text that is not prose (no sentence breaks, stray marks, pasted data): each shape once made a parse or an
  // attribution step scan its whole sentence or paragraph per cue, mark or pronoun. Valid reports, exact spans.
  it.each([
    ['cues with no sentence break', 'He said that she said that '.repeat(4000)],
    ['names and pronouns with no sentence break', 'John Smith, Jane Doe and Bob Lee said — she said — '.repeat(2000)],
    ['stray opening quotation marks', '"a '.repeat(8000)],
    ['possessive-looking single quotes', "'the Joneses' car ".repeat(4000)],
    ['one 200,000-character token', `Critics slammed it. ${'x-'.repeat(100_000)} Officials said so.`],
    ['line breaks and spaces alternating (text extracted from HTML)', `Critics slammed it.${'\n '.repeat(40_000)}Officials said so.`],
    ['attributions with no source in one unbroken sentence', '— claimed ) ’ '.repeat(3000)],
  ])('handles %s', (_name, text) => {
    const report = pipeline.analyze(text);
    assertReportInvariants(report, text);
    expect(report.stats.characters).toBe(text.length);
  });
});
