import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// ESM-only dependencies of Markdown input: bundled, so that the CommonJS builds (dist/index.js, dist/cli.js) load them.
const ESM_ONLY = ['mdast-util-from-markdown', 'mdast-util-frontmatter', 'micromark-extension-frontmatter'];

export default defineConfig([
  {
    // The library: ESM and CommonJS with types for both; shared chunks keep one copy of the pipeline state
    // (and of the error classes, so instanceof works across `slant` and `slant/testing`).
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', node: 'src/node.ts', dom: 'src/dom/index.ts' },
    format: ['cjs', 'esm'],
    // The batch worker pool finds dist/batch-worker.js next to its own chunk: by __dirname in CommonJS, by
    // import.meta.url in ESM (named only in the ESM output, where it is valid; see src/batch/pool.ts).
    esbuildOptions(options, context) {
      options.define = { ...options.define, __SLANT_MODULE_URL__: context.format === 'esm' ? 'import.meta.url' : 'undefined' };
    },
    noExternal: ESM_ONLY,
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: { SLANT_VERSION: JSON.stringify(version) },
  },
  {
    // The CLI, and the entry point of batch worker threads (used by both the CLI and analyzeMany({ workers })).
    entry: { cli: 'src/cli/index.ts', 'batch-worker': 'src/batch/worker.ts', 'server-worker': 'src/server/worker.ts' },
    format: ['cjs'],
    noExternal: ESM_ONLY,
    sourcemap: true,
    target: 'node20',
    define: { SLANT_VERSION: JSON.stringify(version) },
  },
]);
