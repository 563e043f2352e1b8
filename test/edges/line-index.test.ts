/** #14 item 6: line:column by a line-start index (linear overall; src/format/lines.ts, shared with SARIF) gives what scanning from the start gave (LF and CRLF line ends). */
import fc from 'fast-check';
import { lineColumn } from '../../src/render/highlight';
import { lineIndex } from '../../src/format/lines';

describe('lineIndex', () => {
  it('equals the scan from the start for every offset (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', '\n\n', '😀', ' '), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const at = lineIndex(text);
        for (let i = 0; i <= text.length + 1; i++) expect(at(i)).toEqual(lineColumn(text, i));
      }),
      { numRuns: 300 },
    );
  });

  it('the text view uses it (no per-finding scan): a finding on the last line of a long text gets its line', async () => {
    const { formatText } = await import('../../src/format/text');
    const { createPipeline } = await import('../../src/pipeline');
    const text = 'The council met.\n'.repeat(2000) + 'Critics slammed the plan.\n';
    const out = formatText(createPipeline({ analyzers: ['loaded-language'] }).analyze(text), text, { colour: false, minSeverity: 'info' });
    expect(out).toMatch(/\n {2}1 {3}2001:9 +loaded-language/);
  });
});
