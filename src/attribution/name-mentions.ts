/**
 * Person-like names in the writer's voice ("Sen. Marco Rubio", "Carla Diaz"), outside prepositional phrases and
 * quotations: the antecedents of "he"/"she" and of person descriptions, and the speakers of standalone quotations.
 */
import type { SlantDocument } from '../document';
import { PERSON_TITLES } from './lexicon';
import { clean, GROUP_NAMES, HONORIFICS, isCommonPlural, isSentenceInitial, titleKey } from './mention';
import { hasOrganizationWord } from './mention-words';
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
