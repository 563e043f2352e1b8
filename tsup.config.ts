import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// ESM-only dependencies of Markdown input: bundled, so that the CommonJS builds (dist/index.js, dist/cli.js) load them.
const ESM_ONLY = ['mdast-util-from-markdown', 'mdast-util-frontmatter', 'micromark-extension-frontmatter'];

export default defineConfig([
  {
    // The library (ESM and CommonJS, with types), the CLI and the entry point of batch worker threads, in one build:
    // shared chunks keep one copy of the analysis per format (the CLI and the worker used to be separate bundles,
    // four copies of it in the package) and of the pipeline state and error classes (so instanceof works across
    // `slant`, `slant/node` and `slant/testing`). bin/slant.cjs loads dist/cli.js; the pool finds
    // dist/batch-worker.js next to its own chunk (the HTTP service's pool, dist/server-worker.js): by __dirname in CommonJS, by import.meta.url in ESM (named only in
    // the ESM output, where it is valid; see src/batch/pool.ts). The ESM copies of cli and batch-worker are small
    // and left out of the package ("files" in package.json).
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      node: 'src/node.ts',
      dom: 'src/dom/index.ts',
      cli: 'src/cli/index.ts',
      'batch-worker': 'src/batch/worker.ts',
      'server-worker': 'src/server/worker.ts',
    },
    format: ['cjs', 'esm'],
    esbuildOptions(options, context) {
      options.define = { ...options.define, __SLANT_MODULE_URL__: context.format === 'esm' ? 'import.meta.url' : 'undefined' };
    },
    noExternal: ESM_ONLY,
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', node: 'src/node.ts', dom: 'src/dom/index.ts' } },
    splitting: true,
    // Source maps stay out of the published package ("files" in package.json); they are for working on slant.
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: { SLANT_VERSION: JSON.stringify(version) },
  },
]);
