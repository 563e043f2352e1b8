import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/report';

/**
 * The OASIS schema (draft-04, see ./sarif/README.md) with ajv's draft-07 engine: every keyword it uses means the
 * same in both drafts; only the draft-04 `id` is renamed `$id` and `$schema` dropped.
 */
export function sarifValidator(): (doc: unknown) => string[] {
  const schema = JSON.parse(readFileSync(join(__dirname, 'sarif', 'sarif-schema-2.1.0.validation.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const { $schema: _s, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile({ $id: id as string, ...rest });
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

/** Re-anchors a TextQuoteSelector in the source: every occurrence of exact with its prefix and suffix. */
export function anchorQuote(source: string, q: { exact: string; prefix: string; suffix: string }): number[] {
  const found: number[] = [];
  for (let i = source.indexOf(q.exact); i >= 0; i = source.indexOf(q.exact, i + 1)) {
    if (source.slice(0, i).endsWith(q.prefix) && source.slice(i + q.exact.length).startsWith(q.suffix)) found.push(i);
  }
  return found;
}

type Selector = { type: string; exact: string; prefix: string; suffix: string; start: number; end: number };
export function checkW3c(doc: Record<string, unknown>, source: string, report: Report): void {
  expect(doc['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
  expect(doc.type).toBe('AnnotationCollection');
  const items = (doc.first as { items: Array<{ type: string; body: Array<Record<string, unknown>>; target: { selector: Selector[] } }> })
    .items;
  expect(items).toHaveLength(report.findings.length);
  items.forEach((a, i) => {
    const f = report.findings[i];
    expect(a.type).toBe('Annotation');
    expect(a.body[0]).toMatchObject({
      value: f.message,
      'slant:analyzer': f.analyzer,
      'slant:messageId': f.messageId,
      'slant:severity': f.severity,
    });
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    expect(quote.prefix.length).toBeLessThanOrEqual(32);
    expect(quote.suffix.length).toBeLessThanOrEqual(32);
    expect(anchorQuote(source, quote)).toContain(pos.start);
    expect(pos.end - pos.start).toBe(quote.exact.length);
    expect(pos).toEqual({ type: 'TextPositionSelector', start: (f.span.source ?? f.span).start, end: (f.span.source ?? f.span).end });
  });
}

export function checkSarif(doc: Record<string, unknown>, source: string, report: Report, validate: (d: unknown) => string[]): void {
  expect(validate(doc)).toEqual([]);
  const run = (doc.runs as Array<Record<string, unknown>>)[0];
  expect(run.columnKind).toBe('utf16CodeUnits');
  const rules = (run.tool as { driver: { rules: Array<{ id: string }> } }).driver.rules;
  expect(rules.map((r) => r.id)).toEqual(Object.keys(report.rules));
  const lines = source.split(/\r\n|\r|\n/);
  const results = run.results as Array<{
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { region: Record<string, number> } }>;
  }>;
  expect(results).toHaveLength(report.findings.length);
  results.forEach((r, i) => {
    const f = report.findings[i];
    const src = f.span.source ?? f.span;
    const region = r.locations[0].physicalLocation.region;
    expect([r.ruleId, rules[r.ruleIndex].id, r.message.text, r.level]).toEqual([
      f.analyzer,
      f.analyzer,
      f.message,
      f.severity === 'warning' ? 'warning' : 'note',
    ]);
    expect([region.charOffset, region.charLength]).toEqual([src.start, src.end - src.start]);
    // the 1-based line/column pair points at the same characters
    if (region.startLine === region.endLine) {
      expect(lines[region.startLine - 1].slice(region.startColumn - 1, region.endColumn - 1)).toBe(source.slice(src.start, src.end));
    } else {
      expect(lines[region.startLine - 1].slice(region.startColumn - 1)).toBe(source.slice(src.start, src.end).split(/\r\n|\r|\n/)[0]);
    }
  });
}
