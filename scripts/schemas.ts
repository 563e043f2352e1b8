import { z } from 'zod';
import { LexiconSchema } from '../src/lexicon/schema';
import { reportJsonSchemaDocument } from '../src/report';

/** The generated JSON Schema files, by path relative to the repository root. */
export function generatedSchemas(): Record<string, string> {
  const lexicon = z.toJSONSchema(LexiconSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    'schema/report.schema.json': JSON.stringify(reportJsonSchemaDocument(), null, 2) + '\n',
    'lexicons/schema.json':
      JSON.stringify({ $id: 'https://slant.dev/schema/lexicon.schema.json', title: 'slant lexicon', ...lexicon }, null, 2) + '\n',
  };
}
