/**
 * Conventions that enforce themselves: every built-in analyzer has a docs page, a test file and fixtures, and every
 * message id it declares is documented (with an example that really gives it) and exercised by a fixture or a test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGenerated } from '../scripts/fixtures';
import { builtinAnalyzers } from '../src/analyzers';
import { createPipeline } from '../src/pipeline';
import { parseMarks } from '../src/testing';

const ROOT = join(__dirname, '..');
const DOCS = join(ROOT, 'docs', 'analyzers');
const ids = Object.keys(builtinAnalyzers);
const read = (path: string): string => readFileSync(path, 'utf8');
const SECTIONS = ['What it reports', 'Messages', 'Options', 'Score', 'Limitations', 'How it was evaluated'];

/** The body of a `## title` section of a Markdown page ('' when absent). */
function section(page: string, title: string): string {
  const start = page.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const rest = page.slice(start + title.length + 5);
  const next = rest.indexOf('\n## ');
  return next < 0 ? rest : rest.slice(0, next);
}

/** Rows of the Messages table: | `id` | `example with [[span]]` | message |. */
function messageRows(page: string): Array<{ id: string; example: string; message: string }> {
  const rows = [];
  for (const line of section(page, 'Messages').split('\n')) {
    const m = /^\| `([^`]+)` \| `([^`]+)` \| (.+?) \|$/.exec(line);
    if (m) rows.push({ id: m[1], example: m[2].replace(/\\n/g, '\n'), message: m[3] });
  }
  return rows;
}

/** Test files of an analyzer: test/analyzers/<id>.test.ts and test/analyzers/<id>.<aspect>.test.ts. */
const testFiles = (id: string): string[] =>
  readdirSync(join(ROOT, 'test', 'analyzers'))
    .filter((f) => f === `${id}.test.ts` || (f.startsWith(`${id}.`) && f.endsWith('.test.ts')))
    .map((f) => join(ROOT, 'test', 'analyzers', f));

it('there are built-in analyzers to check', () => {
  expect(ids.length).toBeGreaterThanOrEqual(7);
});

it('docs/analyzers/README.md lists exactly the built-in analyzers, and there is no page of an unknown analyzer', () => {
  const index = read(join(DOCS, 'README.md'));
  const listed = [...index.matchAll(/^\| `([a-z-]+)` \| \[/gm)].map((m) => m[1]);
  expect(listed.sort()).toEqual([...ids].sort());
  const pages = readdirSync(DOCS)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.slice(0, -3));
  expect(pages.sort()).toEqual([...ids].sort());
});

describe.each(ids)('built-in analyzer %s', (id) => {
  const analyzer = builtinAnalyzers[id];
  const messageIds = Object.keys(analyzer.meta.messages);
  const docPath = join(DOCS, `${id}.md`);
  const page = existsSync(docPath) ? read(docPath) : '';
  const fixtureDir = join(ROOT, 'test', 'fixtures', id);
  const fixtureFiles = existsSync(fixtureDir) ? readdirSync(fixtureDir) : [];

  it('has a kebab-case id equal to its file name under src/analyzers/', () => {
    expect(analyzer.meta.id).toBe(id);
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(existsSync(join(ROOT, 'src', 'analyzers', `${id}.ts`))).toBe(true);
  });

  it(`has a docs page docs/analyzers/${id}.md with every section, which its meta.docs names`, () => {
    expect(analyzer.meta.docs).toBe(`docs/analyzers/${id}.md`);
    expect(page).not.toBe('');
    expect(page.startsWith(`# \`${id}\`\n`)).toBe(true);
    for (const title of SECTIONS) expect({ title, body: section(page, title).trim() !== '' }).toEqual({ title, body: true });
  });

  it('documents exactly its message ids, one example each', () => {
    expect(messageIds.length).toBeGreaterThan(0);
    expect(messageRows(page).map((r) => r.id)).toEqual(messageIds);
  });

  it('gives every documented example its finding and message (the analyzer alone, default options)', () => {
    const pipeline = createPipeline({ analyzers: [id] });
    const rows = messageRows(page);
    expect(rows.length).toBe(messageIds.length);
    for (const row of rows) {
      const { text, spans } = parseMarks(row.example);
      expect({ example: row.example, marks: spans.length }).toEqual({ example: row.example, marks: 1 });
      const found = pipeline
        .analyze(text)
        .findings.filter((f) => f.analyzer === id && f.span.start === spans[0].start && f.span.end === spans[0].end)
        .map((f) => ({ messageId: f.messageId, message: f.message }));
      expect(found).toContainEqual({ messageId: row.id, message: row.message });
    }
  });

  it('documents exactly its options, with the defaults of its options schema', () => {
    const schema = analyzer.meta.options as unknown as
      { shape?: Record<string, unknown>; parse(v: unknown): Record<string, unknown> } | undefined;
    const keys = Object.keys(schema?.shape ?? {});
    const rows = [...section(page, 'Options').matchAll(/^\| `([A-Za-z]+)` \| ([^|]+) \|/gm)].map((m) => [
      m[1],
      m[2].trim().replace(/^`|`$/g, ''),
    ]);
    expect(rows.map(([key]) => key)).toEqual(keys);
    expect(keys.length > 0 || section(page, 'Options').trim() === 'None.').toBe(true);
    const defaults = schema?.parse({}) ?? {};
    const stated = rows.filter(([key]) => typeof defaults[key] === 'number' || typeof defaults[key] === 'boolean');
    expect(Object.fromEntries(stated)).toEqual(Object.fromEntries(stated.map(([key]) => [key, String(defaults[key])])));
  });

  it(`has a test file test/analyzers/${id}.test.ts`, () => {
    expect(existsSync(join(ROOT, 'test', 'analyzers', `${id}.test.ts`))).toBe(true);
  });

  it(`has fixtures test/fixtures/${id}/*.txt, each with its .expected.json, and its tests read them`, () => {
    const texts = fixtureFiles.filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
    const expected = fixtureFiles.filter((f) => f.endsWith('.expected.json')).map((f) => f.slice(0, -'.expected.json'.length));
    expect(texts.length).toBeGreaterThan(0);
    expect(expected.sort()).toEqual(texts.sort());
    const sources = testFiles(id).map(read).join('\n');
    expect(sources.includes(`describeFixtures('${id}')`) || sources.includes(`'fixtures', '${id}'`)).toBe(true);
  });

  it('exercises every message id in a fixture or a test', () => {
    const inFixtures = new Set(
      fixtureFiles
        .filter((f) => f.endsWith('.txt'))
        .flatMap((f) => readGenerated(id, f.slice(0, -4))?.findings ?? [])
        .map((f) => f.messageId),
    );
    const sources = testFiles(id).map(read).join('\n');
    const missing = messageIds.filter((m) => !inFixtures.has(m) && !sources.includes(`'${m}'`) && !sources.includes(`"${m}"`));
    expect(missing).toEqual([]);
  });
});
