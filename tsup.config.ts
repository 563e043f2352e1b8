import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// ESM-only dependencies of Markdown input: bundled, so that the CommonJS builds (dist/index.js, dist/cli.js) load them.
const ESM_ONLY = ['mdast-util-from-markdown', 'mdast-util-frontmatter', 'micromark-extension-frontmatter'];

/**
 * In the CommonJS build (what bin/slant.cjs and require('slant') load), the built-in data files (models/*.json,
 * lexicons/en/*.json, 4.6 of the bundle's 5.1 MB) stay files read at run time with require(): JSON.parse reads them
 * about twice as fast as V8 compiles the same data inlined as a JavaScript literal, and every `slant analyze` pays it.
 * The ES module build keeps them inlined (JSON imports in ES modules need import attributes, not in all Node 20s).
 */
const builtinDataAtRunTime: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'builtin-data-at-run-time',
  setup(build) {
    // tsup runs esbuild with format "esm" for both outputs (then converts one); TSUP_FORMAT says which this is
    if (build.initialOptions.define?.TSUP_FORMAT !== '"cjs"') return;
    build.onResolve({ filter: /\.json$/ }, (args) => {
      const file = relative(__dirname, resolve(args.resolveDir, args.path)).split('\\').join('/');
      // dist/*.js sit one level below the package root, beside models/ and lexicons/
      return /^(?:models|lexicons\/en)\/[a-z0-9-]+\.json$/.test(file) ? { path: `../${file}`, external: true } : undefined;
    });
  },
};

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
    esbuildPlugins: [builtinDataAtRunTime],
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', node: 'src/node.ts', dom: 'src/dom/index.ts' } },
    splitting: true,
    // Rollup writes the CommonJS chunks. Without it tsup converts the split ESM output to CommonJS with sucrase,
    // which also rewrites every `?.` and `??` into a helper call that allocates a closure (hundreds of thousands per
    // corpus in the CLI, the batch workers and require('slant')). Same output; `slant batch` on 600 bench articles
    // 0.93x the CPU time, `slant analyze` 0.97x (interleaved runs, loaded machine).
    treeshake: true,
    // Source maps stay out of the published package ("files" in package.json); they are for working on slant.
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: { SLANT_VERSION: JSON.stringify(version) },
  },
]);
