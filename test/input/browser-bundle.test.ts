/**
 * HTML and Markdown input and the formatters in the browser bundle (esbuild, platform browser), run in a bare vm
 * context with no DOM (as in a Web Worker): the same reports and SARIF/W3C documents as in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { browserBuildOptions } from '../../scripts/build-browser';
import { analyze, formatReport } from '../../src/index';

jest.setTimeout(180_000);

describe('input adapters and formatters in the browser bundle', () => {
  let context: vm.Context;
  beforeAll(async () => {
    const result = await build({ ...browserBuildOptions('src/index.ts'), format: 'iife', globalName: 'slant', write: false });
    context = vm.createContext({ URL, atob });
    vm.runInContext(result.outputFiles[0].text, context);
    expect(vm.runInContext('typeof document + typeof require', context)).toBe('undefinedundefined');
  });

  it('analyses the HTML article and a Markdown text as in Node, and formats SARIF and W3C the same', () => {
    const html = readFileSync(join(__dirname, '../../examples/articles/water-fine.html'), 'utf8');
    const md = '---\ntitle: x\n---\n# Council &amp; plan\n\nCritics *slammed* the plan.\n\n> It is a shameless giveaway.\n';
    context.html = html;
    context.md = md;
    const run = (code: string): unknown => JSON.parse(vm.runInContext(code, context) as string);
    expect(run("JSON.stringify(slant.analyze(html, { input: 'html' }))")).toEqual(
      JSON.parse(JSON.stringify(analyze(html, { input: 'html' }))),
    );
    expect(run("JSON.stringify(slant.analyze(md, { input: 'markdown' }))")).toEqual(
      JSON.parse(JSON.stringify(analyze(md, { input: 'markdown' }))),
    );
    const report = analyze(html, { input: 'html' });
    // the tool version differs by build (the bundle has the package version, src under jest "0.0.0-dev")
    const unversioned = (doc: string): unknown =>
      JSON.parse(doc.replace(/"name":"slant","version":"[^"]*"/, '"name":"slant","version":"x"'));
    for (const format of ['sarif', 'w3c'] as const) {
      const inBundle = vm.runInContext(
        `slant.formatReport(slant.analyze(html, { input: 'html' }), '${format}', { source: html, compact: true })`,
        context,
      ) as string;
      expect(unversioned(inBundle)).toEqual(unversioned(formatReport(report, format, { source: html, compact: true })));
    }
  });
});
