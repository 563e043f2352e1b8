// Regenerates the README's generated blocks (analyzers table, quick-start output): npm run gen:readme.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedBlocks } from './readme';

const file = join(__dirname, '..', 'README.md');
writeFileSync(file, withGeneratedBlocks(readFileSync(file, 'utf8')));
console.log('README.md generated blocks updated');
