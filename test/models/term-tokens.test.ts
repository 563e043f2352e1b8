import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disableTermTokenSeed, termTokensFile } from '../../src/lexicon/term-tokens';
import { cachedTermTokens } from '../../src/nlp';
import { createPipeline } from '../../src/pipeline';

describe('models/term-tokens.json (pre-made tokenisation of the built-in lexicon terms)', () => {
  it('equals what wink gives in a fresh process: regenerate with npx tsx scripts/term-tokens.ts when this fails', () => {
    disableTermTokenSeed();
    createPipeline();
    const fresh = termTokensFile(cachedTermTokens());
    const shipped = JSON.parse(readFileSync(join(__dirname, '..', '..', 'models', 'term-tokens.json'), 'utf8')) as typeof fresh;
    expect(shipped.canary).toEqual(fresh.canary);
    expect(shipped.canary.length).toBeGreaterThan(150);
    expect(shipped.terms.length).toBeGreaterThan(4000);
    // compared term by term, so that a failure names the terms that changed
    const freshByTerm = new Map(fresh.terms);
    const changed = shipped.terms.filter(([term, rows]) => JSON.stringify(freshByTerm.get(term)) !== JSON.stringify(rows)).map(([t]) => t);
    expect(changed).toEqual([]);
    expect(shipped.terms.map(([t]) => t)).toEqual(fresh.terms.map(([t]) => t));
  });
});
