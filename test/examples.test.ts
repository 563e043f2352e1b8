import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Examples are runnable documentation: each one runs here (through tsx, as the README says) so they cannot rot.
const root = join(__dirname, '..');
const run = (name: string): string =>
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', name)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('examples', () => {
  it('quick-start prints the scores, findings with exact offsets, and sources', () => {
    const out = run('quick-start.ts');
    expect(out).toMatch(/649 words, 21 sentences/);
    expect(out).toMatch(/\[956, 971\) loaded-language: "one of the most"/);
    expect(out).toMatch(/unattributed-assertions: "reported" — No source named/);
    expect(out).toMatch(/Dmitry Peskov, the press secretary/);
  }, 60_000);

  it('custom-analyzer reports its finding through the pipeline', () => {
    expect(run('custom-analyzer.ts')).toMatch(/exclamation in the writer’s voice: "This is a deal like no other!"/);
  }, 60_000);

  it('custom-lexicon adds a term and removes another', () => {
    const out = run('custom-lexicon.ts');
    expect(out).toMatch(/"nothingburger"/);
    expect(out).toMatch(/"brutal"/);
    expect(out).not.toMatch(/"slammed"/);
  }, 60_000);

  it('highlight-html writes an escaped, self-contained page', () => {
    const out = run('highlight-html.ts');
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('<mark');
    expect(out).toContain('Dmitry Peskov');
  }, 60_000);

  it('html-article prints each warning at its line and column in the HTML file, and SARIF results', () => {
    const out = run('html-article.ts');
    expect(out).toMatch(/^read 2843 characters of html; analysed 202 words/);
    expect(out).toContain('34:64 loaded-language: "cavalier" — Charged word "cavalier"');
    expect(out).toMatch(/SARIF: 18 results/);
  }, 60_000);

  it('batch-corpus yields one line per article, in order', () => {
    const lines = run('batch-corpus.ts').trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['a1', 'a2', 'a3']);
  }, 60_000);
});
