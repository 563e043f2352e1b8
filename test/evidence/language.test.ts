import { languageEvidence } from '../../src/evidence/language';

/**
 * The definition languageEvidence implements with one pass over the code points: words are runs of
 * /[\p{L}\p{M}'’]+/u (lower-cased), letters are \p{L}, Latin letters \p{Script=Latin}. The counts must be the
 * definition's exactly.
 */
function byRegex(text: string): { words: number; english: number; other: number; latin: number; letters: number } {
  const words = [...text.matchAll(/[\p{L}\p{M}'’]+/gu)].map((m) => m[0].toLowerCase());
  const letters = [...text.matchAll(/\p{L}/gu)].map((m) => m[0]);
  return {
    words: words.length,
    // a word alone is all function words or none
    english: words.filter((w) => languageEvidence(w).englishRatio === 1).length,
    other: words.filter((w) => languageEvidence(w).otherRatio === 1).length,
    letters: letters.length,
    latin: letters.filter((l) => /\p{Script=Latin}/u.test(l)).length,
  };
}

const CASES = [
  'The minister said it’s the end of THE affair, and don’t forget whose plan it was.',
  'Ça a été déjà vu: naïve façade, Œuvre, ǅemal, ª and º, Ⅻ (a Roman numeral, not a letter).',
  'Mixed scripts: Αθήνα, Москва, 日本語, العربية, and the end.',
  'Astral letters 𝒜𝒷𝒸 and an emoji 😀 between words; a lone surrogate \ud800 here and \udc00 there.',
  'Combining marks: cafe\u0301, \u0301leading mark, the\u0301',
  "apostrophes: 'tis, rock'n'roll, ’’, the'",
  '',
  '   ',
  'the',
  'Der Hund und die Katze sind nicht hier, le chat est là.',
];

describe('languageEvidence', () => {
  it.each(CASES)('counts words, letters and Latin letters as the regex definition does: %j', (text) => {
    const e = languageEvidence(text);
    const r = byRegex(text);
    expect(e.words).toBe(r.words);
    expect(e.englishRatio).toBe(r.words ? r.english / r.words : 0);
    expect(e.otherRatio).toBe(r.words ? r.other / r.words : 0);
    expect(e.latinShare).toBe(r.letters ? r.latin / r.letters : 1);
  });
});
