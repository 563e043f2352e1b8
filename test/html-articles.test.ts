/**
 * Acceptance for HTML input: the three bundled HTML pages (examples/articles/*.html: the example articles in page
 * markup with header, nav, figure, an inline ad, footer, entities and curly quotes as entities) give the same
 * findings as the plain-text articles; every source range reads as its span; sarif and w3c pass their checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSarif, toW3c } from '../src/format';
import { readInput } from '../src/input';
import { eachSpan } from '../src/input/map-report';
import { createPipeline } from '../src/pipeline';
import { ReportSchema } from '../src/report';
import { assertReportInvariants } from '../src/testing';
import { checkSarif, checkW3c, sarifValidator } from './format/checks';
import { normalise, stripHtml } from './input/invariant';

const pipeline = createPipeline();
const validate = sarifValidator();
const read = (name: string): string => readFileSync(join(__dirname, '..', 'examples', 'articles', name), 'utf8');
const key = (r: { findings: Array<{ analyzer: string; messageId: string; span: { text: string } }> }): string[] =>
  r.findings.map((f) => `${f.analyzer} ${f.messageId} ${f.span.text}`);

describe.each(['water-fine', 'housing-column', 's400-india'])('examples/articles/%s.html', (name) => {
  const html = read(`${name}.html`);
  const report = pipeline.analyze(html, { input: 'html' });

  it('gives the findings of the plain-text article (analyzer, message id, text)', () => {
    const plain = pipeline.analyze(read(`${name}.txt`));
    expect(key(report)).toEqual(key(plain));
    expect(report.findings.length).toBeGreaterThan(10);
    expect(report.quotations.map((q) => q.content.text)).toEqual(plain.quotations.map((q) => q.content.text));
  });

  it('every span has a source range that reads as its text; the report is valid', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    assertReportInvariants(report, readInput(html, 'html').text);
    let n = 0;
    eachSpan(report, (span) => {
      n++;
      expect(normalise(stripHtml(html.slice(span.source!.start, span.source!.end)))).toBe(normalise(span.text));
    });
    expect(n).toBeGreaterThan(20);
    expect(report.input).toEqual({ format: 'html', characters: html.length, offsets: 'utf16' });
  });

  it('skips page chrome: no nav, header, footer, ad or script text', () => {
    const text = readInput(html, 'html').text;
    expect(text).not.toMatch(/Advertisement|All rights reserved|dataLayer|Sport\b|By (Staff|Columnist|Foreign)/);
    expect(text.split('\n')[0]).toBe(read(`${name}.txt`).split('\n')[0]);
  });

  it('sarif is valid SARIF 2.1.0 pointing into the HTML; w3c selectors re-anchor in it', () => {
    checkSarif(toSarif(report, { source: html, uri: `${name}.html` }), html, report, validate);
    checkW3c(toW3c(report, { source: html }), html, report);
  });
});
