/**
 * Quick start: analyse the bundled reference article and print what slant found.
 * Run: npx tsx examples/quick-start.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from 'slant';

const text = readFileSync(join(__dirname, 'articles', 's400-india.txt'), 'utf8');
const report = analyze(text);

console.log(`${report.stats.words} words, ${report.stats.sentences} sentences; overall score ${report.score.overall}`);
for (const [id, result] of Object.entries(report.analyzers))
  console.log(`- ${id}: ${result.score === null ? 'not scored' : result.score.toFixed(2)} (${result.basis})`);

console.log('\nFirst findings of each analyzer:');
for (const id of Object.keys(report.analyzers)) {
  for (const f of report.findings.filter((x) => x.analyzer === id).slice(0, 2)) {
    // Offsets are exact: text.slice(start, end) is the finding's text.
    console.log(`  [${f.span.start}, ${f.span.end}) ${f.analyzer}: "${text.slice(f.span.start, f.span.end)}" — ${f.message}`);
  }
}

console.log('\nSources:');
for (const s of report.sources) console.log(`  ${s.name}${s.role ? `, ${s.role}` : ''} (${s.type}, ${s.attributions} attribution(s))`);
