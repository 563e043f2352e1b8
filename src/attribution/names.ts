/**
 * Common English given names by usual gender, lower-cased (lexicons/en/given-names.json): enough to tell "she" from
 * "he" when an article names two people. A name not listed leaves the gender unknown (compatible with either pronoun).
 */
import { builtinWordLists } from '../lexicon/builtin';
import { compileWordLists } from '../lexicon/word-lists';

const names = compileWordLists(builtinWordLists['en/given-names'], 'built-in en/given-names');

export const FEMALE_NAMES = names.set('female-names');
export const MALE_NAMES = names.set('male-names');

/** The usual gender of a given name (lower-cased) by the lists above; undefined when neither lists it. */
export const genderOfName = (given: string): 'f' | 'm' | undefined =>
  FEMALE_NAMES.has(given) ? 'f' : MALE_NAMES.has(given) ? 'm' : undefined;
/**
 * Given names of either gender (a larger list, not used for gender): a two-word capitalised name starting with one
 * reads as a person. The union of the three lists: the larger list (Moby's) lacks some names the gendered lists
 * have ("Donald").
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set([...names.set('given-names'), ...FEMALE_NAMES, ...MALE_NAMES]);
