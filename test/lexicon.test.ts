import { compileLexicon, extendLexicon } from '../src/lexicon/load';
import { isLexiconError, LexiconError } from '../src/errors';
import { parseDocument } from '../src/document/build';
import type { LexiconInput } from '../src/lexicon/schema';
import { testLexicon } from './fixtures/test-lexicon';

const matchTexts = (lex: LexiconInput, text: string): string[] =>
  compileLexicon(lex)
    .matcher.match(parseDocument(text))
    .map((m) => text.slice(m.start, m.end));

const problemsOf = (input: unknown): string[] => {
  try {
    compileLexicon(input, 'test');
  } catch (e) {
    if (isLexiconError(e)) return e.problems;
    throw e;
  }
  return [];
};

describe('lexicon matching', () => {
  it('matches by lemma, any inflection', () => {
    expect(matchTexts(testLexicon, 'Critics slammed it; others will slam it; he slams it.')).toEqual(['slammed', 'slam', 'slams']);
  });
  it('respects the POS restriction (a noun "slam" is not the verb)', () => {
    expect(matchTexts(testLexicon, 'She won a grand slam on Sunday.')).toEqual([]);
  });
  it('matches hyphenated and multi-word phrases token by token', () => {
    expect(matchTexts(testLexicon, 'A cutting-edge lab with state of the art tools, but not cutting edge ones.')).toEqual([
      'cutting-edge',
      'state of the art',
    ]);
  });
  it('matches case-insensitively', () => {
    expect(matchTexts(testLexicon, 'THE REGIME fell.')).toEqual(['REGIME']);
  });
  it('skips a match preceded by an "unless" word', () => {
    expect(matchTexts(testLexicon, 'A strict dietary regime helped, unlike the regime.')).toEqual(['regime']);
  });
  it('expands slots', () => {
    expect(matchTexts(testLexicon, 'Analysts said the deal was off. Critics say otherwise.')).toEqual(['Analysts said', 'Critics say']);
  });
  it('never matches across sentences', () => {
    expect(matchTexts(testLexicon, 'They met the critics. Say no more.')).toEqual([]);
  });
});

describe('lexicon validation', () => {
  it('reports structural problems with the path of each issue', () => {
    const bad = { ...testLexicon, version: 'one', entries: [{ ...testLexicon.entries[0], weight: 3 }] };
    expect(() => compileLexicon(bad, 'my.json')).toThrow(LexiconError);
    const problems = problemsOf(bad);
    expect(problems.some((p) => p.startsWith('version'))).toBe(true);
    expect(problems.some((p) => p.startsWith('entries.0.weight'))).toBe(true);
  });

  it('reports every content problem at once', () => {
    const bad: LexiconInput = {
      ...testLexicon,
      entries: [
        ...testLexicon.entries,
        { id: 'slam', terms: ['hammer'], category: 'x', weight: 0.5, explanation: 'dup id', source: 'tests' },
        { id: 'again', terms: ['regime'], match: 'normal', category: 'label', weight: 0.5, explanation: 'dup term', source: 'tests' },
        { id: 'nowhere', terms: ['ghastly'], category: 'x', weight: 0.5, explanation: 'dangling source', source: 'nobody' },
        { id: 'dots', terms: ['...'], category: 'x', weight: 0.5, explanation: 'punctuation', source: 'tests' },
        { id: 'slotless', terms: ['<pundits> say'], category: 'x', weight: 0.5, explanation: 'unknown slot', source: 'tests' },
        {
          id: 'caps',
          terms: ['thing'],
          category: 'x',
          weight: 0.5,
          explanation: 'bad unless',
          source: 'tests',
          unless: { before: ['Grand'] },
        },
      ],
    };
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/entry "slam": id is used by another entry/);
    expect(problems.join('\n')).toMatch(/term "regime" is also in entry "regime"/);
    expect(problems.join('\n')).toMatch(/source "nobody" is not declared/);
    expect(problems.join('\n')).toMatch(/"\.\.\." can never match/);
    expect(problems.join('\n')).toMatch(/unknown slot <pundits>/);
    expect(problems.join('\n')).toMatch(/unless-word "Grand" can never match/);
  });

  it('extends a lexicon by adding and removing entries', () => {
    const extended = extendLexicon(testLexicon, {
      add: [
        {
          id: 'blast',
          terms: ['blast'],
          pos: ['VERB'],
          category: 'charged-verb',
          weight: 0.7,
          explanation: 'Forceful verb.',
          source: 'user',
        },
      ],
      remove: ['regime'],
    });
    expect(matchTexts(extended, 'The regime blasted critics.')).toEqual(['blasted']);
    expect(testLexicon.entries.some((e) => e.id === 'blast')).toBe(false);
  });
});
