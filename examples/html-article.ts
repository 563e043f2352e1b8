/**
 * Analyses a web page (examples/articles/water-fine.html) and prints each warning finding with where it is in the
 * HTML file: line and column, and the markup around it. Run: npx tsx examples/html-article.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, formatReport } from 'slant';

const html = readFileSync(join(__dirname, 'articles', 'water-fine.html'), 'utf8');
const report = analyze(html, { input: 'html' });

console.log(`read ${report.input.characters} characters of ${report.input.format}; analysed ${report.stats.words} words`);
for (const f of report.findings.filter((x) => x.severity === 'warning')) {
  const { start, end } = f.span.source!; // the finding's range in the HTML file
  const line = html.slice(0, start).split('\n').length;
  const column = start - html.lastIndexOf('\n', start - 1);
  console.log(`${line}:${column} ${f.analyzer}: ${JSON.stringify(html.slice(start, end))} — ${f.message}`);
}

// The same findings as SARIF 2.1.0, with regions in the HTML file.
const sarif = JSON.parse(formatReport(report, 'sarif', { source: html, uri: 'water-fine.html' }));
console.log(
  `SARIF: ${sarif.runs[0].results.length} results, first at line ${sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine}`,
);
