import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: ESM and CommonJS with types for both; shared chunks keep one copy of the pipeline state
    // (and of the error classes, so instanceof works across `slant` and `slant/testing`).
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['cjs', 'esm'],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: { SLANT_VERSION: JSON.stringify(version) },
  },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20',
    define: { SLANT_VERSION: JSON.stringify(version) },
  },
]);
