import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedBlocks } from '../scripts/readme';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  it('has the analyzers table and the quick-start output generated from the current code (npm run gen:readme)', () => {
    expect(withGeneratedBlocks(readme)).toBe(readme);
  });
  it('names the two set-up commands and the test command', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npx slant analyze examples/articles/s400-india.txt');
    expect(readme).toContain('npm test');
  });
});
