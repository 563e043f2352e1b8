/**
 * The Markdown parser is ESM-only: tsup bundles it into both builds. Both dist/index.js (CommonJS, through the
 * package's own "exports") and dist/index.mjs read Markdown and HTML, and the CLI reads a .md file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
const md = JSON.stringify('# Council plan\n\nCritics *slammed* the [plan](http://x.org).\n');
const html = JSON.stringify('<h1>Council plan</h1><p>Critics <b>slammed</b> the plan.</p>');

describe('dist builds read Markdown and HTML', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run "npm run build" (npm ci does it)');
  });

  it('from require() and from import', () => {
    const script = (s: string): string =>
      `const a = ${s}.analyze(${md}, { input: 'markdown' }).findings.find((f) => f.span.text === 'slammed'); const b = ${s}.analyze(${html}, { input: 'html' }).findings.find((f) => f.span.text === 'slammed'); console.log(JSON.stringify([a.span.source, b.span.source]))`;
    const expected = '[{"start":25,"end":32},{"start":35,"end":42}]';
    expect(node(['-e', `const s = require('slant'); ${script('s')}`]).trim()).toBe(expected);
    expect(node(['--input-type=module', '-e', `import * as s from 'slant'; ${script('s')}`]).trim()).toBe(expected);
  });

  it('the CLI reads a .md file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slant-dist-')), 'a.md');
    writeFileSync(file, JSON.parse(md));
    const report = JSON.parse(node([join(root, 'bin', 'slant.cjs'), 'analyze', file, '--format', 'json']));
    expect(report.input.format).toBe('markdown');
  });
});
