import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedSchemas } from '../scripts/schemas';

describe('committed JSON Schema files', () => {
  for (const [file, expected] of Object.entries(generatedSchemas())) {
    it(`${file} is up to date (regenerate with npm run gen:schemas)`, () => {
      expect(readFileSync(join(__dirname, '..', file), 'utf8')).toBe(expected);
    });
  }
});
