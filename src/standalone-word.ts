/**
 * Whether a word occurs in a text with no letter right before or after it: what
 * `new RegExp(`(?<![\p{L}])${word}(?![\p{L}])`, 'u').test(text)` answers for a word made only of letters, without
 * compiling a regular expression per word and per document (attribution asks it for short names; building and
 * running the expression was most of that step's time).
 */
const LETTER = /\p{L}/u;

function isLetterCode(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return LETTER.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i`, as a regular expression with the `u` flag reads it behind `i`. */
function codePointBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * `word` must be non-empty and made of letters (`\p{L}`) only, so that it has no special character and every place
 * `indexOf` finds it is a place where the expression could match (a code-point boundary).
 */
function occursAsWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i > 0 && isLetterCode(codePointBefore(text, i))) continue;
    const after = i + word.length;
    if (after < text.length && isLetterCode(text.codePointAt(after) as number)) continue;
    return true;
  }
  return false;
}

/**
 * Whether the letters of `word` (its other characters dropped) occur in `text` with no letter right before or after:
 * `new RegExp(`(?<![\\p{L}])${letters}(?![\\p{L}])`, 'u').test(text)`, the same answer.
 */
export function lettersOccurAsWord(text: string, word: string): boolean {
  const letters = word.replace(NOT_LETTER, '');
  if (!letters) return new RegExp(`(?<![\\p{L}])${letters}(?![\\p{L}])`, 'u').test(text);
  return occursAsWord(text, letters);
}
const NOT_LETTER = /[^\p{L}]/gu;
