/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format): one run, one result per finding, regions in the
 * source the report was made from (its `span.source` when the input was markup), as 1-based lines and columns in
 * UTF-16 code units and as charOffset/charLength. Rules come from the analyzer meta the report carries. Pure.
 */
import type { Finding, Report } from '../report';
import { lineIndex } from './lines';
import { requireSource, sourceRange, type FormatOptions } from './options';

declare const SLANT_VERSION: string | undefined;
const VERSION = typeof SLANT_VERSION === 'string' ? SLANT_VERSION : '0.0.0-dev';

const LANGUAGE: Record<string, string> = { text: 'plaintext', html: 'html', markdown: 'markdown' };
const MIME: Record<string, string> = { text: 'text/plain', html: 'text/html', markdown: 'text/markdown' };

/** `{{ name }}` placeholders become SARIF's `{0}`, `{1}`… (literal braces doubled, as SARIF requires). */
function sarifTemplate(template: string): string {
  const names: string[] = [];
  return template
    .split(/(\{\{\s*\w+\s*\}\})/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[{}]/g, (b) => b + b);
      const name = part.replace(/[{}\s]/g, '');
      if (!names.includes(name)) names.push(name);
      return `{${names.indexOf(name)}}`;
    })
    .join('');
}

export function toSarif(report: Report, options: FormatOptions = {}): Record<string, unknown> {
  const source = requireSource(report, options, 'sarif');
  const uri = options.uri ?? `article.${report.input.format === 'markdown' ? 'md' : report.input.format === 'html' ? 'html' : 'txt'}`;
  const at = lineIndex(source);
  const ids = Object.keys(report.rules);
  const rules = ids.map((id) => {
    const r = report.rules[id];
    const messageStrings: Record<string, { text: string }> = {};
    for (const [mid, t] of Object.entries(r.messages)) messageStrings[mid] = { text: sarifTemplate(t) };
    const rule: Record<string, unknown> = {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      fullDescription: { text: r.description },
      messageStrings,
      help: { text: `${r.description}${r.docs ? ` See ${r.docs}.` : ''}` },
      properties: { category: r.category },
    };
    if (r.docs && /^https?:\/\//.test(r.docs)) rule.helpUri = r.docs;
    return rule;
  });
  const result = (f: Finding): Record<string, unknown> => {
    const { start, end } = sourceRange(f.span);
    const a = at(start);
    const b = at(end);
    const properties: Record<string, unknown> = {
      messageId: f.messageId,
      category: f.category,
      voice: f.voice,
      severity: f.severity,
      text: f.span.text,
    };
    if (f.explanation) properties.explanation = f.explanation;
    if (Object.keys(f.evidence).length) properties.evidence = f.evidence;
    if (f.suggestions.length) properties.suggestions = f.suggestions;
    return {
      ruleId: f.analyzer,
      ruleIndex: ids.indexOf(f.analyzer),
      level: f.severity === 'warning' ? 'warning' : 'note',
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, index: 0 },
            region: {
              startLine: a.line,
              startColumn: a.column,
              endLine: b.line,
              endColumn: b.column,
              charOffset: start,
              charLength: end - start,
              snippet: { text: source.slice(start, end) },
            },
          },
        },
      ],
      properties,
    };
  };
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'slant', version: VERSION, informationUri: 'https://github.com/slant/slant', rules } },
        invocations: [{ executionSuccessful: true }],
        artifacts: [
          {
            location: { uri },
            length: report.input.characters,
            mimeType: MIME[report.input.format],
            sourceLanguage: LANGUAGE[report.input.format],
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: report.findings.map(result),
        properties: { schemaVersion: report.schemaVersion, score: report.score.overall, input: report.input },
      },
    ],
  };
}
