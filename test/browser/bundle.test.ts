import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { browserBuildOptions } from '../../scripts/build-browser';
import { analyze, formatReport } from '../../src/index';

jest.setTimeout(180_000);

// The core bundled for the browser (esbuild platform 'browser', no Node polyfills: any Node built-in in the core
// fails the build), then run outside Node's module system: a bare vm context that has no require, process, Buffer
// or module, only the two browser globals the bundle uses (URL for zod's url check, atob for wink's model).
describe('the core in a browser bundle', () => {
  let bundle: string;
  let inputs: string[];
  beforeAll(async () => {
    const result = await build({
      ...browserBuildOptions('src/index.ts'),
      format: 'iife',
      globalName: 'slant',
      write: false,
      metafile: true,
    });
    bundle = result.outputFiles[0].text;
    inputs = Object.keys(result.metafile.inputs);
  });

  it('contains no Node-only module: no worker pool, no piscina, no node entry', () => {
    expect(
      inputs.filter((i) => /batch\/(pool|worker|run|read|resume|heap|analyze-many-workers)\.ts$|src\/node\.ts$|piscina|csv-parse/.test(i)),
    ).toEqual([]);
    expect(inputs.some((i) => i.includes('wink-eng-lite-web-model'))).toBe(true);
  });

  it.each(['s400-india.txt', 'water-fine.txt', 'housing-column.txt'])('gives the same report as Node for %s', (name) => {
    const text = readFileSync(join(__dirname, '../../examples/articles', name), 'utf8');
    const context = vm.createContext({ URL, atob });
    vm.runInContext(bundle, context);
    expect(vm.runInContext('typeof require + typeof process + typeof Buffer + typeof module', context)).toBe(
      'undefinedundefinedundefinedundefined',
    );
    context.text = text;
    const fromBundle = JSON.parse(vm.runInContext('JSON.stringify(slant.analyze(text))', context) as string);
    const fromNode = JSON.parse(JSON.stringify(analyze(text)));
    expect(fromBundle.findings.length).toBeGreaterThan(0);
    expect(fromBundle).toEqual(fromNode);
  });

  it.each([
    ['html', 's400-india.html'],
    ['markdown', null],
  ])('reads %s input in the bundle as in Node (parse5, micromark), W3C annotations included, with no DOM', (input, name) => {
    const source = name
      ? readFileSync(join(__dirname, '../../examples/articles', name), 'utf8')
      : '# Council &amp; budget\n\nCritics *slammed* the plan, [officials said](https://example.org).\n\n```\ncode is skipped\n```\n\n> "It will pass," the mayor said.\n';
    const context = vm.createContext({ URL, atob });
    vm.runInContext(bundle, context);
    expect(vm.runInContext('typeof document + typeof window', context)).toBe('undefinedundefined'); // as in a Web Worker
    Object.assign(context, { source, input });
    const out = JSON.parse(
      vm.runInContext(
        "(() => { const r = slant.analyze(source, { input }); return JSON.stringify({ r, w3c: slant.formatReport(r, 'w3c', { source }) }); })()",
        context,
      ) as string,
    );
    const report = analyze(source, { input: input as 'html' | 'markdown' });
    expect(out.r.findings.length).toBeGreaterThan(0);
    expect(out.r).toEqual(JSON.parse(JSON.stringify(report)));
    expect(out.w3c).toBe(formatReport(report, 'w3c', { source }));
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
