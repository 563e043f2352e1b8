// README blocks for input formats and output formats: real output of the HTML example article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDINGS_CSV_HEADER, findingsCsvRows, formatReport, toSarif, toW3c } from '../src/format';
import { readInput } from '../src/input';
import { createPipeline } from '../src/pipeline';

const FILE = 'examples/articles/water-fine.html';

function analyse(): { html: string; text: string; report: ReturnType<ReturnType<typeof createPipeline>['analyze']> } {
  const html = readFileSync(join(__dirname, '..', FILE), 'utf8');
  return { html, text: readInput(html, 'html').text, report: createPipeline().analyze(html, { input: 'html' }) };
}

/** `slant analyze` on the HTML page: the extracted text's first lines, and one finding with its source range. */
export function htmlInputOutput(): string {
  const { html, text, report } = analyse();
  const lines = formatReport(report, 'text', { text }).split('\n');
  const f = report.findings.find((x) => x.analyzer === 'loaded-language')!;
  const finding = { analyzer: f.analyzer, messageId: f.messageId, voice: f.voice, span: f.span };
  return [
    '```console',
    `$ npx slant analyze ${FILE}`,
    ...lines.slice(0, 6),
    '…',
    '```',
    '',
    `\`--format json\` (excerpt): the report says what it read, and each span carries \`source\`, its range in the HTML file (here \`${html.slice(f.span.source!.start, f.span.source!.end)}\`, between \`&ldquo;a \` and \` disregard&rdquo;\`):`,
    '',
    '```json',
    `"input": ${JSON.stringify(report.input)},`,
    `"findings": [ …, ${JSON.stringify(finding)}, … ]`,
    '```',
  ].join('\n');
}

/** One finding of the HTML page as SARIF and as a W3C annotation, and the CSV forms. */
export function formatsOutput(): string {
  const { html, report } = analyse();
  const i = report.findings.findIndex((x) => x.analyzer === 'loaded-language');
  const sarif = toSarif(report, { source: html, uri: 'water-fine.html' }) as { runs: Array<{ results: unknown[]; columnKind: string }> };
  const w3c = toW3c(report, { source: html, uri: 'https://example.org/water-fine.html' }) as { first: { items: unknown[] } };
  const csv = formatReport(report, 'csv', { id: 'water-fine' }).trimEnd().split('\r\n');
  const findingsCsv = (FINDINGS_CSV_HEADER + findingsCsvRows('water-fine', report)).trimEnd().split('\r\n');
  return [
    `\`--format sarif\`: one run, \`columnKind: "${sarif.runs[0].columnKind}"\`, a rule per analyzer (from the meta in the report), one result per finding:`,
    '',
    '```json',
    JSON.stringify(sarif.runs[0].results[i], null, 2),
    '```',
    '',
    '`--format w3c`: an `AnnotationCollection`; each annotation:',
    '',
    '```json',
    JSON.stringify(w3c.first.items[i], null, 2),
    '```',
    '',
    '`--format csv` (and `slant batch --format csv`: one row per article), and `slant batch --findings-csv FILE` (one row per finding):',
    '',
    '```csv',
    ...csv,
    '```',
    '',
    '```csv',
    ...findingsCsv.slice(0, 4),
    '…',
    '```',
  ].join('\n');
}
