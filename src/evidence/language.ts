/**
 * Is this text English? A light check (browser-safe, no model): the share of its words that are common English
 * function words, and the share of its letters that are Latin. English news runs at 0.35-0.55 function words
 * (measured on the bench corpus by scripts/reference-stats.ts); German, French, Spanish or Italian text stays near
 * 0 with this list, which leaves out words those languages share with English ("in", "was", "die", "also", "a").
 */

/** English function words that are rare as words of German, French, Spanish, Italian, Portuguese or Dutch. */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the of and to is that for it with as be at by this have from are not but they which you he she we his her their ' +
    'its has had been were would there can said who all more about when if than after what into out up our one new ' +
    'just over only could these those other some them him how because while where should may being does did many ' +
    'most such any each then very much before between under against during without through since still your us ' +
    'it’s it\'s don’t don\'t year years people first two three also whose whom been'
  ).split(/\s+/),
);
// "also" is German too
ENGLISH_FUNCTION_WORDS.delete('also');

const WORD = /[\p{L}\p{M}'’]+/gu;

export interface LanguageEvidence {
  /** Words counted (letters, marks and apostrophes). */
  words: number;
  /** Share of those words that are English function words (0-1). */
  englishRatio: number;
  /** Share of letters that are Latin-script (0-1; 1 when there are none). */
  latinShare: number;
}

export function languageEvidence(text: string): LanguageEvidence {
  let words = 0;
  let english = 0;
  for (const m of text.matchAll(WORD)) {
    words++;
    if (ENGLISH_FUNCTION_WORDS.has(m[0].toLowerCase())) english++;
  }
  let letters = 0;
  let latin = 0;
  for (const m of text.matchAll(/\p{L}/gu)) {
    letters++;
    if (/\p{Script=Latin}/u.test(m[0])) latin++;
  }
  return { words, englishRatio: words ? english / words : 0, latinShare: letters ? latin / letters : 1 };
}

/**
 * Below this share of English function words a text of at least {@link MIN_WORDS_FOR_LANGUAGE} words is taken as
 * not English. Measured by scripts/reference-stats.ts (2026-12-07): the 2,225 bench articles have 0.14 at the least
 * (sport results tables), 0.24 at the 1st percentile, 0.36 median; over 9,226 English texts of 12 words or more
 * (bench plus the dev corpora's articles and sentences) 5 fall below 0.05 (a few lists and headline-like
 * sentences). Our own German, French, Spanish, Italian and Arabic test texts: 0.
 */
export const MIN_ENGLISH_RATIO = 0.05;
/** Shorter texts are not judged on function words (too few to count); a mostly non-Latin script still is. */
export const MIN_WORDS_FOR_LANGUAGE = 12;

/** Why the text is not English (one phrase), or undefined when it is (or is too short to tell). */
export function notEnglishReason(e: LanguageEvidence): string | undefined {
  if (e.latinShare < 0.5) return `most of its letters (${Math.round((1 - e.latinShare) * 100)}%) are not in the Latin script`;
  if (e.words >= MIN_WORDS_FOR_LANGUAGE && e.englishRatio < MIN_ENGLISH_RATIO) {
    return `${Math.round(e.englishRatio * 100)}% of its ${e.words} words are common English words (English news: 14% or more)`;
  }
  return undefined;
}
