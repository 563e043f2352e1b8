#!/usr/bin/env node
/*
 * The published package.json carries no "prepare" script (npm runs it, or warns about it, for consumers installing
 * from git; a registry tarball has dist/ built already). A git clone still needs it: `npm ci` builds dist/ through
 * "prepare". So "prepack" builds, then runs `node scripts/pack-manifest.cjs strip`, which saves package.json and
 * writes it without scripts.prepare; "postpack" runs `... restore`. A pack that fails in between leaves
 * package.json.prepack next to package.json: `node scripts/pack-manifest.cjs restore` puts it back.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [command, dir] = process.argv.slice(2);
const root = dir ? path.resolve(dir) : path.join(__dirname, '..');
const manifest = path.join(root, 'package.json');
const saved = path.join(root, 'package.json.prepack');

if (command === 'strip') {
  const text = fs.readFileSync(manifest, 'utf8');
  if (!fs.existsSync(saved)) fs.writeFileSync(saved, text);
  const pkg = JSON.parse(text);
  if (pkg.scripts) delete pkg.scripts.prepare;
  fs.writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
} else if (command === 'restore') {
  if (fs.existsSync(saved)) {
    fs.copyFileSync(saved, manifest);
    fs.rmSync(saved);
  }
} else {
  process.stderr.write('usage: node scripts/pack-manifest.cjs strip|restore [folder of package.json]\n');
  process.exit(2);
}
