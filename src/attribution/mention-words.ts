/**
 * Word lists and small word tests for reading a source phrase (src/attribution/mention.ts): groups, titles,
 * human and office nouns, company and body words. The words are data (lexicons/en/source-words.json); this module
 * names them for the reading logic.
 */
import { LexiconError } from '../errors';
import { COMPANY_WORDS, ORGANIZATION_WORDS, sourceWords } from './lexicon';
import { GIVEN_NAMES } from './names';
import { PLACE_NAMES } from './places';

export type Gender = 'm' | 'f' | undefined;

export const GROUP_NAMES = sourceWords.set('group-names');

/** The gender a title implies. Prototype-free: looked up with arbitrary words ("constructor" finds nothing). */
export const TITLE_GENDER = sourceWords.map('title-gender') as Readonly<Record<string, Gender>>;
for (const [title, g] of Object.entries(TITLE_GENDER)) {
  if (g !== 'm' && g !== 'f') throw new LexiconError('LEXICON_INVALID', `title-gender: "${title}" has "${String(g)}", not "m" or "f"`);
}

export const TITLE_ALIASES = sourceWords.map('title-aliases');

/** Endings of nouns for people ("reporter", "senator", "economist"); a pattern, so kept in code. */
export const HUMAN_SUFFIX = /(?:[^e]er|or|ist|ian|man|woman|men|women|[^e]ers|ors|ists|ians)$/u;

export const HUMAN_NOUNS = sourceWords.set('human-nouns');

/** Words naming an office or department within a title ("Secretary of State", "Defense Secretary"). */
export const OFFICE_WORDS = sourceWords.set('office-words');

export const SINGULAR_DETERMINERS = sourceWords.set('singular-determiners');

/** Words of VAGUE_NOUNS that never name one person ("the other", "the speculation"). */
export const VAGUE_NON_PERSONS = sourceWords.set('vague-non-persons');

export const PLURAL_QUANT = sourceWords.set('plural-quantifiers');

export const NAME_JOINERS = sourceWords.set('name-joiners');
export const titleKey = (w: string): string => TITLE_ALIASES[w] ?? w.replace(/\.$/u, '');
/** Last words of an organization's name that a lone first word can stand for ("Pew" for "Pew Research"). */
export const SHORT_NAME_HEADS: ReadonlySet<string> = new Set([...COMPANY_WORDS, ...sourceWords.words('short-name-heads')]);

/** Descriptions that refer back to a company ("the firm said", "the carmaker added"). */
export const COMPANY_DESCRIPTIONS = sourceWords.set('company-descriptions');

/** A company's name: with a company word ("Brightline Energy", "Acme Holdings"), or one brand word ("Umbro"). */
export function isCompanyName(words: string[]): boolean {
  if (words.some((w) => SHORT_NAME_HEADS.has(w))) return true;
  return words.length === 1 && !ORGANIZATION_WORDS.has(words[0]) && !PLACE_NAMES.has(words[0]) && !GROUP_NAMES.has(words[0]);
}

/** "SEC", "U.N.", "AT&T": capitals, dots and ampersands, two letters or more. */
export function isAcronym(value: string): boolean {
  return /^[A-Z][A-Z.&]+$/u.test(value) && value.replace(/\./gu, '').length >= 2;
}

/** Nouns for a kind of body, written before its name ("campaign group Rivers First", "the charity Oxfam"). */
export const BODY_NOUNS = sourceWords.set('body-nouns');

export const SPOKESPERSON_NOUNS = sourceWords.set('spokesperson-nouns');

/** Determiners and possessives that point back to someone already named ("the judge", "his wife"). */
export const DEFINITE_DETERMINERS = sourceWords.set('definite-determiners');

/** Family relations ("his wife Melania Trump"): a full name after one is a relative's. */
export const KIN_NOUNS = sourceWords.set('kin-nouns');

/** Nouns for a person of a nationality ("the American", "the Briton"). */
export const DEMONYMS = sourceWords.set('demonyms');
export const HONORIFICS = sourceWords.set('honorifics');

/** Organization words that are also surnames ("Liam Fox", "Jim Press"). */
const SURNAME_ORGANIZATION_WORDS = sourceWords.set('surname-organization-words');

/**
 * Whether a capitalised name names an organization by its words: one of them is an organization or company word
 * ("Labour Party", "Brightline Energy"), unless the name is a given name and a surname that is also such a word
 * ("Liam Fox", "Jim Press").
 */
export function hasOrganizationWord(words: readonly string[]): boolean {
  if (words.length === 2 && GIVEN_NAMES.has(words[0]) && SURNAME_ORGANIZATION_WORDS.has(words[1])) return false;
  return words.some((w) => ORGANIZATION_WORDS.has(w) || COMPANY_WORDS.has(w));
}
