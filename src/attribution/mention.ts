/**
 * Reads one source phrase ("Dmitry Peskov, the press secretary", "a senior official", "they"): its name, role, type,
 * number and gender as far as the words tell. The word lists it reads are in mention-words.ts.
 */
import type { SlantDocument, Token } from '../document';
import { tokenizeTerm } from '../nlp';
import type { TokenRange } from './candidate';
import { phraseOf, textOf, type Phrase } from './phrase';
import {
  ANONYMOUS_NOUNS,
  COMPANY_WORDS,
  DOCUMENT_NOUNS,
  FEMALE_PRONOUNS,
  MALE_PRONOUNS,
  ORGANIZATION_WORDS,
  PERSON_TITLES,
  VAGUE_NOUNS,
} from './lexicon';
import { FEMALE_NAMES, genderOfName, GIVEN_NAMES, MALE_NAMES } from './names';
import { PLACE_NAMES, PLACE_PHRASES } from './places';
import { surnamesOf } from './surnames';
import { clean, isCapitalized, isComma } from './tokens';
import type { SourceType } from './types';
import {
  BODY_NOUNS,
  DEMONYMS,
  GROUP_NAMES,
  hasOrganizationWord,
  HONORIFICS,
  HUMAN_NOUNS,
  HUMAN_SUFFIX,
  NAME_JOINERS,
  OFFICE_WORDS,
  PLURAL_QUANT,
  SINGULAR_DETERMINERS,
  SPOKESPERSON_NOUNS,
  TITLE_GENDER,
  VAGUE_NON_PERSONS,
  isAcronym,
} from './mention-words';

export {
  COMPANY_DESCRIPTIONS,
  GROUP_NAMES,
  HONORIFICS,
  SHORT_NAME_HEADS,
  SPOKESPERSON_NOUNS,
  isAcronym,
  isCompanyName,
  titleKey,
} from './mention-words';

import type { Gender } from './mention-words';

export type { Gender } from './mention-words';

/** What one source phrase says about its source. */
export interface MentionInfo {
  kind: 'pronoun' | 'relative' | 'name' | 'common';
  type: SourceType;
  name: string;
  nameWords: string[];
  role?: string;
  gender: Gender;
  plural: boolean;
  /** Lower-cased head word ("officials", "governor", "peskov"). */
  head: string;
}

export { clean } from './tokens';

export { textOf } from './phrase';

/** Reads a source phrase: its name, role, type, number and gender as far as the words tell. */
export function readMention(doc: SlantDocument, range: TokenRange): MentionInfo {
  const { tokens } = doc;
  let last = range.last;
  while (last > range.first && !tokens[last].isWord && tokens[last].value !== ')') last--;
  const first = range.first;
  const one = tokens[first];
  if (first === last && one.pos === 'PRON') return pronounMention(one);
  const p = phraseOf(doc, first, last);
  const { coreLast, headTok } = p;
  // a capitalised common noun at the start of a sentence ("Officials said", "Analysts say") is not a name
  const sentenceInitialCommon =
    coreLast === first &&
    isSentenceInitial(doc, first) &&
    (isCommonSourceNoun(headTok) || (isCommonPlural(headTok) && !surnamesOf(tokens).has(clean(headTok.normal))));
  // "said the American", "the Briton added": a nationality after "the" describes a person, it names no one
  const demonym = coreLast === first + 1 && one.normal === 'the' && DEMONYMS.has(clean(headTok.normal));
  // "Foreign Minister, Jack Straw,", "The EU's Humanitarian Aid Commissioner, Louis Michel,": a title before a name
  // in apposition is that person's role
  if (p.mainLast < p.last && PERSON_TITLES.has(clean(headTok.normal))) {
    const named = appositiveName(doc, p);
    if (named) return named;
  }
  // "The President", "The Foreign Secretary" (titles capitalised in British style): a description of a person
  const titleDescription =
    one.normal === 'the' && coreLast > first && PERSON_TITLES.has(clean(headTok.normal)) && !namesSomeone(tokens, first + 1, coreLast);
  if (!sentenceInitialCommon && !demonym && !titleDescription && isNameHead(doc, first, coreLast)) return nameMention(doc, p);
  return appositiveName(doc, p) ?? commonMention(doc, p);
}

/** A pronoun ("he", "they") or a relative pronoun ("who", "which"). */
function pronounMention(one: Token): MentionInfo {
  const n = one.normal;
  const relative = n === 'who' || n === 'which' || n === 'that';
  return {
    kind: relative ? 'relative' : 'pronoun',
    type: 'anonymous',
    name: one.value,
    nameWords: [],
    head: n,
    gender: MALE_PRONOUNS.has(n) ? 'm' : FEMALE_PRONOUNS.has(n) ? 'f' : undefined,
    plural: n === 'they' || n === 'we',
  };
}

/** Whether the head of the core reads as a name: a proper noun, or a capitalised word not opening a sentence. */
function isNameHead(doc: SlantDocument, first: number, coreLast: number): boolean {
  const { tokens } = doc;
  const headTok = tokens[coreLast];
  return (
    headTok.pos === 'PROPN' ||
    (headTok.pos === 'ADJ' && isCapitalized(headTok)) ||
    (isCapitalized(headTok) && headTok.pos === 'NOUN' && !isSentenceInitial(doc, coreLast)) ||
    // a one-word source the tagger reads as a verb, not opening its sentence: '"We were poor," Parry added'
    (coreLast === first && isCapitalized(headTok) && headTok.pos === 'VERB' && !isSentenceInitial(doc, coreLast)) ||
    // a surname the tagger reads as a verb: "Paula Grant", "Mr Grant"
    (isCapitalized(headTok) &&
      headTok.isWord &&
      coreLast > first &&
      tokens[coreLast - 1].pos === 'PROPN' &&
      isCapitalized(tokens[coreLast - 1]))
  );
}

/** A named source: the trailing run of capitalised words is the name; titles before it are the role. */
function nameMention(doc: SlantDocument, p: Phrase): MentionInfo {
  const { tokens } = doc;
  const { first, head, appositive } = p;
  let { coreLast, post } = p;
  const roleParts: string[] = [];
  // the trailing run of capitalised words is the name
  let s = coreLast;
  while (
    s - 1 >= first &&
    tokens[s - 1].pos !== 'DET' &&
    (tokens[s - 1].pos === 'PROPN' ||
      (isCapitalized(tokens[s - 1]) && tokens[s - 1].isWord) ||
      (NAME_JOINERS.has(tokens[s - 1].value) && s - 2 >= first && tokens[s - 2].pos === 'PROPN') ||
      (tokens[s - 1].normal === 'of' && s - 2 >= first && isCapitalized(tokens[s - 2])))
  )
    s--;
  // "Representative Mike Thompson of California": a place after "of" ends a person's name and joins the role
  const placeAt = placeOfPerson(tokens, s, coreLast);
  if (placeAt > 0) {
    post = [textOf(doc, placeAt, coreLast), post].filter(Boolean).join(' ');
    coreLast = placeAt - 1;
  }
  // a person's name after an office: "Secretary of State John Kerry", "Defense Secretary Ash Carter". In a run with
  // an organization word the office holder is two or more plain name words after the last title ("White House Press
  // Secretary Robert Gibbs", "Labor Secretary Tom Perez"; "Ministry of Foreign Affairs" has no title to split at).
  let personRun = true;
  for (let k = s; k <= coreLast && personRun; k++) if (ORGANIZATION_WORDS.has(clean(tokens[k].normal))) personRun = false;
  for (let k = coreLast - 1; k > s; k--) {
    const w = clean(tokens[k].normal);
    if (!OFFICE_WORDS.has(w) && !PERSON_TITLES.has(w) && !(personRun && tokens[k].normal === 'of')) continue;
    if (personRun || (coreLast - k >= 2 && plainNameWords(tokens, k + 1, coreLast))) s = k + 1;
    break;
  }
  // a common noun opening the sentence before a given name is a role: "Forecaster Ben Ruiz said"
  if (
    s + 1 < coreLast &&
    isSentenceInitial(doc, s) &&
    HUMAN_SUFFIX.test(clean(tokens[s].normal)) &&
    (FEMALE_NAMES.has(clean(tokens[s + 1].normal)) || MALE_NAMES.has(clean(tokens[s + 1].normal)))
  ) {
    s++; // (it joins the role as part of the words before the name)
  }
  // titles at the front of the run belong to the role, unless the rest is a company word: "General Motors"
  let gender: Gender;
  const runStart = s;
  while (s < coreLast && (PERSON_TITLES.has(tokens[s].normal) || PERSON_TITLES.has(tokens[s].normal.replace(/\.$/u, '')))) {
    gender = gender ?? TITLE_GENDER[tokens[s].normal];
    s++;
  }
  if (s === coreLast && s > runStart && COMPANY_WORDS.has(head)) {
    s = runStart;
    gender = undefined;
  }
  while (s < coreLast && (tokens[s].normal === 'of' || !tokens[s].isWord)) s++;
  const pre = s > first ? textOf(doc, first, s - 1) : '';
  const nameText = textOf(doc, s, coreLast);
  const nameWords: string[] = [];
  for (let k = s; k <= coreLast; k++) if (tokens[k].isWord) nameWords.push(clean(tokens[k].normal));
  const lowerName = nameWords.join(' ');
  if (pre && !/^(?:the|a|an)$/iu.test(pre)) roleParts.push(pre);
  if (post) roleParts.push(post);
  if (appositive) roleParts.push(appositive);
  let type: SourceType = 'named-person';
  const determiner = s > first && tokens[s - 1].normal === 'the';
  // "campaign group Rivers First", "energy firm Brightline", "the charity Oxfam": a noun for a kind of body before the name
  const classified = s > first && BODY_NOUNS.has(clean(tokens[s - 1].lemma));
  const acronym = nameWords.length === 1 && isAcronym(tokens[coreLast].value);
  // "Mr Fox", "Dr Church", "Baroness Scotland": after an honorific the name is a person's, whatever its words
  const honorific = s > runStart && HONORIFICS.has(clean(tokens[runStart].normal));
  const placeOrOrganization =
    hasOrganizationWord(nameWords) || PLACE_PHRASES.has(lowerName) || (nameWords.length === 1 && PLACE_NAMES.has(lowerName));
  if ((placeOrOrganization && !honorific) || acronym || determiner || classified) type = 'named-organization';
  if (nameWords.length === 1 && GROUP_NAMES.has(lowerName)) type = 'vague-collective';
  if (type === 'named-person' && !gender && nameWords.length >= 2) {
    const given = nameWords[0];
    gender = genderOfName(given);
  }
  if (type === 'named-person' && !gender) {
    // the first role word that is a gendered title ("spokeswoman", "Mrs.")
    for (let i = 0; i < roleParts.length && gender === undefined; i++) {
      for (const w of roleParts[i].toLowerCase().split(/\s+/u)) {
        gender = TITLE_GENDER[w];
        if (gender !== undefined) break;
      }
    }
  }
  return {
    kind: 'name',
    type,
    name: nameText,
    nameWords,
    role: roleParts.length ? roleParts.join(', ') : undefined,
    gender,
    plural: type === 'vague-collective',
    head,
  };
}

/** "her opponent, Tom Harris,", "the campaign's press secretary, Ben Lyle,": the appositive names the person. */
function appositiveName(doc: SlantDocument, p: Phrase): MentionInfo | undefined {
  const { tokens } = doc;
  const { first, last, mainLast, head } = p;
  if (mainLast < last && isComma(tokens[mainLast + 1]) && tokens[mainLast + 2]?.pos === 'PROPN') {
    let e = mainLast + 2;
    while (e + 1 <= last && tokens[e + 1].pos === 'PROPN') e++;
    // "Representative Debbie Wasserman Schultz of Florida": a place after the name stays in the role
    let tail = e;
    if (tokens[e + 1]?.normal === 'of' && e + 2 <= last && tokens[e + 2].pos === 'PROPN') {
      tail = e + 2;
      while (tail + 1 <= last && tokens[tail + 1].pos === 'PROPN') tail++;
    }
    if (e === last || isComma(tokens[e + 1]) || tail === last || isComma(tokens[tail + 1])) {
      const named = readMention(doc, { first: mainLast + 2, last: e });
      if (named.kind === 'name' && named.type === 'named-person' && named.nameWords.length >= 2) {
        const role = [textOf(doc, first, mainLast), named.role, e < last ? textOf(doc, e + 2, last) : ''].filter(Boolean).join(', ');
        return { ...named, role, gender: named.gender ?? TITLE_GENDER[head] };
      }
    }
  }
  return undefined;
}

/** A common noun phrase: "a senior official", "analysts", "the report", "Clinton aides", "some". */
function commonMention(doc: SlantDocument, p: Phrase): MentionInfo {
  const { tokens } = doc;
  const { first, mainLast, coreLast, headTok, head, appositive, anonymousMarker } = p;
  const one = tokens[first];
  const roleParts: string[] = [];
  const lemma = clean(headTok.lemma);
  const plural = (headTok.normal !== headTok.lemma && headTok.normal.endsWith('s')) || PLURAL_QUANT.has(head);
  let type: SourceType;
  const speaksForBody = SPOKESPERSON_NOUNS.has(lemma) && namesBodyAfter(tokens, coreLast, mainLast);
  // one unnamed person of a group: "one resident", "a voter", "the lawmaker"
  const onePerson = !plural && SINGULAR_DETERMINERS.has(one.normal);
  if (anonymousMarker) type = 'anonymous';
  else if (onePerson && (VAGUE_NOUNS.has(head) || VAGUE_NOUNS.has(lemma)) && !VAGUE_NON_PERSONS.has(head)) type = 'anonymous';
  else if (DOCUMENT_NOUNS.has(head) || DOCUMENT_NOUNS.has(lemma)) type = 'document';
  else if (VAGUE_NOUNS.has(head) || VAGUE_NOUNS.has(lemma) || PLURAL_QUANT.has(head))
    type = ANONYMOUS_NOUNS.has(lemma) ? 'anonymous' : 'vague-collective';
  // "a spokesperson for the Environment Agency": the named body speaks on the record through its spokesperson
  else if (speaksForBody) type = speaksForPerson(tokens, coreLast, mainLast) ? 'named-person' : 'named-organization';
  else if (ANONYMOUS_NOUNS.has(head) || ANONYMOUS_NOUNS.has(lemma)) type = 'anonymous';
  else if (ORGANIZATION_WORDS.has(lemma) || ORGANIZATION_WORDS.has(head)) type = 'named-organization';
  // "the carrier", "the German insurer" is the body the text is about; "a leading insurer" is unnamed
  else if (BODY_NOUNS.has(lemma) && !plural) type = one.normal === 'a' || one.normal === 'an' ? 'anonymous' : 'named-organization';
  else if (PERSON_TITLES.has(lemma) || HUMAN_NOUNS.has(head) || HUMAN_SUFFIX.test(head) || DEMONYMS.has(head)) type = 'anonymous';
  // a thing that is neither a person, a group nor a document ("these achievements demonstrate", "the move
  // underscores"): the claim is the writer's own
  else type = 'none';
  // a vague quantifier over a named group ("some Republicans", "many of his supporters") stays vague
  if (type !== 'vague-collective' && PLURAL_QUANT.has(clean(one.normal)) && one.pos !== 'PROPN' && first < coreLast)
    type = 'vague-collective';
  // an unnamed source keeps its modifiers in its name: "sources familiar with the talks", "a report by the World Bank"
  const name = textOf(doc, first, mainLast);
  if (appositive) roleParts.push(appositive);
  const words: string[] = [];
  // a spokesperson is known by whom they speak for: "a spokesman for Unison" is not "a spokesman for the council"
  const wordsLast = speaksForBody && !anonymousMarker ? mainLast : coreLast;
  for (let k = first; k <= wordsLast; k++) if (tokens[k].isWord && tokens[k].pos !== 'DET') words.push(clean(tokens[k].normal));
  return {
    kind: 'common',
    type,
    name,
    nameWords: words,
    role: roleParts.length ? roleParts.join(', ') : undefined,
    gender: TITLE_GENDER[head],
    plural,
    head: lemma,
  };
}

/**
 * The index of "of" in a run "<name> of <place>" (or "<given name> <surname> of <employer>") [s, last] whose words
 * before "of" hold a plain name word (not a title, office or organisation word: "Bank of England", "Secretary of
 * State" stay whole), else -1.
 */
function placeOfPerson(tokens: Token[], s: number, last: number): number {
  for (let k = s + 1; k < last; k++) {
    if (tokens[k].normal !== 'of') continue;
    const tail: string[] = [];
    for (let m = k + 1; m <= last; m++) if (tokens[m].isWord) tail.push(clean(tokens[m].normal));
    const place = tail.join(' ');
    // "analyst Nick Bubb of Evolution Securities": a given name and a surname before "of" keep their employer apart
    const personBefore = k - 2 >= s && GIVEN_NAMES.has(clean(tokens[k - 2].normal)) && isCapitalized(tokens[k - 1]);
    if (!PLACE_PHRASES.has(place) && !(tail.length === 1 && PLACE_NAMES.has(place)) && !personBefore) return -1;
    let plain = false;
    for (let m = s; m < k; m++) {
      const w = clean(tokens[m].normal);
      if (ORGANIZATION_WORDS.has(w) || COMPANY_WORDS.has(w)) return -1;
      if (tokens[m].isWord && !PERSON_TITLES.has(w) && !PERSON_TITLES.has(tokens[m].normal) && !OFFICE_WORDS.has(w)) plain = true;
    }
    return plain ? k : -1;
  }
  return -1;
}

/** Whether tokens [a, b) hold a word of a person's name (a given name) or of an organization's. */
function namesSomeone(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const w = clean(tokens[k].normal);
    if (GIVEN_NAMES.has(w) || hasOrganizationWord([w])) return true;
  }
  return false;
}

/** Whether tokens [a, b] are all proper nouns and none an organization word. */
function plainNameWords(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const w = clean(tokens[k].normal);
    // a given name the tagger reads as a verb ("Josh", "Ted") is still a name word
    const nameWord = tokens[k].pos === 'PROPN' || (isCapitalized(tokens[k]) && (FEMALE_NAMES.has(w) || MALE_NAMES.has(w)));
    if (!nameWord || ORGANIZATION_WORDS.has(w)) return false;
  }
  return true;
}

/**
 * "Prosecutors said", "Investors fear", "Traders expect": at the start of a sentence the tagger reads a capitalised
 * plural as a name. Read in lower case out of context, a regular plural of a common noun has a singular lemma
 * ("prosecutors" -> "prosecutor"), while a surname keeps its form ("Rogers", "Evans"); a lemma that is a given name
 * ("Edwards" -> "edward") stays a name.
 */
export function isCommonPlural(t: Token): boolean {
  const n = clean(t.normal);
  if (!n.endsWith('s') || n.length < 4 || !/^[a-z]+$/u.test(n)) return false;
  const words = tokenizeTerm(n);
  if (words.length !== 1 || words[0].pos !== 'NOUN') return false;
  const lemma = words[0].lemma;
  return lemma !== n && !MALE_NAMES.has(lemma) && !FEMALE_NAMES.has(lemma);
}

export function isSentenceInitial(doc: SlantDocument, k: number): boolean {
  const t = doc.tokens[k];
  const s = doc.sentences[t.sentence];
  for (let m = s.tokenStart; m < k; m++) if (doc.tokens[m].isWord) return false;
  return true;
}

function isCommonSourceNoun(t: Token): boolean {
  const n = clean(t.normal);
  const l = clean(t.lemma);
  return (
    ANONYMOUS_NOUNS.has(n) ||
    VAGUE_NOUNS.has(n) ||
    DOCUMENT_NOUNS.has(n) ||
    PERSON_TITLES.has(l) ||
    HUMAN_NOUNS.has(n) ||
    ANONYMOUS_NOUNS.has(l) ||
    VAGUE_NOUNS.has(l) ||
    DOCUMENT_NOUNS.has(l)
  );
}

/** "… for the Environment Agency", "… of Acme": a preposition right after the head, then a capitalised name. */
function namesBodyAfter(tokens: Token[], head: number, last: number): boolean {
  const prep = tokens[head + 1];
  if (!prep || head + 1 > last || (prep.normal !== 'for' && prep.normal !== 'of' && prep.normal !== 'at')) return false;
  let k = head + 2;
  if (k <= last && tokens[k].pos === 'DET') k++;
  return k <= last && tokens[k].pos === 'PROPN' && isCapitalized(tokens[k]);
}

/** "a spokesman for Mr Blair", "… for Commissioner Franco Frattini", "… for Michael Howard": the body is a person. */
function speaksForPerson(tokens: Token[], head: number, last: number): boolean {
  let person = false;
  let lastWord = '';
  for (let k = head + 2; k <= last; k++) {
    if (!tokens[k].isWord) continue;
    const w = clean(tokens[k].normal);
    lastWord = w;
    if (tokens[k].pos === 'PROPN' && isCapitalized(tokens[k]) && (FEMALE_NAMES.has(w) || MALE_NAMES.has(w))) person = true;
    if (HONORIFICS.has(w) || (PERSON_TITLES.has(w) && isCapitalized(tokens[k]) && tokens[k + 1]?.pos === 'PROPN')) person = true;
  }
  // "a spokesman for Senator Cole's office" speaks for the office
  return person && !ORGANIZATION_WORDS.has(lastWord) && !COMPANY_WORDS.has(lastWord);
}

export function trimLast(tokens: Token[], r: TokenRange): number {
  let last = r.last;
  while (last > r.first && !tokens[last].isWord && tokens[last].value !== ')') last--;
  return last;
}
