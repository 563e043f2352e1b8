/**
 * Writes models/term-tokens.json: how wink tokenises every term of the built-in lexicons (value, normal form, lemma,
 * POS), as the default pipeline's lexicon compiler does in a fresh process. Compiling the built-in lexicons then
 * needs no wink parse, which was a third of the start-up of `slant analyze` (src/lexicon/term-tokens.ts).
 *
 * Run after changing a built-in lexicon or upgrading wink-nlp / wink-eng-lite-web-model:
 *   npx tsx scripts/term-tokens.ts            (writes the file)
 *   npx tsx scripts/term-tokens.ts --check    (exits 1 when the file is stale; test/lexicon/term-tokens.test.ts)
 * A stale file is never wrong at run time: it is used only when the wink versions match, and a term it lacks is
 * tokenised as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { disableTermTokenSeed, termTokensFile } from '../src/lexicon/term-tokens';
import { cachedTermTokens } from '../src/nlp';
import { createPipeline } from '../src/pipeline';

const OUT = join(__dirname, '..', 'models', 'term-tokens.json');

disableTermTokenSeed();
createPipeline(); // the default (recommended) analyzers: every built-in lexicon
const body = JSON.stringify(termTokensFile(cachedTermTokens())) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== body) {
    console.error('models/term-tokens.json is stale: run npx tsx scripts/term-tokens.ts');
    process.exitCode = 1;
  } else console.error('models/term-tokens.json is up to date');
} else {
  writeFileSync(OUT, body);
  console.error(`wrote ${OUT} (${cachedTermTokens().size} terms, ${(body.length / 1024).toFixed(0)} KiB)`);
}
