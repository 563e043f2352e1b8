/**
 * The lexicon documents state counts, categories, examples and option defaults; these tests keep them in step with
 * the JSON files and the analyzers' option schemas, so a rebuilt lexicon or a changed default cannot leave a stale
 * number in the docs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinAnalyzers } from '../src/analyzers';

const ROOT = join(__dirname, '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
interface Entry {
  id: string;
  terms: string[];
  category: string;
  weight: number;
}
const entriesOf = (file: string): Entry[] => (JSON.parse(read(file)) as { entries: Entry[] }).entries;
const num = (s: string): number => Number(s.replace(/,/g, ''));

/** Rows of the first Markdown table whose first header cell is `first`: cells of each body row, trimmed. */
function table(md: string, first: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
  if (start < 0) throw new Error(`no table starting with "${first}"`);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(
      lines[i]
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}
const unticked = (cell: string): string => cell.replace(/^`|`$/g, '');
const countBy = (entries: Entry[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const e of entries) out[e.category] = (out[e.category] ?? 0) + 1;
  return out;
};
/** Whether `example` is a term (compared in lower case) of an entry of `category`. */
const isTermOf = (entries: Entry[], category: string, example: string): boolean =>
  entries.some((e) => e.category === category && e.terms.some((t) => t.toLowerCase() === example.toLowerCase()));

describe('lexicons/en/loaded-language.md', () => {
  const md = read('lexicons/en/loaded-language.md');
  const entries = entriesOf('lexicons/en/loaded-language.json');
  const rows = table(md, 'category');

  it('states the number of entries of the JSON file', () => {
    const stated = [...md.matchAll(/(?:lists|Compiling the) ([\d,]+) (?:words and phrases|entries)\b/g)].map((m) => num(m[1]));
    expect(stated.length).toBe(2);
    for (const n of stated) expect(n).toBe(entries.length);
  });

  it('gives every category with its number of entries', () => {
    const stated = Object.fromEntries(rows.map((r) => [unticked(r[0]), num(r[1])]));
    expect(stated).toEqual(countBy(entries));
  });

  it('gives as examples only terms of that category', () => {
    const wrong = rows.flatMap((r) =>
      r[2]
        .split(', ')
        .filter((x) => !isTermOf(entries, unticked(r[0]), x))
        .map((x) => `${unticked(r[0])}: ${x}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('lexicons/en/agency.md', () => {
  const entries = entriesOf('lexicons/en/agency.json');
  const rows = table(read('lexicons/en/agency.md'), 'category');

  it('lists exactly the categories of the JSON file', () => {
    expect(rows.map((r) => unticked(r[0])).sort()).toEqual(Object.keys(countBy(entries)).sort());
  });

  it('gives as examples only terms of that category', () => {
    // the `error` row shows a slot pattern and sentences, not terms
    const wrong = rows
      .filter((r) => !r[2].includes('`'))
      .flatMap((r) =>
        r[2]
          .split(', ')
          .filter((x) => !isTermOf(entries, unticked(r[0]), x))
          .map((x) => `${unticked(r[0])}: ${x}`),
      );
    expect(rows.filter((r) => !r[2].includes('`')).length).toBeGreaterThanOrEqual(4);
    expect(wrong).toEqual([]);
  });
});

describe('lexicons/en/tone-adjustments.md', () => {
  it('lists exactly the categories of the JSON file', () => {
    const rows = table(read('lexicons/en/tone-adjustments.md'), 'category');
    expect(rows.map((r) => unticked(r[0])).sort()).toEqual(Object.keys(countBy(entriesOf('lexicons/en/tone-adjustments.json'))).sort());
  });
});

describe('lexicons/en/frames.md', () => {
  const md = read('lexicons/en/frames.md');
  const model = JSON.parse(read('models/frames.json')) as {
    labels: string[];
    vocabulary: string[];
    config: { maxVocab: number };
    metrics: { cv: { micro_f1: number; macro_f1: number } };
  };
  const cues = entriesOf('lexicons/en/frame-cues.json');

  it('lists the model labels, which are the cue categories', () => {
    const labels = table(md, 'label').map((r) => unticked(r[0]));
    expect([...labels].sort()).toEqual([...model.labels].sort());
    expect(Object.keys(countBy(cues)).sort()).toEqual([...model.labels].sort());
    expect(md).toContain(`one of the ${model.labels.length} generic`);
  });

  it('states the cue weights and the vocabulary size in use', () => {
    expect([...new Set(cues.map((e) => e.weight))].sort()).toEqual([0.3, 0.6, 1]);
    expect(md).toContain('`weight` (1 specific, 0.6 usual, 0.3 weak');
    expect(md).toContain(`the ${model.config.maxVocab.toLocaleString('en-US')} most frequent`);
    expect(model.vocabulary.length).toBeLessThanOrEqual(model.config.maxVocab);
  });

  it('quotes the cross-validated scores stored in the model', () => {
    const row = table(md, '').find((r) => r[0].startsWith('nested 5-fold CV'));
    expect(row).toBeDefined();
    expect(num(row![1])).toBe(Number(model.metrics.cv.micro_f1.toFixed(3)));
    expect(num(row![2].split(' ')[0])).toBe(Number(model.metrics.cv.macro_f1.toFixed(3)));
  });
});

describe('option defaults stated in the docs', () => {
  it("match the analyzers' option schemas", () => {
    const checked: string[] = [];
    for (const analyzer of Object.values(builtinAnalyzers)) {
      const defaults = analyzer.meta.options?.parse({}) as Record<string, unknown> | undefined;
      if (!defaults) continue;
      const files = [`src/analyzers/${analyzer.meta.id}.ts`];
      if (analyzer.meta.docs && existsSync(join(ROOT, analyzer.meta.docs))) {
        files.push(analyzer.meta.docs);
        // the lexicon pages its docs page links to (lexicons/en/<name>.md), where the rules and their options are told
        for (const m of read(analyzer.meta.docs).matchAll(/lexicons\/en\/[a-z-]+\.md/g)) if (!files.includes(m[0])) files.push(m[0]);
      }
      for (const file of files) {
        const text = read(file);
        for (const [key, value] of Object.entries(defaults)) {
          if (typeof value !== 'number') continue;
          // "`minWeight` (default **0.23**)", "`minCueWeight` (0.5)", "`minSentenceScore` (default 4)"
          for (const m of text.matchAll(new RegExp('`' + key + '`\\s*\\((?:default\\s+)?\\**([0-9.]+)\\**[),]', 'g'))) {
            checked.push(`${file} ${key}`);
            expect(`${file} ${key} ${num(m[1])}`).toBe(`${file} ${key} ${value}`);
          }
        }
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(3);
  });

  it('every analyzer documented in a file names one that exists', () => {
    const missing = Object.values(builtinAnalyzers)
      .map((a) => a.meta.docs)
      .filter((d): d is string => !!d && !/^https?:/.test(d) && !existsSync(join(ROOT, d)));
    expect(missing).toEqual([]);
  });
});
