import { formatReport, toSarif, toW3c } from '../../src/format';
import { readInput } from '../../src/input';
import { convertReportOffsets, eachSpan } from '../../src/input/map-report';
import { createPipeline } from '../../src/pipeline';
import { checkSarif, checkW3c, sarifValidator } from './checks';

const pipeline = createPipeline();
const validate = sarifValidator();

describe('formatReport', () => {
  const text = 'Council slams “reckless” plan\r\n\r\nCritics slammed the plan, officials said.\r\nThe mayor 😀 is expected to resign.';

  it('sarif: valid against the OASIS SARIF 2.1.0 schema, regions as lines/columns and char offsets (CRLF, astral characters)', () => {
    const report = pipeline.analyze(text);
    const doc = JSON.parse(formatReport(report, 'sarif', { source: text, uri: 'story.txt' }));
    checkSarif(doc, text, report, validate);
    expect(doc.runs[0].results.length).toBeGreaterThan(2);
    // a broken document does not pass: the schema check can fail
    const broken = JSON.parse(JSON.stringify(doc));
    broken.runs[0].results[0].level = 'severe';
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('w3c: every quote selector re-anchors in the source at its position selector', () => {
    const report = pipeline.analyze(text);
    checkW3c(toW3c(report, { source: text }), text, report);
  });

  it('sarif and w3c of HTML input point into the HTML', () => {
    const html =
      '<html><head><title>x</title></head><body><h1>Council &ldquo;slams&rdquo; plan</h1>\n<p>Critics <b>slammed</b> the\n plan, officials said.</p></body></html>';
    const report = pipeline.analyze(html, { input: 'html' });
    const sarif = toSarif(report, { source: html });
    checkSarif(sarif, html, report, validate);
    checkW3c(toW3c(report, { source: html }), html, report);
    const slammed = report.findings.find((f) => f.span.text === 'slammed')!;
    expect(html.slice(slammed.span.source!.start, slammed.span.source!.end)).toBe('slammed');
  });

  it('text and html need the analysed text; sarif and w3c the source; a wrong-length text is refused', () => {
    const html = '<p>Critics slammed the plan.</p>';
    const report = pipeline.analyze(html, { input: 'html' });
    expect(() => formatReport(report, 'sarif')).toThrow(/needs the original input/);
    expect(() => formatReport(report, 'text', { source: html })).toThrow(/needs the analysed text/);
    expect(() => formatReport(report, 'text', { text: html })).toThrow(/characters/);
    expect(formatReport(report, 'text', { text: readInput(html, 'html').text })).toContain('[slammed]');
    expect(() => formatReport(report, 'xml' as never)).toThrow(/Unknown format "xml"; valid: json, text, html, sarif, w3c, csv/);
  });

  it('csv: a header and one row whose counts match the report', () => {
    const report = pipeline.analyze(text);
    const [header, row, end] = formatReport(report, 'csv', { id: 'a,1' }).split('\r\n');
    expect(end).toBe('');
    const cols = header.split(',');
    const cells = row.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const get = (name: string): string => cells[cols.indexOf(name)];
    expect(get('id')).toBe('"a,1"');
    expect(Number(get('findings'))).toBe(report.findings.length);
    expect(Number(get('findings:loaded-language'))).toBe(report.findings.filter((f) => f.analyzer === 'loaded-language').length);
    expect(Number(get('words'))).toBe(report.stats.words);
  });
});

describe('offsets in other units', () => {
  const text = 'Zoë 😀 said the “plan” was a disgraceful failure. Critics slammed it.';

  it('codepoint and utf8 offsets slice the same text out of Python-style and byte strings', () => {
    const utf16 = pipeline.analyze(text);
    for (const unit of ['codepoint', 'utf8'] as const) {
      const report = pipeline.analyze(text, { offsets: unit });
      expect(report.input.offsets).toBe(unit);
      const units = unit === 'codepoint' ? Array.from(text) : [...new TextEncoder().encode(text)];
      let n = 0;
      eachSpan(report, (span) => {
        n++;
        const slice =
          unit === 'codepoint'
            ? (units as string[]).slice(span.start, span.end).join('')
            : new TextDecoder().decode(new Uint8Array((units as number[]).slice(span.start, span.end)));
        expect(slice).toBe(span.text);
      });
      expect(n).toBeGreaterThan(5);
      expect(report.findings.map((f) => f.span.text)).toEqual(utf16.findings.map((f) => f.span.text));
    }
    const slammed = pipeline.analyze(text, { offsets: 'utf8' }).findings.find((f) => f.span.text === 'slammed')!;
    const utf16Slammed = utf16.findings.find((f) => f.span.text === 'slammed')!;
    // ë (2 bytes, 1 unit), 😀 (4 bytes, 2 units), “ ” (3 bytes, 1 unit each) come before it: +1 +2 +2 +2
    expect(slammed.span.start - utf16Slammed.span.start).toBe(7);
  });

  it('converts source offsets of markup input in the source’s own units', () => {
    const html = '<p>Zoë &amp; 😀: critics <b>slammed</b> it.</p>';
    const report = pipeline.analyze(html, { input: 'html', offsets: 'codepoint' });
    const f = report.findings.find((x) => x.span.text === 'slammed')!;
    expect(Array.from(html).slice(f.span.source!.start, f.span.source!.end).join('')).toBe('slammed');
    expect(() => convertReportOffsets(report, 'utf8', 'x')).toThrow(/not in UTF-16/);
    expect(() => formatReport(report, 'sarif', { source: html })).toThrow(/UTF-16 offsets/);
  });
});
