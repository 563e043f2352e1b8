#!/usr/bin/env node
// `npm ci` / `npm install` in a clone runs this (the `prepare` script): it builds dist/ with tsup unless dist/ was
// already built from exactly these sources. The check matters for the newcomer's first `npx slant …`: npx links the
// clone into its cache and runs `prepare` again, and a second full build there took 13 s and 920 MB (issue #13).
// The build inputs (src/, lexicons/, models/, the build and package configuration) are hashed into
// dist/.build-hash (first line); its second line fingerprints their paths, sizes and modification times, so that an
// untouched clone is recognised without reading 6 MB (as make does; a touched file is hashed). `--force` rebuilds
// anyway: `npm run build` always rebuilds. After tsup, scripts/build-browser.ts writes dist/browser/.
// The `prepare` line in package.json does not start Node at all when npm runs it for npx (npm_command=exec) and
// dist/ was built: npx links this same directory, which `npm ci` has just built, and starting Node only to find that
// out cost 0.15-0.35 s of the first `npx slant` (later npx runs never run prepare). Elsewhere (Windows' cmd, npm ci,
// npm install, npm pack) this script decides.
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const INPUTS = [
  'src',
  'lexicons',
  'models',
  'tsup.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'scripts/build-browser.ts',
];
const STAMP = join(root, 'dist', '.build-hash');

function* files(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  } else {
    yield path;
  }
}

function inputHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Paths, sizes and modification times of the inputs, hashed: equal means no input was touched since the build. */
function inputFingerprint() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      const { size, mtimeMs } = statSync(file);
      hash.update(`${relative(root, file)}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const [builtFrom, builtFingerprint] = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim().split('\n') : [];
const fingerprint = inputFingerprint();
if (!force && builtFrom && builtFingerprint === fingerprint) {
  process.stdout.write('slant: dist/ is up to date with the sources; build skipped\n');
  process.exit(0);
}
const wanted = inputHash();
if (!force && builtFrom === wanted) {
  // touched, not changed: remember the new times
  writeFileSync(STAMP, `${wanted}\n${fingerprint}\n`);
  process.stdout.write('slant: dist/ is up to date with the sources; build skipped\n');
  process.exit(0);
}
const tsup = join(root, 'node_modules', '.bin', 'tsup');
if (!existsSync(tsup)) {
  // Installed as a dependency from git without dev dependencies: nothing to build with; the bin says so if run.
  process.stderr.write('slant: tsup is not installed, dist/ not built (run "npm ci" in the clone)\n');
  process.exit(0);
}
execFileSync(tsup, [], { cwd: root, stdio: 'inherit' });
// The browser files (dist/browser/slant.mjs and dom.mjs): esbuild, platform browser.
execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'build-browser.ts')], { cwd: root, stdio: 'inherit' });
writeFileSync(STAMP, `${wanted}\n${fingerprint}\n`);
