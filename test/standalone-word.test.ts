import fc from 'fast-check';
import { lettersOccurAsWord } from '../src/standalone-word';

/** What attribution asked before: a regular expression built per word. */
const byRegExp = (text: string, word: string): boolean =>
  new RegExp(`(?<![\\p{L}])${word.replace(/[^\p{L}]/gu, '')}(?![\\p{L}])`, 'u').test(text);

describe('lettersOccurAsWord', () => {
  it('finds a word only where no letter touches it', () => {
    expect(lettersOccurAsWord('Interview clinton, then', 'clinton')).toBe(true);
    expect(lettersOccurAsWord('the clintonesque era', 'clinton')).toBe(false);
    expect(lettersOccurAsWord('éclinton and clintoné', 'clinton')).toBe(false);
    expect(lettersOccurAsWord('clintoné but clinton', 'clinton')).toBe(true);
    expect(lettersOccurAsWord("o'brien said", "o'brien")).toBe(false); // the letters "obrien" are not in the text
    expect(lettersOccurAsWord('obrien said', "o'brien")).toBe(true);
  });

  it('reads letters outside the BMP before and after the word as letters', () => {
    const astralLetter = '\u{1D400}'; // MATHEMATICAL BOLD CAPITAL A, a letter
    const astralSymbol = '\u{1F600}'; // an emoji, not a letter
    expect(lettersOccurAsWord(`${astralLetter}anna`, 'anna')).toBe(false);
    expect(lettersOccurAsWord(`anna${astralLetter}`, 'anna')).toBe(false);
    expect(lettersOccurAsWord(`${astralSymbol}anna${astralSymbol}`, 'anna')).toBe(true);
    expect(lettersOccurAsWord('\ud835anna\udc00', 'anna')).toBe(true); // lone surrogates are no letters
  });

  it('answers as the regular expression does, on any text and word', () => {
    const pieces = ['a', 'anna', 'Anna', 'n', ' ', '-', "'", 'é', '\u{1D400}', '\u{1F600}', '\ud835', '\udc00', '1', '.'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('anna', 'a', 'nn', "a'n", 'é', '\u{1D400}a', '1', ''), (t, w) => {
        expect(lettersOccurAsWord(t, w)).toBe(byRegExp(t, w));
      }),
      { numRuns: 3000 },
    );
  });
});
