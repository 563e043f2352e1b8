// Regenerates the analyzers table in README.md from each analyzer's meta (npm run gen:readme).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withAnalyzersTable } from './readme';

const file = join(__dirname, '..', 'README.md');
writeFileSync(file, withAnalyzersTable(readFileSync(file, 'utf8')));
console.log('README.md analyzers table updated');
