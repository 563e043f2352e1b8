// Writes schema/report.schema.json, lexicons/schema.json and lexicons/word-lists.schema.json from the zod schemas (npm run gen:schemas).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedSchemas } from './schemas';

for (const [file, content] of Object.entries(generatedSchemas())) {
  writeFileSync(join(__dirname, '..', file), content);
  console.log(`wrote ${file}`);
}
