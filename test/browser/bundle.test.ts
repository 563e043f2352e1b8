import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { browserBuildOptions } from '../../scripts/build-browser';
import { analyze } from '../../src/index';

jest.setTimeout(180_000);

// The core bundled for the browser (esbuild platform 'browser', no Node polyfills: any Node built-in in the core
// fails the build), then run outside Node's module system: a bare vm context that has no require, process, Buffer
// or module, only the two browser globals the bundle uses (URL for zod's url check, atob for wink's model).
describe('the core in a browser bundle', () => {
  let bundle: string;
  let inputs: string[];
  beforeAll(async () => {
    const result = await build({ ...browserBuildOptions('src/index.ts'), format: 'iife', globalName: 'slant', write: false, metafile: true });
    bundle = result.outputFiles[0].text;
    inputs = Object.keys(result.metafile.inputs);
  });

  it('contains no Node-only module: no worker pool, no piscina, no node entry', () => {
    expect(inputs.filter((i) => /batch\/(pool|worker|run|read|resume|heap|analyze-many-workers)\.ts$|src\/node\.ts$|piscina|csv-parse/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.includes('wink-eng-lite-web-model'))).toBe(true);
  });

  it.each(['s400-india.txt', 'water-fine.txt', 'housing-column.txt'])('gives the same report as Node for %s', (name) => {
    const text = readFileSync(join(__dirname, '../../examples/articles', name), 'utf8');
    const context = vm.createContext({ URL, atob });
    vm.runInContext(bundle, context);
    expect(vm.runInContext('typeof require + typeof process + typeof Buffer + typeof module', context)).toBe('undefinedundefinedundefinedundefined');
    context.text = text;
    const fromBundle = JSON.parse(vm.runInContext('JSON.stringify(slant.analyze(text))', context) as string);
    const fromNode = JSON.parse(JSON.stringify(analyze(text)));
    expect(fromBundle.findings.length).toBeGreaterThan(0);
    expect(fromBundle).toEqual(fromNode);
  });

  it.each([
    ['markdown', '# Plan\n\nCritics **slammed** the plan, a [report](https://example.org) says.\n'],
    ['html', '<html><head><title>Plan</title></head><body><p>Critics <b>slammed</b> the plan &amp; the budget.</p></body></html>'],
  ])('reads %s input in the bundle, with no DOM (as in a Web Worker), as Node does', (format, input) => {
    const context = vm.createContext({ URL, atob });
    vm.runInContext(bundle, context);
    expect(vm.runInContext('typeof document + typeof window', context)).toBe('undefinedundefined');
    context.input = input;
    context.format = format;
    const fromBundle = JSON.parse(vm.runInContext('JSON.stringify(slant.analyze(input, { input: format }))', context) as string);
    const fromNode = JSON.parse(JSON.stringify(analyze(input, { input: format as 'html' | 'markdown' })));
    expect(fromBundle.findings.map((f: { span: { text: string } }) => f.span.text)).toContain('slammed');
    expect(fromBundle).toEqual(fromNode);
  });

  it('pipeline.analyzeMany works in the bundle, in the calling thread', async () => {
    const context = vm.createContext({ URL, atob });
    vm.runInContext(bundle, context);
    const ids = await (vm.runInContext(
      `(async () => { const out = []; for await (const r of slant.createPipeline().analyzeMany([{ id: 'a', text: 'Critics slammed the plan.' }, { id: 'b', text: 7 }])) out.push(r.id + ':' + (r.error ? r.error.code : r.report.findings.length)); return out.join(','); })()`,
      context,
    ) as Promise<string>);
    expect(ids).toMatch(/^a:[1-9]\d*,b:INVALID_TEXT$/);
  });
});
