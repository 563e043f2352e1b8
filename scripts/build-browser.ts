/**
 * Builds the browser files (run by `npm run build`, after tsup):
 * - dist/browser/slant.mjs: the core (`src/index.ts`) as one ES module, wink-nlp and its English model included,
 *   for `<script type="module">` and module workers with no bundler;
 * - dist/browser/dom.mjs: `slant/dom` (highlighting in a page) as one ES module.
 * Built with esbuild for `platform: 'browser'` and no Node polyfills: a Node built-in anywhere in the core fails
 * the build. Prints the raw and gzip sizes (the README states them).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

const root = resolve(__dirname, '..');

/** esbuild options shared by the browser build and the browser-bundle test. */
export function browserBuildOptions(entry: string): BuildOptions {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return {
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    // Nothing from Node: esbuild fails on any node:* or built-in import under platform 'browser'.
    // The 'worker' export condition first: the bundle must also load in a Web Worker, where there is no `document`
    // (decode-named-character-reference, under micromark, decodes entities through the DOM in its 'browser' build).
    conditions: ['worker'],
    define: { SLANT_VERSION: JSON.stringify(version) },
    legalComments: 'eof',
    logLevel: 'error',
  };
}

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const FILES = { 'slant.mjs': 'src/index.ts', 'dom.mjs': 'src/dom/index.ts' } as const;

export async function buildBrowser(
  outdir = join(root, 'dist', 'browser'),
  minify = true,
  names: ReadonlyArray<keyof typeof FILES> = ['slant.mjs', 'dom.mjs'],
): Promise<BuiltFile[]> {
  mkdirSync(outdir, { recursive: true });
  const out: BuiltFile[] = [];
  for (const name of names) {
    const entry = FILES[name];
    const result = await build({ ...browserBuildOptions(entry), format: 'esm', minify, write: false });
    const code = result.outputFiles[0].contents;
    const file = join(outdir, name);
    writeFileSync(file, code);
    out.push({ file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
  }
  return out;
}

if (require.main === module) {
  buildBrowser().then(
    (files) => {
      for (const f of files)
        console.log(`${f.file.slice(root.length + 1)}: ${(f.bytes / 1e6).toFixed(2)} MB, ${(f.gzipBytes / 1e6).toFixed(2)} MB gzip`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
