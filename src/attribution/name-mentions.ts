/**
 * Person-like names in the writer's voice ("Sen. Marco Rubio", "Carla Diaz"), outside prepositional phrases and
 * quotations: the antecedents of "he"/"she" and of person descriptions, and the speakers of standalone quotations.
 * Also every "<given name> <surname>" of the text, wherever it stands, for the full name a surname alone stands for.
 */
import type { SlantDocument, Token } from '../document';
import { PERSON_TITLES } from './lexicon';
import { clean, GROUP_NAMES, HONORIFICS, isCommonPlural, isSentenceInitial, titleKey } from './mention';
import { hasOrganizationWord, KIN_NOUNS } from './mention-words';
import { GIVEN_NAMES } from './names';
import { PLACE_NAMES, PLACE_PHRASES } from './places';
import { afterGivenName, afterHonorific, isKnownSurname, surnamesOf } from './surnames';
import { isCapitalized, isPossessivePronoun, isTimeWord } from './tokens';

const ABBREVIATION_PLURAL = /^\p{Lu}{2,}s$/u;

/** A capitalised name in the writer's voice, in subject position: a possible antecedent for "he"/"she". */
export interface NameMention {
  first: number;
  last: number;
  words: string[];
  /** Titles written before or in the name ("sen.", "president"), normalised ("senator"). */
  titles: string[];
  /** First token of the name proper, after its titles. */
  nameFirst: number;
}

/** Person-like names outside prepositional phrases, in token order (one pass). */
export function findNameMentions(doc: SlantDocument): NameMention[] {
  const { tokens } = doc;
  // "Keith Wood … Wood tips his team-mates": a surname given after a given name or an honorific is a name wherever
  // it stands capitalised, whatever its tag
  const surnames = surnamesOf(tokens);
  const knownSurname = (j: number): boolean => isKnownSurname(tokens, j, surnames);
  const out: NameMention[] = [];
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k];
    if (!isCapitalized(t) || t.voice === 'quoted' || (t.pos !== 'PROPN' && !afterHonorific(tokens, k) && !knownSurname(k))) {
      k++;
      continue;
    }
    let e = k;
    while (
      e + 1 < tokens.length &&
      (tokens[e + 1].pos === 'PROPN' || afterHonorific(tokens, e + 1) || afterGivenName(tokens, e + 1)) &&
      tokens[e + 1].sentence === t.sentence &&
      isCapitalized(tokens[e + 1])
    )
      e++;
    const prev = tokens[k - 1];
    const next = tokens[e + 1];
    // "Blair's", and "Matt Williams' side" (a bare apostrophe after a final s, spaced or not)
    const possessive =
      next &&
      (next.normal === "'s" ||
        next.normal === '’s' ||
        ((next.value === "'" || next.value === '’') && /s$/iu.test(tokens[e].value) && next.start === tokens[e].end));
    // after a preposition a name is usually a place or an organization, but "with" and "by" introduce people
    // (and so does a given name and a surname: "But for Allen Weiner, a research director, the future is …")
    const givenAndSurname = e === k + 1 && GIVEN_NAMES.has(clean(t.normal)) && !hasOrganizationWord([clean(tokens[e].normal)]);
    const afterPrep =
      prev && ((prev.pos === 'ADP' && prev.normal !== 'with' && prev.normal !== 'by' && !givenAndSurname) || prev.normal === 'the');
    // "Scrum-half Peter Stringer", "Anti-war groups": the first half of a hyphenated common word is no name
    const after = tokens[e + 2];
    const compound =
      next !== undefined &&
      next.value === '-' &&
      next.start === tokens[e].end &&
      after !== undefined &&
      after.start === next.end &&
      /^\p{Ll}/u.test(after.value);
    // "Wednesday", "Incoming lawmakers said": a day, or a capitalised modifier of a common noun, is no name
    // "their first Triple Crown", "his Ferrari": a name after a possessive determiner is a thing's
    let d = k - 1;
    while (d >= 0 && tokens[d].sentence === t.sentence && (tokens[d].pos === 'ADJ' || tokens[d].pos === 'NUM')) d--;
    const possessed = d >= 0 && tokens[d].sentence === t.sentence && isPossessivePronoun(tokens[d]);
    // "PDAs", "MPs": the plural of an abbreviation is no one's name
    const notName =
      compound ||
      possessed ||
      isTimeWord(tokens[k]) ||
      (k === e && next !== undefined && next.pos === 'NOUN' && !isCapitalized(next) && !knownSurname(k)) ||
      (k === e && ABBREVIATION_PLURAL.test(t.value)) ||
      // "Studies have shown", "Critics say": a capitalised plural opening the sentence is a common noun
      (k === e && isSentenceInitial(doc, k) && isCommonPlural(t) && !knownSurname(k));
    if (afterPrep || possessive || notName) {
      k = e + 1;
      continue;
    }
    const words: string[] = [];
    const titles: string[] = [];
    let nameFirst = -1;
    // "White House Press Secretary Robert Gibbs", "Defense Secretary Ash Carter": the name follows the last title
    let from = k;
    for (let m = e - 1; m > k; m--) {
      if (PERSON_TITLES.has(clean(tokens[m].normal))) {
        for (let x = k; x <= m; x++) if (PERSON_TITLES.has(clean(tokens[x].normal))) titles.push(titleKey(clean(tokens[x].normal)));
        from = m + 1;
        break;
      }
    }
    for (let m = from; m <= e; m++) {
      const w = clean(tokens[m].normal);
      if (!PERSON_TITLES.has(w) && !PERSON_TITLES.has(tokens[m].normal)) {
        words.push(w);
        if (nameFirst < 0) nameFirst = m;
      } else titles.push(titleKey(tokens[m].normal));
    }
    // a title tagged as a common noun before the name ("President Trump", "Senator Lee")
    const before = tokens[k - 1];
    if (before && before.sentence === t.sentence && isCapitalized(before) && PERSON_TITLES.has(clean(before.normal)) && !titles.length)
      titles.push(titleKey(clean(before.normal)));
    const beforeTitle = tokens[k - 2];
    if (beforeTitle && titles[0] === 'president' && beforeTitle.value.toLowerCase() === 'vice') titles.unshift('vice');
    if (words.length && words.length <= 4) {
      const lower = words.join(' ');
      // "Mr Fox" is a person whatever the words of the name
      const honorific = titles.some((w) => HONORIFICS.has(w));
      const placeOrOrg =
        (hasOrganizationWord(words) && !honorific) ||
        PLACE_PHRASES.has(lower) ||
        (words.length === 1 && PLACE_NAMES.has(lower)) ||
        GROUP_NAMES.has(lower);
      if (!placeOrOrg) out.push({ first: k, last: e, words, titles, nameFirst });
    }
    k = e + 1;
  }
  return out;
}

/** A given name followed by a surname anywhere in the text ("a call from Donald Trump", "Adam Schiff's resignation"). */
export interface FullNameMention {
  /** The given name's token. */
  nameFirst: number;
  /** The surname's token. */
  last: number;
  /** Cleaned words, given name first ("donald", "j.", "trump"). */
  words: string[];
}

const INITIAL = /^\p{Lu}\.?$/u;

/** "his wife, Melania Trump" (the name's first token at `first`): a relative of the person the surname alone stands for. */
export function isRelativeName(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1]?.value === ',' ? tokens[first - 2] : tokens[first - 1];
  return before !== undefined && before.sentence === tokens[first].sentence && KIN_NOUNS.has(before.normal);
}

/**
 * Every "<given name> [initials] <surname>" of the text whose surname is one of `surnames` (cleaned words), wherever
 * it stands: after a preposition, in a possessive, in a headline or in a quotation. Unlike {@link findNameMentions}
 * these are not antecedents of anything; they only tell which full name a one-word name stands for.
 */
export function fullNamesOf(doc: SlantDocument, surnames: ReadonlySet<string>): FullNameMention[] {
  const { tokens } = doc;
  const out: FullNameMention[] = [];
  for (let j = 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (!isCapitalized(t) || !surnames.has(clean(t.normal))) continue;
    // "Donald J. Trump", "Lee Harvey Oswald": the given names and initials before the surname, from the first
    let m = j;
    const sameName = (x: number): boolean =>
      x >= 0 &&
      tokens[x].sentence === t.sentence &&
      isCapitalized(tokens[x]) &&
      (GIVEN_NAMES.has(clean(tokens[x].normal)) || INITIAL.test(tokens[x].value));
    while (m - j < 4 && sameName(m - 1)) m--;
    while (m < j && !GIVEN_NAMES.has(clean(tokens[m].normal))) m++;
    if (m === j) continue;
    const g = tokens[m];
    // "See Jamie …": a given name the tagger reads as another word (a verb opening the sentence) is that word
    if (g.pos !== 'PROPN') continue;
    if (isRelativeName(tokens, m)) continue;
    // one name, written on one line with single spaces ("Donald\n\nTrump" is a heading and a word)
    if (/\n/u.test(doc.text.slice(g.end, t.start))) continue;
    const words: string[] = [];
    for (let x = m; x <= j; x++) words.push(clean(tokens[x].normal));
    out.push({ nameFirst: m, last: j, words });
  }
  return out;
}
