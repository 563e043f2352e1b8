/**
 * Surnames a text gives after a given name or an honorific ("Rick Parry", "Mr Ash"): wink tags many of them as
 * verbs or nouns ("Parry", "Curry", "Wood"), so they are read as names wherever they stand capitalised.
 */
import type { Token } from '../document';
import { HONORIFICS } from './mention-words';
import { GIVEN_NAMES } from './names';
import { clean, isCapitalized, isTimeWord } from './tokens';

/** "Paul Grant", "Lena Park": after a given name a capitalised word is a surname, whatever its tag. */
export function afterGivenName(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  return (
    prev !== undefined && t.isWord && isCapitalized(t) && !isTimeWord(t) && prev.pos === 'PROPN' && GIVEN_NAMES.has(clean(prev.normal))
  );
}

/** "Mr Ash", "Ms Deans", "Mr Curry": after an honorific a capitalised word is a surname, whatever its tag. */
export function afterHonorific(tokens: Token[], k: number): boolean {
  const h = tokens[k - 1]?.normal === '.' ? tokens[k - 2] : tokens[k - 1];
  return h !== undefined && tokens[k].isWord && isCapitalized(tokens[k]) && isCapitalized(h) && HONORIFICS.has(clean(h.normal));
}

/** Surnames by token array: read once per document (the arrays are never changed once built). */
const cache = new WeakMap<readonly Token[], ReadonlySet<string>>();

/** The surnames of a text (lower case), each given somewhere after a given name or an honorific. */
export function surnamesOf(tokens: Token[]): ReadonlySet<string> {
  let out = cache.get(tokens);
  if (out) return out;
  const found = new Set<string>();
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    // cheap test first: a surname is a capitalised word
    if (t.isWord && isCapitalized(t) && (afterGivenName(tokens, k) || afterHonorific(tokens, k))) found.add(clean(t.normal));
  }
  cache.set(tokens, (out = found));
  return out;
}

/** Whether token k is capitalised and one of `surnames`. */
export function isKnownSurname(tokens: Token[], k: number, surnames: ReadonlySet<string>): boolean {
  return tokens[k].isWord && isCapitalized(tokens[k]) && surnames.has(clean(tokens[k].normal));
}
