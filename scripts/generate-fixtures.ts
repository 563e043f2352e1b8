/**
 * Writes `test/fixtures/<id>/<name>.expected.json` for the fixture texts that have none yet, from what the analyzer
 * (alone, default options, built-in lexicons) finds today:
 *
 *   npx tsx scripts/generate-fixtures.ts [id ...]            write the missing expected files
 *   npx tsx scripts/generate-fixtures.ts --update [id ...]   rewrite the generated ones too (keeps their notes)
 *   npx tsx scripts/generate-fixtures.ts --check [id ...]    write nothing; exit 1 when a generated file is stale
 *
 * A generated file is a proposal, not a truth: review every finding (span, message id, voice) before committing it,
 * and when one is wrong, fix the analyzer or keep it with a line in `notes` saying what is wrong. Hand-written expected
 * files (no `generatedBy`, e.g. unattributed-assertions/harbour) are never touched.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { builtinAnalyzers } from '../src/analyzers';
import { expectedPath, findingsOf, fixtureNames, fixturePipeline, fixtureText, formatExpected, readGenerated } from './fixtures';

const args = process.argv.slice(2);
const update = args.includes('--update');
const check = args.includes('--check');
const ids = args.filter((a) => !a.startsWith('--'));
for (const id of ids)
  if (!builtinAnalyzers[id]) throw new Error(`unknown analyzer "${id}" (built-in: ${Object.keys(builtinAnalyzers).join(', ')})`);

let stale = 0;
for (const id of ids.length ? ids : Object.keys(builtinAnalyzers)) {
  for (const name of fixtureNames(id)) {
    const path = expectedPath(id, name);
    const rel = relative(process.cwd(), path);
    const existing = readGenerated(id, name);
    if (existsSync(path) && !existing) {
      console.log(`skip ${rel} (hand-written)`);
      continue;
    }
    const text = fixtureText(id, name);
    const content = formatExpected({
      generatedBy: `npx tsx scripts/generate-fixtures.ts ${id}, then reviewed by hand`,
      notes: existing?.notes,
      findings: findingsOf(fixturePipeline(id).analyze(text), id),
    });
    const same = existsSync(path) && readFileSync(path, 'utf8') === content;
    if (check) {
      if (!same) {
        stale++;
        console.log(`stale ${rel}`);
      }
    } else if (!existing || (update && !same)) {
      writeFileSync(path, content);
      console.log(`wrote ${rel}: review it before committing`);
    } else if (!same) {
      console.log(`differs ${rel} (not written; --update rewrites it)`);
    }
  }
}
if (stale) process.exit(1);
