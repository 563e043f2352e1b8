import fs from 'node:fs';
import path from 'node:path';

// The batch modules the core imports (through Pipeline.analyzeMany) must run in a browser: no Node built-ins and no
// Node-only batch module. Worker threads live in slant/node (src/node.ts -> analyze-many-workers -> pool).
// test/browser/bundle.test.ts checks the whole core by bundling it for the browser.
const SAFE = ['types', 'ordered', 'config', 'digest', 'summary', 'record', 'analyze-many'];
const NODE_ONLY = ['pool', 'worker', 'read', 'resume', 'run', 'heap', 'analyze-many-workers'];
const dir = path.join(__dirname, '../../src/batch');

const staticImports = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);

describe('batch modules used by the core are browser-safe', () => {
  it.each(SAFE)('%s.ts imports no Node built-in and no Node-only batch module', (name) => {
    const imports = staticImports(path.join(dir, `${name}.ts`));
    expect(
      imports.filter((s) => s.startsWith('node:') || ['fs', 'path', 'os', 'worker_threads', 'piscina', 'csv-parse'].includes(s)),
    ).toEqual([]);
    expect(imports.filter((s) => NODE_ONLY.some((n) => s === `./${n}`))).toEqual([]);
  });

  it('analyze-many.ts does not load the pool at all, not even dynamically', () => {
    expect(fs.readFileSync(path.join(dir, 'analyze-many.ts'), 'utf8')).not.toMatch(/import\(['"]\.\/pool/);
  });

  it('pipeline.ts imports only browser-safe batch modules', () => {
    const imports = staticImports(path.join(__dirname, '../../src/pipeline.ts')).filter((s) => s.startsWith('./batch/'));
    expect(imports.length).toBeGreaterThan(0);
    for (const s of imports) expect(SAFE).toContain(s.slice('./batch/'.length));
  });
});
