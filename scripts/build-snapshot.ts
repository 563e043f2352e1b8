/**
 * Builds the start-up snapshot of `slant analyze` (run by `npm run build` / `prepare`, after tsup):
 * 1. esbuild bundles src/cli/snapshot.ts and everything it imports into one CommonJS file (a snapshot's entry may
 *    load only Node's built-in modules);
 * 2. `node --build-snapshot` runs it, which loads wink's model and compiles the built-in lexicons and models, and
 *    saves the heap to dist/snapshot/slant.blob;
 * 3. dist/snapshot/meta.json records the Node release, platform, the build stamp of dist/ it belongs to and its size.
 *
 * bin/slant.cjs starts `slant analyze` from the blob only when all three match (a snapshot runs only on the Node
 * binary that made it), else it loads dist/ as usual. The blob (~60 MB) is a local speed-up: it is not in the
 * package ("files" in package.json); an installed package, or a failed snapshot build, simply runs without it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(__dirname, '..');
export const SNAPSHOT_DIR = join(root, 'dist', 'snapshot');

export async function buildSnapshot(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const entry = join(SNAPSHOT_DIR, 'entry.js');
  await build({
    entryPoints: [join(root, 'src', 'cli', 'snapshot.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { SLANT_VERSION: JSON.stringify(version), __SLANT_MODULE_URL__: 'undefined' },
    logLevel: 'error',
  });
  const blob = join(SNAPSHOT_DIR, 'slant.blob');
  // --no-warnings: Node notes that some built-ins (node:vm, loaded by a dependency) are "not yet fully verified" in
  // snapshots; the analyse path does not use them, and the output test compares reports with and without the blob.
  execFileSync(process.execPath, ['--no-warnings', '--snapshot-blob', blob, '--build-snapshot', entry], {
    cwd: SNAPSHOT_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  rmSync(entry);
  const stamp = join(root, 'dist', '.build-hash');
  const meta = {
    description: 'Start-up snapshot of `slant analyze` (scripts/build-snapshot.ts); used by bin/slant.cjs only when all of this matches.',
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    build: existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null,
    bytes: statSync(blob).size,
  };
  writeFileSync(join(SNAPSHOT_DIR, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
}

if (require.main === module) {
  buildSnapshot().catch((e: unknown) => {
    // Never fatal: without the blob, `slant analyze` loads dist/ as before.
    process.stderr.write(`slant: start-up snapshot not built (${String((e as Error)?.message ?? e).split('\n')[0]})\n`);
    rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  });
}
