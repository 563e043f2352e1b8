import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The published entry points, exercised through the package's own "exports" (a package can import itself by
// name). These run against dist/, which `npm ci` builds through the "prepare" script.
const root = join(__dirname, '..');
const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('published package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run "npm run build" (npm ci does it)');
  });

  it('works from require()', () => {
    const out = node([
      '-e',
      "const s = require('slant'); const r = s.analyze('The council met.'); console.log(r.schemaVersion, typeof require('slant/testing').AnalyzerTester)",
    ]);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+ function$/);
  });

  it('works from import', () => {
    const out = node([
      '--input-type=module',
      '-e',
      "import { analyze } from 'slant'; import { AnalyzerTester } from 'slant/testing'; console.log(analyze('The council met.').stats.words, typeof AnalyzerTester)",
    ]);
    expect(out.trim()).toBe('3 function');
  });

  it('has the Node-only entry slant/node, slant/dom, and the prebuilt browser module', () => {
    const cjs = node(['-e', "console.log(typeof require('slant/node').analyzeMany, typeof require('slant/dom').highlightFindings)"]);
    expect(cjs.trim()).toBe('function function');
    const esm = node([
      '--input-type=module',
      '-e',
      "import { analyzeMany } from 'slant/node'; import { analyze } from 'slant/browser'; import { wrapSpans } from 'slant/dom'; console.log(typeof analyzeMany, analyze('The council met.').stats.words, typeof wrapSpans)",
    ]);
    expect(esm.trim()).toBe('function 3 function');
  });

  it('shares one copy of the error classes between slant and slant/testing', () => {
    // The tester builds its pipeline in the testing entry; the error must still be slant's LexiconError.
    const script = `
      const s = require('slant');
      const { AnalyzerTester } = require('slant/testing');
      const needsLexicon = s.defineAnalyzer({ meta: { id: 'needs-lexicon', description: '', category: 'x', messages: {}, lexicons: ['en/absent'] }, analyze: () => ({ score: null, basis: '' }) });
      try { new AnalyzerTester().run('x', needsLexicon, { clean: ['text'] }) } catch (e) { console.log(e instanceof s.LexiconError, s.isLexiconError(e)) }`;
    const out = node(['-e', script]);
    expect(out.trim()).toBe('true true');
  });

  it('the slant command stops quietly, with exit code 0, when its reader closes the pipe early', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-pipe-'));
    const input = join(dir, 'many.jsonl');
    const err = join(dir, 'err.txt');
    // Full reports of 300 articles are far more than a pipe buffers, so writes go on after head has exited.
    writeFileSync(
      input,
      Array.from({ length: 300 }, (_, i) =>
        JSON.stringify({ id: i + 1, text: `Critics slammed plan ${i}. Officials said it would pass.` }),
      ).join('\n') + '\n',
    );
    const out = execFileSync(
      'bash',
      ['-c', `"${process.execPath}" bin/slant.cjs batch "${input}" 2>"${err}" | head -c 12; echo " \${PIPESTATUS[0]}"`],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out).toBe('{"id":1,"rep 0\n');
    expect(readFileSync(err, 'utf8')).toBe('');
  }, 60_000);

  it('resolves types for CommonJS and ES module consumers', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() =>
      execFileSync(process.execPath, [tsc, '-p', join(__dirname, 'package', 'tsconfig.json')], { cwd: root, encoding: 'utf8' }),
    ).not.toThrow();
  }, 60_000);
});
