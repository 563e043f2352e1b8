/**
 * Token-level predicates for attribution detection. wink's lite model gives POS tags but no parse, so noun phrases
 * and clauses are found from tags, capitalisation and punctuation.
 */
import type { Token } from '../document';
import { POSSESSIVE_PRONOUNS } from './grammar';
import { startsUpper } from '../document/casing';

export const QUOTE_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', "'", '‘', '’', '‹', '›', "''", '``']);
/** Subject pronouns that can stand alone as a noun phrase. */
export const SUBJECT_PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'i',
  'we',
  'you',
  'it',
  'who',
  'which',
  'that',
  'one',
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'nobody',
  'anyone',
  'others',
  'some',
  'many',
  'most',
  'few',
  'both',
  'all',
  'several',
  'none',
  'this',
  'these',
  'those',
  'each',
  'either',
  'neither',
]);
const WEEKDAYS_MONTHS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'today',
  'yesterday',
  'tonight',
  'jan.',
  'feb.',
  'aug.',
  'sept.',
  'sep.',
  'oct.',
  'nov.',
  'dec.',
]);

export const isQuoteMark = (t: Token): boolean => QUOTE_MARKS.has(t.value);
export const isComma = (t: Token | undefined): boolean => t !== undefined && t.value === ',';
/** Capitalised as attribution reads it: A–Z only (see startsUpper). */
export const isCapitalized = (t: Token): boolean => startsUpper(t.value, true);
export const isPossessivePronoun = (t: Token): boolean => t.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(t.normal);
export const isPossessiveMarker = (t: Token): boolean =>
  t.pos === 'PART' && (t.normal === "'s" || t.normal === '’s' || t.normal === "'" || t.normal === '’');
/** A word in lower case without a trailing "." or ",". */
export const clean = (s: string): string => {
  const last = s.charCodeAt(s.length - 1);
  return (last === 46 || last === 44 ? s.slice(0, -1) : s).toLowerCase();
};

export const isTimeWord = (t: Token): boolean => WEEKDAYS_MONTHS.has(t.normal);

/** Words that can sit inside a noun phrase (leftwards walk). */
export function isNpInternal(t: Token): boolean {
  switch (t.pos) {
    case 'NOUN':
    case 'PROPN':
    case 'ADJ':
    case 'NUM':
    case 'DET':
      return true;
    case 'PART':
      return isPossessiveMarker(t);
    case 'PRON':
      return POSSESSIVE_PRONOUNS.has(t.normal);
    case 'PUNCT':
      return t.value === '-' || t.value === '&' || t.value === '.' || t.value === '/';
    default:
      return false;
  }
}

/** Words that can end a noun phrase that is a subject. */
export function isNpHead(t: Token): boolean {
  if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') return true;
  if (t.pos === 'PRON')
    return !POSSESSIVE_PRONOUNS.has(t.normal) || t.normal === 'her' ? SUBJECT_PRONOUNS.has(t.normal) || t.normal === 'her' : false;
  // "Republicans", "Democrats" are sometimes tagged ADJ; "the other" / "some" stand alone.
  if (t.pos === 'ADJ') return isCapitalized(t) || SUBJECT_PRONOUNS.has(t.normal);
  if (t.pos === 'DET') return SUBJECT_PRONOUNS.has(t.normal) && t.normal !== 'that';
  return false;
}

/** Auxiliaries, negation and modal-like adverbs that belong to a verb group ("has not yet said"). */
export function isVerbGroupWord(t: Token): boolean {
  return t.pos === 'AUX' || (t.pos === 'PART' && (t.normal === 'not' || t.normal === "n't" || t.normal === 'n’t'));
}
