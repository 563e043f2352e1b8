import { z } from 'zod';
import { LexiconSchema } from '../src/lexicon/schema';
import { WordListsSchema } from '../src/lexicon/word-lists';
import { reportJsonSchemaDocument } from '../src/report';

/** The generated JSON Schema files, by path relative to the repository root. */
export function generatedSchemas(): Record<string, string> {
  const lexicon = z.toJSONSchema(LexiconSchema, { target: 'draft-2020-12', io: 'input' });
  const wordLists = z.toJSONSchema(WordListsSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    'schema/report.schema.json': JSON.stringify(reportJsonSchemaDocument(), null, 2) + '\n',
    'lexicons/schema.json':
      JSON.stringify({ $id: 'https://slant.dev/schema/lexicon.schema.json', title: 'slant lexicon', ...lexicon }, null, 2) + '\n',
    'lexicons/word-lists.schema.json':
      JSON.stringify({ $id: 'https://slant.dev/schema/word-lists.schema.json', title: 'slant word lists', ...wordLists }, null, 2) + '\n',
  };
}
