/**
 * Custom lexicon: add your own charged terms to the built-in loaded-language lexicon, drop one you disagree
 * with, and run the pipeline with the changed copy (it replaces the built-in by id).
 * Run: npx tsx examples/custom-lexicon.ts
 */
import { builtinLexicons, createPipeline, extendLexicon } from 'slant';

const base = builtinLexicons['en/loaded-language'];
const mine = extendLexicon(base, {
  add: [
    {
      id: 'house-style-nothingburger',
      terms: ['nothingburger'],
      category: 'charged-noun',
      weight: 0.6,
      explanation: 'Our style guide treats "nothingburger" as dismissive slang.',
      alternatives: ['minor issue'],
      source: 'user',
    },
  ],
  remove: ['slam'],
});

const pipeline = createPipeline({ analyzers: ['loaded-language'], lexicons: [mine] });
const text = 'The minister called the inquiry a nothingburger and slammed its brutal timetable.';
for (const f of pipeline.analyze(text).findings) {
  console.log(`"${f.span.text}" — ${f.message}${f.suggestions.length ? ` (try: ${f.suggestions.join(', ')})` : ''}`);
}
