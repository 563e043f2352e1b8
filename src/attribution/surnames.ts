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

/** The surnames of a text (lower case), each given somewhere after a given name or an honorific. */
export function surnamesOf(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (let k = 1; k < tokens.length; k++) if (afterGivenName(tokens, k) || afterHonorific(tokens, k)) out.add(clean(tokens[k].normal));
  return out;
}

/** Whether token k is capitalised and one of `surnames`. */
export function isKnownSurname(tokens: Token[], k: number, surnames: ReadonlySet<string>): boolean {
  return tokens[k].isWord && isCapitalized(tokens[k]) && surnames.has(clean(tokens[k].normal));
}
