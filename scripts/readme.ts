import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinAnalyzers, presets } from '../src/analyzers';
import type { Analyzer } from '../src/analyzer';
import { formatText } from '../src/format/text';
import { createPipeline } from '../src/pipeline';
import { formatsOutput, htmlInputOutput } from './readme-io';

/** The README's analyzers table, generated from each analyzer's `meta` so it cannot drift. */
export function analyzersTable(): string {
  const recommended = new Set(
    presets.recommended.map((s) => (typeof s === 'string' ? s : 'analyzer' in s ? s.analyzer.meta.id : (s as Analyzer).meta.id)),
  );
  const rows = Object.values(builtinAnalyzers).map((a) => {
    const m = a.meta;
    const messages = Object.keys(m.messages)
      .map((id) => `\`${id}\``)
      .join(', ');
    const lexicons = (m.lexicons ?? []).map((l) => `\`${l}\``).join(', ') || '—';
    return `| \`${m.id}\` | ${m.description.replace(/\s+/g, ' ').trim()} | ${messages} | ${lexicons} | ${recommended.has(m.id) ? 'yes' : 'no'} |`;
  });
  return ['| id | what it reports | message ids | lexicons | in `recommended` |', '|---|---|---|---|---|', ...rows].join('\n');
}

export const QUICKSTART_ARTICLE = 'examples/articles/s400-india.txt';

/**
 * What `npx slant analyze examples/articles/s400-india.txt` prints (no colour), abridged where marked with "…": the
 * README shows real output, regenerated whenever the analyzers change.
 */
export function quickstartOutput(): string {
  const text = readFileSync(join(__dirname, '..', QUICKSTART_ARTICLE), 'utf8');
  const lines = formatText(createPipeline().analyze(text), text, { colour: false, minSeverity: 'warning' }).trimEnd().split('\n');
  const findings = lines.findIndex((l) => l.startsWith('Findings ('));
  const sources = lines.findIndex((l) => l.startsWith('Sources (') || l.startsWith('Scores'));
  const shownFindings = lines[findings + 1].includes('not listed') ? 10 : 9;
  const out = [...lines.slice(0, 6), '…', '', ...lines.slice(findings, findings + 1 + shownFindings), '  …', '', ...lines.slice(sources)];
  return ['```console', `$ npx slant analyze ${QUICKSTART_ARTICLE}`, ...out, '```'].join('\n');
}

/** The bundled example articles (all written for this project; names and events are invented except in s400-india). */
export const EXAMPLE_ARTICLES: ReadonlyArray<{ file: string; what: string }> = [
  { file: 'examples/articles/s400-india.txt', what: 'a promotional piece on an arms deal' },
  { file: 'examples/articles/water-fine.txt', what: 'a court report with named, quoted sources' },
  { file: 'examples/articles/housing-column.txt', what: 'an opinion column' },
];

/** The scores and source counts of every bundled article, from the default pipeline: how the three compare. */
export function examplesTable(): string {
  const pipeline = createPipeline();
  const score = (v: number | null | undefined): string => (v === null || v === undefined ? 'n/a' : v.toFixed(2));
  const rows = EXAMPLE_ARTICLES.map(({ file, what }) => {
    const r = pipeline.analyze(readFileSync(join(__dirname, '..', file), 'utf8'));
    const count = (types: string[]): number => r.sources.filter((s) => types.includes(s.type)).length;
    const a = r.analyzers;
    return (
      `| \`${file.replace('examples/articles/', '')}\` | ${what} | ${r.stats.words} | ${score(a['loaded-language']?.score)} | ${score(a.sourcing?.score)} | ` +
      `${score(a['unattributed-assertions']?.score)} | ${score(r.score.overall)} | ${count(['named-person', 'named-organization'])} / ${count(['anonymous'])} / ${count(['vague-collective'])} |`
    );
  });
  return [
    '| article | what it is | words | loaded-language | sourcing | unattributed-assertions | overall | sources: named / anonymous / vague |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

const blocks: Record<string, () => string> = {
  analyzers: analyzersTable,
  quickstart: quickstartOutput,
  examples: examplesTable,
  htmlinput: htmlInputOutput,
  formats: formatsOutput,
};

/** Replaces every generated block (`<!-- name:begin … -->` … `<!-- name:end -->`) in a README text. */
export function withGeneratedBlocks(readme: string): string {
  let out = readme;
  for (const [name, generate] of Object.entries(blocks)) {
    const begin = new RegExp(`<!-- ${name}:begin[^>]*-->`).exec(out);
    const endMark = `<!-- ${name}:end -->`;
    const end = out.indexOf(endMark);
    if (!begin || end < 0) throw new Error(`README has no ${name} block`);
    out = out.slice(0, begin.index + begin[0].length) + '\n' + generate() + '\n' + out.slice(end);
  }
  return out;
}
