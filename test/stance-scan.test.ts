import { compileLexicon } from '../src/lexicon/load';
import { builtinLexicons } from '../src/lexicon/builtin';
import { parseDocument } from '../src/document/build';
import { SCAN_LEXICONS, lexiconMatches, stanceScan } from '../src/stance-scan';

// Texts of our own that exercise the matcher's rules: multi-word terms, slots, a capitalised plural read as a
// proper noun ("Economists"), POS restrictions ("in May" vs "may"), unless-contexts ("no doubt"), sentence ends.
const texts = [
  'Economists say the economy may slow. There is no doubt the budget deficit will grow in May.',
  'Mistakes have clearly been made, the minister said. Errors were made by the staff.',
  'The court ruled that the law was unconstitutional. Police arrested two men after the shooting.',
  'It is clear that crude oil prices rose. It is possible that the United Nations will act.',
  '“We will probably win,” the coach said, after the striker’s attack. Taxes, taxes and more taxes.',
  'Security forces were deployed to the border. The army said the missile test was a threat.',
  'Officials believe the plan is almost certainly doomed. Workers were laid off.',
  '',
];

describe('stance scan', () => {
  const lexicons = SCAN_LEXICONS.map((id) => compileLexicon(builtinLexicons[id], id));

  it.each(texts.map((t) => [t]))('matches exactly what each lexicon’s own matcher matches: %s', (text) => {
    const doc = parseDocument(text);
    const scan = stanceScan(doc);
    lexicons.forEach((lex, i) => {
      let expected = lex.matcher.match(doc);
      if (lex.id === 'en/agency') expected = expected.filter((m) => m.entry.category !== 'means' && m.entry.category !== 'not-agent');
      const key = (m: { entry: { id: string }; term: string; first: number; last: number; start: number; end: number }): string =>
        `${m.entry.id}|${m.term}|${m.first}|${m.last}|${m.start}|${m.end}`;
      expect(scan.matches[i].map(key)).toEqual(expected.map(key));
    });
  });

  it('is computed once per document', () => {
    const doc = parseDocument(texts[0]);
    expect(stanceScan(doc)).toBe(stanceScan(doc));
  });

  it('counts words and sentences with words, and AFINN words', () => {
    const doc = parseDocument('The plan failed. It was a good try!');
    const scan = stanceScan(doc);
    expect(scan.words).toBe(8);
    expect(scan.wordSentences).toBe(2);
    expect([...scan.afinnTokens].map((k) => doc.tokens[k].value)).toEqual(['failed', 'good']);
    expect([...scan.afinnScores]).toEqual([-2, 3]);
  });

  it('reads a replaced lexicon with its own matcher', () => {
    const base = builtinLexicons['en/certainty'];
    const replaced = compileLexicon({ ...base, entries: base.entries.filter((e) => e.id === 'may') }, 'test');
    const doc = parseDocument('It may rain, and it will probably snow.');
    expect(lexiconMatches(doc, replaced).map((m) => m.term)).toEqual(['may']);
    const builtin = compileLexicon(base, 'built-in en/certainty');
    expect(lexiconMatches(doc, builtin).map((m) => m.term)).toEqual(['may', 'probably']);
  });
});
