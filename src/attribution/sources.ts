/**
 * Source typing and merging: decides what kind of source a source phrase names (a person with a role, an
 * organization, an anonymous or vague source, a document), merges mentions of one source ("Dmitry Peskov" …
 * "Peskov" … "he" … "the press secretary"), and resolves pronouns to the nearest fitting named source.
 */
import type { SlantDocument, Token } from '../document';
import { tokenizeTerm } from '../nlp';
import type { TokenRange } from './candidate';
import {
  ANONYMITY_MARKERS,
  ANONYMOUS_NOUNS,
  DOCUMENT_NOUNS,
  FEMALE_PRONOUNS,
  MALE_PRONOUNS,
  ORGANIZATION_WORDS,
  COMPANY_WORDS,
  PERSON_TITLES,
  VAGUE_NOUNS,
} from './lexicon';
import { FEMALE_NAMES, MALE_NAMES } from './names';
import { PLACE_NAMES, PLACE_PHRASES } from './places';
import { isCapitalized, isComma, isPossessivePronoun, isTimeWord } from './tokens';
import type { SourceEntity, SourceType } from './types';

type Gender = 'm' | 'f' | undefined;

interface Entity {
  id: string;
  name: string;
  type: SourceType;
  role?: string;
  /** Lower-cased name words without titles, for matching later mentions. */
  nameWords: string[];
  gender: Gender;
  plural: boolean;
  mentions: Array<{ start: number; end: number }>;
  attributions: number;
  /** Token index of the latest mention, for recency. */
  lastSeen: number;
}

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

const GROUP_NAMES = new Set(['democrats', 'republicans', 'americans', 'conservatives', 'liberals', 'progressives',
  'evangelicals', 'latinos', 'hispanics', 'muslims', 'christians', 'europeans', 'russians', 'democrat', 'republican',
  'independents', 'catholics', 'jews', 'millennials', 'russians', 'indians', 'chinese', 'iranians', 'israelis',
  'palestinians', 'ukrainians', 'britons', 'germans', 'french', 'mexicans', 'canadians', 'africans', 'asians',
  'voters', 'trumpers', 'berniebros', 'tories', 'gop', 'mps', 'msps', 'meps']);
// Prototype-free: looked up with arbitrary words ("constructor" must not find Object.prototype.constructor).
const TITLE_GENDER: Record<string, Gender> = lookupTable({ 'mr.': 'm', mr: 'm', 'mrs.': 'f', mrs: 'f', 'ms.': 'f', ms: 'f', sir: 'm', dame: 'f', lord: 'm', lady: 'f', king: 'm', queen: 'f', congresswoman: 'f', congressman: 'm', spokeswoman: 'f', spokesman: 'm', chairwoman: 'f', chairman: 'm', prince: 'm', princess: 'f' });
const TITLE_ALIASES: Record<string, string> = lookupTable({ 'sen.': 'senator', sen: 'senator', 'gov.': 'governor', gov: 'governor', 'rep.': 'representative', rep: 'representative', 'gen.': 'general', 'pres.': 'president', 'sec.': 'secretary', 'atty.': 'attorney', 'lt.': 'lieutenant', 'col.': 'colonel', 'dr.': 'doctor', 'prof.': 'professor' });
const HUMAN_SUFFIX = /(?:[^e]er|or|ist|ian|man|woman|men|women|[^e]ers|ors|ists|ians)$/u;
const HUMAN_NOUNS = new Set(['resident', 'residents', 'student', 'students', 'president', 'participant', 'participants',
  'applicant', 'immigrant', 'immigrants', 'migrant', 'migrants', 'consultant', 'consultants', 'assistant', 'correspondent',
  'respondent', 'respondents', 'defendant', 'claimant', 'opponent', 'opponents', 'proponent', 'proponents', 'constituent',
  'constituents', 'dissident', 'dissidents', 'agent', 'agents', 'parent', 'parents', 'client', 'clients', 'patient',
  'patients', 'informant', 'informants', 'person', 'people', 'woman', 'man', 'child', 'children', 'family', 'families',
  'victim', 'victims', 'witness', 'witnesses', 'crowd', 'audience', 'public', 'citizen', 'citizens', 'delegate',
  'delegates', 'candidate', 'candidates', 'nominee', 'colleague', 'colleagues', 'neighbor', 'neighbors', 'guest']);
/** Words naming an office or department within a title ("Secretary of State", "Defense Secretary"). */
const OFFICE_WORDS = new Set(['state', 'defense', 'defence', 'health', 'finance', 'justice', 'energy', 'treasury', 'commerce',
  'labor', 'labour', 'agriculture', 'education', 'interior', 'transportation', 'homeland', 'security', 'foreign', 'affairs',
  'staff', 'press', 'home', 'trade', 'war', 'navy', 'army', 'judiciary', 'intelligence', 'environment', 'culture']);
const SINGULAR_DETERMINERS = new Set(['a', 'an', 'one', 'the', 'another', 'this', 'that']);
/** Words of VAGUE_NOUNS that never name one person ("the other", "the speculation"). */
const VAGUE_NON_PERSONS = new Set(['some', 'many', 'others', 'other', 'several', 'most', 'few', 'people', 'everyone', 'everybody',
  'anyone', 'someone', 'somebody', 'rumors', 'rumours', 'speculation', 'reports']);
const PLURAL_QUANT = new Set(['some', 'many', 'others', 'several', 'most', 'few', 'both', 'all']);
const NAME_JOINERS = new Set(['.', '-', "'", '’']);

const clean = (s: string): string => {
  const last = s.charCodeAt(s.length - 1);
  return (last === 46 || last === 44 ? s.slice(0, -1) : s).toLowerCase(); // a trailing "." or ","
};
function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
const titleKey = (w: string): string => TITLE_ALIASES[w] ?? w.replace(/\.$/u, '');

function textOf(doc: SlantDocument, first: number, last: number): string {
  if (last < first) return '';
  return doc.text.slice(doc.tokens[first].start, doc.tokens[last].end);
}

/** Reads a source phrase: its name, role, type, number and gender as far as the words tell. */
export function readMention(doc: SlantDocument, range: TokenRange): MentionInfo {
  const { tokens } = doc;
  let last = range.last;
  while (last > range.first && !tokens[last].isWord && tokens[last].value !== ')') last--;
  const first = range.first;
  const one = tokens[first];
  if (first === last && one.pos === 'PRON') {
    const n = one.normal;
    const relative = n === 'who' || n === 'which' || n === 'that';
    return {
      kind: relative ? 'relative' : 'pronoun', type: 'anonymous', name: one.value, nameWords: [], head: n,
      gender: MALE_PRONOUNS.has(n) ? 'm' : FEMALE_PRONOUNS.has(n) ? 'f' : undefined,
      plural: n === 'they' || n === 'we',
    };
  }
  // main phrase up to the first comma (the rest is an appositive role)
  let mainLast = last;
  for (let k = first; k <= last; k++) if (isComma(tokens[k])) { mainLast = k - 1; break; }
  // the core ends before a prepositional modifier ("Jonah Goldberg of the National Review")
  let coreLast = mainLast;
  for (let k = first + 1; k <= mainLast; k++) {
    // "the Ministry of Finance", "Secretary of State John Kerry": a capitalised word after "of" continues the name
    if (tokens[k].pos === 'ADP' && !(tokens[k].normal === 'of' && tokens[k + 1] && k + 1 <= mainLast && tokens[k + 1].pos === 'PROPN' && isCapitalized(tokens[k + 1]))) {
      coreLast = k - 1;
      break;
    }
  }
  if (tokens[coreLast] && tokens[coreLast].value === ')') {
    // drop a party tag "(D-Vt.)"
    let k = coreLast;
    while (k > first && tokens[k].value !== '(') k--;
    if (k > first) coreLast = k - 1;
  }
  const headTok = tokens[coreLast];
  const head = clean(headTok.normal);
  const roleParts: string[] = [];
  const appositive = mainLast < last ? textOf(doc, mainLast + 2, last) : '';
  const post = coreLast < mainLast ? textOf(doc, coreLast + 1, mainLast) : '';

  // anonymity markers anywhere in the phrase or appositive ("who asked not to be named", "familiar with the talks")
  let anonymousMarker = false;
  for (let k = first; k <= last; k++) if (ANONYMITY_MARKERS.includes(tokens[k].normal)) anonymousMarker = true;

  // a capitalised common noun at the start of a sentence ("Officials said", "Analysts say") is not a name
  const sentenceInitialCommon = coreLast === first && isSentenceInitial(doc, first) && (isCommonSourceNoun(headTok) || isCommonPlural(headTok));
  if (sentenceInitialCommon) {
    // fall through to the common-noun reading below
  } else if (
    headTok.pos === 'PROPN' ||
    (headTok.pos === 'ADJ' && isCapitalized(headTok)) ||
    (isCapitalized(headTok) && headTok.pos === 'NOUN' && !isSentenceInitial(doc, coreLast)) ||
    // a surname the tagger reads as a verb: "Paula Grant", "Mr Grant"
    (isCapitalized(headTok) && headTok.isWord && coreLast > first && tokens[coreLast - 1].pos === 'PROPN' && isCapitalized(tokens[coreLast - 1]))
  ) {
    // the trailing run of capitalised words is the name
    let s = coreLast;
    while (s - 1 >= first && tokens[s - 1].pos !== 'DET' && (tokens[s - 1].pos === 'PROPN' || (isCapitalized(tokens[s - 1]) && tokens[s - 1].isWord) || (NAME_JOINERS.has(tokens[s - 1].value) && s - 2 >= first && tokens[s - 2].pos === 'PROPN') || (tokens[s - 1].normal === 'of' && s - 2 >= first && isCapitalized(tokens[s - 2])))) s--;
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
    if (s + 1 < coreLast && isSentenceInitial(doc, s) && HUMAN_SUFFIX.test(clean(tokens[s].normal)) && (FEMALE_NAMES.has(clean(tokens[s + 1].normal)) || MALE_NAMES.has(clean(tokens[s + 1].normal)))) {
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
    const determiner = s > first && (tokens[s - 1].normal === 'the');
    // "campaign group Rivers First", "energy firm Brightline", "the charity Oxfam": a noun for a kind of body before the name
    const classified = s > first && BODY_NOUNS.has(clean(tokens[s - 1].lemma));
    const acronym = nameWords.length === 1 && isAcronym(tokens[coreLast].value);
    if (nameWords.some((w) => ORGANIZATION_WORDS.has(w) || COMPANY_WORDS.has(w)) || acronym || PLACE_PHRASES.has(lowerName) || (nameWords.length === 1 && PLACE_NAMES.has(lowerName)) || determiner || classified) type = 'named-organization';
    if (nameWords.length === 1 && GROUP_NAMES.has(lowerName)) type = 'vague-collective';
    if (type === 'named-person' && !gender && nameWords.length >= 2) {
      const given = nameWords[0];
      gender = FEMALE_NAMES.has(given) ? 'f' : MALE_NAMES.has(given) ? 'm' : undefined;
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
      kind: 'name', type, name: nameText, nameWords, role: roleParts.length ? roleParts.join(', ') : undefined, gender,
      plural: type === 'vague-collective', head,
    };
  }
  // "her opponent, Tom Harris,", "the campaign's press secretary, Ben Lyle,": the appositive names the person
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
  // a common noun phrase: "a senior official", "analysts", "the report", "Clinton aides", "some"
  const lemma = clean(headTok.lemma);
  const plural = headTok.normal !== headTok.lemma && headTok.normal.endsWith('s') || PLURAL_QUANT.has(head);
  let type: SourceType;
  const speaksForBody = SPOKESPERSON_NOUNS.has(lemma) && namesBodyAfter(tokens, coreLast, mainLast);
  // one unnamed person of a group: "one resident", "a voter", "the lawmaker"
  const onePerson = !plural && SINGULAR_DETERMINERS.has(one.normal);
  if (anonymousMarker) type = 'anonymous';
  else if (onePerson && (VAGUE_NOUNS.has(head) || VAGUE_NOUNS.has(lemma)) && !VAGUE_NON_PERSONS.has(head)) type = 'anonymous';
  else if (DOCUMENT_NOUNS.has(head) || DOCUMENT_NOUNS.has(lemma)) type = 'document';
  else if (VAGUE_NOUNS.has(head) || VAGUE_NOUNS.has(lemma) || PLURAL_QUANT.has(head)) type = ANONYMOUS_NOUNS.has(lemma) ? 'anonymous' : 'vague-collective';
  // "a spokesperson for the Environment Agency": the named body speaks on the record through its spokesperson
  else if (speaksForBody) type = speaksForPerson(tokens, coreLast, mainLast) ? 'named-person' : 'named-organization';
  else if (ANONYMOUS_NOUNS.has(head) || ANONYMOUS_NOUNS.has(lemma)) type = 'anonymous';
  else if (ORGANIZATION_WORDS.has(lemma) || ORGANIZATION_WORDS.has(head)) type = 'named-organization';
  // "the carrier", "the German insurer" is the body the text is about; "a leading insurer" is unnamed
  else if (BODY_NOUNS.has(lemma) && !plural) type = one.normal === 'a' || one.normal === 'an' ? 'anonymous' : 'named-organization';
  else if (PERSON_TITLES.has(lemma) || HUMAN_NOUNS.has(head) || HUMAN_SUFFIX.test(head)) type = 'anonymous';
  // a thing that is neither a person, a group nor a document ("these achievements demonstrate", "the move
  // underscores"): the claim is the writer's own
  else type = 'none';
  // a vague quantifier over a named group ("some Republicans", "many of his supporters") stays vague
  if (type !== 'vague-collective' && PLURAL_QUANT.has(clean(one.normal)) && one.pos !== 'PROPN' && first < coreLast) type = 'vague-collective';
  // an unnamed source keeps its modifiers in its name: "sources familiar with the talks", "a report by the World Bank"
  const name = textOf(doc, first, mainLast);
  if (appositive) roleParts.push(appositive);
  const words: string[] = [];
  // a spokesperson is known by whom they speak for: "a spokesman for Unison" is not "a spokesman for the council"
  const wordsLast = speaksForBody && !anonymousMarker ? mainLast : coreLast;
  for (let k = first; k <= wordsLast; k++) if (tokens[k].isWord && tokens[k].pos !== 'DET') words.push(clean(tokens[k].normal));
  return {
    kind: 'common', type, name, nameWords: words, role: roleParts.length ? roleParts.join(', ') : undefined,
    gender: TITLE_GENDER[head], plural, head: lemma,
  };
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
function isCommonPlural(t: Token): boolean {
  const n = clean(t.normal);
  if (!n.endsWith('s') || n.length < 4 || !/^[a-z]+$/u.test(n)) return false;
  const words = tokenizeTerm(n);
  if (words.length !== 1 || words[0].pos !== 'NOUN') return false;
  const lemma = words[0].lemma;
  return lemma !== n && !MALE_NAMES.has(lemma) && !FEMALE_NAMES.has(lemma);
}

function isSentenceInitial(doc: SlantDocument, k: number): boolean {
  const t = doc.tokens[k];
  const s = doc.sentences[t.sentence];
  for (let m = s.tokenStart; m < k; m++) if (doc.tokens[m].isWord) return false;
  return true;
}

function isCommonSourceNoun(t: Token): boolean {
  const n = clean(t.normal);
  const l = clean(t.lemma);
  return ANONYMOUS_NOUNS.has(n) || VAGUE_NOUNS.has(n) || DOCUMENT_NOUNS.has(n) || PERSON_TITLES.has(l) || HUMAN_NOUNS.has(n) || ANONYMOUS_NOUNS.has(l) || VAGUE_NOUNS.has(l) || DOCUMENT_NOUNS.has(l);
}

/** A capitalised name in the writer's voice, in subject position: a possible antecedent for "he"/"she". */
interface NameMention {
  first: number;
  last: number;
  words: string[];
  /** Titles written before or in the name ("sen.", "president"), normalised ("senator"). */
  titles: string[];
  /** First token of the name proper, after its titles. */
  nameFirst: number;
}

/** Person-like names outside prepositional phrases, in token order (one pass). */
function findNameMentions(doc: SlantDocument): NameMention[] {
  const { tokens } = doc;
  const out: NameMention[] = [];
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k];
    if (t.pos !== 'PROPN' || t.voice === 'quoted' || !isCapitalized(t)) {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < tokens.length && tokens[e + 1].pos === 'PROPN' && tokens[e + 1].sentence === t.sentence && isCapitalized(tokens[e + 1])) e++;
    const prev = tokens[k - 1];
    const next = tokens[e + 1];
    const possessive = next && (next.normal === "'s" || next.normal === '’s');
    // after a preposition a name is usually a place or an organization, but "with" and "by" introduce people
    const afterPrep = prev && ((prev.pos === 'ADP' && prev.normal !== 'with' && prev.normal !== 'by') || prev.normal === 'the');
    // "Wednesday", "Incoming lawmakers said": a day, or a capitalised modifier of a common noun, is no name
    const notName = isTimeWord(tokens[k]) || (k === e && next !== undefined && next.pos === 'NOUN' && !isCapitalized(next));
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
    if (before && before.sentence === t.sentence && isCapitalized(before) && PERSON_TITLES.has(clean(before.normal)) && !titles.length) titles.push(titleKey(clean(before.normal)));
    const beforeTitle = tokens[k - 2];
    if (beforeTitle && titles[0] === 'president' && beforeTitle.value.toLowerCase() === 'vice') titles.unshift('vice');
    if (words.length && words.length <= 4) {
      const lower = words.join(' ');
      const placeOrOrg = words.some((w) => ORGANIZATION_WORDS.has(w) || COMPANY_WORDS.has(w)) || PLACE_PHRASES.has(lower) || (words.length === 1 && PLACE_NAMES.has(lower)) || GROUP_NAMES.has(lower);
      if (!placeOrOrg) out.push({ first: k, last: e, words, titles, nameFirst });
    }
    k = e + 1;
  }
  return out;
}

/** Last words of an organization's name that a lone first word can stand for ("Pew" for "Pew Research"). */
const SHORT_NAME_HEADS = new Set([
  ...COMPANY_WORDS,
  ...'corporation corp inc co company group bank foundation fund institute research network media ltd llc plc trust society'.split(' '),
]);

/** Descriptions that refer back to a company ("the firm said", "the carmaker added"). */
const COMPANY_DESCRIPTIONS = new Set(['company', 'firm', 'group', 'business', 'operator', 'retailer', 'supermarket', 'airline',
  'carrier', 'manufacturer', 'carmaker', 'automaker', 'drugmaker', 'chipmaker', 'lender', 'insurer', 'bank', 'chain',
  'provider', 'giant', 'startup', 'conglomerate', 'publisher', 'broadcaster', 'brewer', 'miner', 'utility', 'developer']);

/** A company's name: with a company word ("Brightline Energy", "Acme Holdings"), or one brand word ("Umbro"). */
function isCompanyName(words: string[]): boolean {
  if (words.some((w) => SHORT_NAME_HEADS.has(w))) return true;
  return words.length === 1 && !ORGANIZATION_WORDS.has(words[0]) && !PLACE_NAMES.has(words[0]) && !GROUP_NAMES.has(words[0]);
}

/** "SEC", "U.N.", "AT&T": capitals, dots and ampersands, two letters or more. */
function isAcronym(value: string): boolean {
  return /^[A-Z][A-Z.&]+$/u.test(value) && value.replace(/\./gu, '').length >= 2;
}

/** Nouns for a kind of body, written before its name ("campaign group Rivers First", "the charity Oxfam"). */
const BODY_NOUNS = new Set(['group', 'firm', 'company', 'charity', 'agency', 'bank', 'union', 'party', 'organisation',
  'organization', 'association', 'body', 'regulator', 'watchdog', 'tank', 'broadcaster', 'newspaper', 'publisher',
  'retailer', 'supermarket', 'airline', 'carrier', 'manufacturer', 'carmaker', 'automaker', 'drugmaker', 'chipmaker',
  'chain', 'lender', 'insurer', 'operator', 'provider', 'giant', 'startup', 'start-up', 'consultancy', 'foundation',
  'institute', 'outlet', 'website', 'magazine', 'network', 'nonprofit', 'non-profit', 'coalition', 'alliance',
  'federation', 'club', 'university']);

const SPOKESPERSON_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople', 'spokespersons']);

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

/** An antecedent candidate: a source already typed, or a name seen in the text. */
interface Salient {
  pos: number;
  entity?: Entity;
  name?: NameMention;
}

/** Relation drafts as sources.ts needs them. */
export interface SourceDraft {
  source?: TokenRange;
  /** Token index of the cue head (for recency). */
  head: number;
}

/**
 * Types, merges and resolves the sources of the given relations (in text order). Returns the entities and, per
 * relation, the id of its source entity (undefined when it has none).
 */
/** A quotation that no attribution covers, with the sentences where its speaker may be named (nearest first). */
export interface SpeakerNeed {
  quotation: number;
  sentences: number[];
  /** The relation whose content holds the quotation: looked for only when that relation has no source. */
  holder?: number;
}

/**
 * Most recent mentions searched for a pronoun's antecedent. Antecedents are searched only a few sentences back, but
 * text without sentence breaks would make that every earlier mention (time quadratic in their number); news has far
 * fewer mentions in six sentences.
 */
const MAX_ANTECEDENTS = 100;

export function resolveSources(
  doc: SlantDocument,
  drafts: SourceDraft[],
  needs: SpeakerNeed[] = [],
): { sources: SourceEntity[]; ids: Array<string | undefined>; speakers: Map<number, string> } {
  const { tokens } = doc;
  const entities: Entity[] = [];
  const ids: Array<string | undefined> = [];
  // names in the text are needed only to resolve a pronoun or a standalone quotation: found on first use
  let names: NameMention[] = [];
  let namesLoaded = false;
  let nameCursor = 0;
  const byPosition: Salient[] = []; // source mentions and names in text order: antecedents for pronouns

  const newEntity = (info: MentionInfo, pos: number): Entity => {
    const e: Entity = {
      id: `s${entities.length + 1}`, name: info.name, type: info.type, role: info.role, nameWords: info.nameWords,
      gender: info.gender, plural: info.plural, mentions: [], attributions: 0, lastSeen: pos,
    };
    entities.push(e);
    return e;
  };

  /** The most recent source entity that `match` accepts. */
  const latest = (match: (e: Entity) => boolean): Entity | undefined => {
    for (let i = entities.length - 1; i >= 0; i--) if (match(entities[i])) return entities[i];
    return undefined;
  };

  const findPerson = (words: string[]): Entity | undefined => {
    if (!words.length) return undefined;
    const lastWord = words[words.length - 1];
    return latest(
      (e) =>
        e.type === 'named-person' &&
        e.nameWords.length > 0 &&
        !SPOKESPERSON_NOUNS.has(e.nameWords[0]) &&
        e.nameWords[e.nameWords.length - 1] === lastWord &&
        // "Hillary Clinton" vs "Bill Clinton": a differing given name is another person
        !(words.length > 1 && e.nameWords.length > 1 && e.nameWords[0] !== words[0]),
    );
  };

  /**
   * A name read as a person's that the text has given to an organization: "Umbro said" after "the firm Umbro", or
   * "Brightline" after "Brightline Energy" (a lone name that opens a company-style name).
   */
  const findOrganizationByName = (words: string[]): Entity | undefined => {
    const key = words.join(' ');
    return latest((e) => {
      if (e.type !== 'named-organization' || !e.nameWords.length) return false;
      if (e.nameWords.join(' ') === key) return true;
      if (words.length !== 1 || e.nameWords.length < 2 || e.nameWords[0] !== words[0]) return false;
      // only a company-style name: "The Clinton campaign" or "Ryan's office" is not Clinton or Ryan
      return SHORT_NAME_HEADS.has(e.nameWords[e.nameWords.length - 1]) && !/['’]s\b/u.test(e.name);
    });
  };

  /** "the firm Unilever" after "Unilever said": the one-word name first read as a person's is the organization. */
  const retypeAsOrganization = (words: string[]): Entity | undefined => {
    if (words.length !== 1) return undefined;
    const e = latest((x) => x.type === 'named-person' && !x.role && !x.gender && x.nameWords.length === 1 && x.nameWords[0] === words[0]);
    if (e) e.type = 'named-organization';
    return e;
  };

  const findByName = (info: MentionInfo, description = false, at?: number): Entity | undefined => {
    if (info.type === 'named-person' && info.kind === 'name') return findPerson(info.nameWords) ?? findOrganizationByName(info.nameWords);
    const key = info.nameWords.join(' ');
    const same = latest((e) => e.type === info.type && e.nameWords.join(' ') === key);
    if (same) return same;
    // a one-word description: "the firm", "the resident", "the spokesman"
    const definiteHead = info.kind === 'common' && !info.plural && info.nameWords.length === 1 && /^the\s/iu.test(info.name);
    // "the company", "the firm" after "Brightline Energy said …": the latest organization named in the last sentences
    if (definiteHead && COMPANY_DESCRIPTIONS.has(info.head) && at !== undefined) {
      const sentence = tokens[at].sentence;
      const company = latest(
        (e) => sentence - tokens[e.lastSeen].sentence <= 6 && e.type === 'named-organization' && isCompanyName(e.nameWords) && /^\p{Lu}/u.test(e.name) && !isAcronym(e.name),
      );
      if (company) return company;
    }
    // "the resident" after "one resident, who …": the latest unnamed person of that kind
    if (definiteHead && info.type === 'anonymous') {
      const person = latest((e) => e.type === 'anonymous' && !e.plural && e.nameWords.length > 1 && e.nameWords[e.nameWords.length - 1] === key);
      if (person) return person;
    }
    // "the spokesperson" after "a spokesperson for the Environment Agency": the latest one of that kind
    if (info.kind === 'common' && SPOKESPERSON_NOUNS.has(info.head) && info.nameWords.length === 1) {
      const spokesperson = latest((e) => e.nameWords[0] === info.head);
      if (spokesperson) return spokesperson;
    }
    if (info.type === 'named-organization' && info.kind === 'name') {
      const retyped = retypeAsOrganization(info.nameWords);
      if (retyped) return retyped;
    }
    // a definite role ("the governor", "the press secretary") refers back to a person with that role or title
    if (!description && info.kind === 'common' && PERSON_TITLES.has(info.head) && !info.plural && !/['’]s\b/u.test(info.name)) {
      const title = /\bvice[\s-]+president$/iu.test(info.name) ? 'vice-president' : info.head;
      const holder = latest((e) => e.type === 'named-person' && !!e.role && roleTitles(e.role).includes(title));
      if (holder) return holder;
    }
    return undefined;
  };

  /** Promote name mentions before `pos` into the recency list (as potential antecedents). */
  const advanceNames = (pos: number): void => {
    if (!namesLoaded) {
      names = findNameMentions(doc);
      namesLoaded = true;
      // merge the names seen so far with the source mentions already listed, in text order
      while (nameCursor < names.length && names[nameCursor].last < pos) {
        const m = names[nameCursor++];
        byPosition.push({ pos: m.first, name: m });
      }
      byPosition.sort((a, b) => a.pos - b.pos);
      return;
    }
    while (nameCursor < names.length && names[nameCursor].last < pos) {
      const m = names[nameCursor++];
      byPosition.push({ pos: m.first, name: m });
    }
  };

  /** The person `item` names, if it can be a `gender` person (creating an entity for a bare name). */
  const personOf = (item: Salient, gender: Gender): Entity | undefined => {
    if (item.entity) {
      const e = item.entity;
      if (e.type !== 'named-person' || (gender && e.gender && e.gender !== gender)) return undefined;
      // "a spokesman for Ryan … he said": "he" is the principal more often than the spokesman
      if (SPOKESPERSON_NOUNS.has(e.nameWords[0])) return undefined;
      if (!e.gender) e.gender = gender;
      return e;
    }
    if (!item.name) return undefined;
    const given = item.name.words[0];
    const g: Gender = item.name.words.length > 1 ? (FEMALE_NAMES.has(given) ? 'f' : MALE_NAMES.has(given) ? 'm' : undefined) : undefined;
    const known = findPerson(item.name.words);
    if (known) {
      if (gender && known.gender && known.gender !== gender) return undefined;
      if (!known.gender) known.gender = gender;
      return known;
    }
    if (gender && g && g !== gender) return undefined;
    const e = newEntity({ kind: 'name', type: 'named-person', name: textOf(doc, item.name.nameFirst, item.name.last), nameWords: item.name.words, gender: g ?? gender, plural: false, head: item.name.words[item.name.words.length - 1] }, item.pos);
    if (item.name.titles.length) e.role = item.name.titles.join(' ');
    item.entity = e;
    return e;
  };

  /**
   * The person a singular "he"/"she" (or a definite description, with `accept`) refers to: the nearest sentence
   * with a fitting person, and in it the first one (the subject is the likeliest antecedent: "Rubio said Obama
   * erred. “…,” he said" is Rubio). Names inside quotations are not antecedents of the writer's pronouns.
   */
  const resolvePerson = (pos: number, gender: Gender, accept?: (item: Salient) => boolean, reach = 6): Entity | undefined => {
    const sentence = tokens[pos].sentence;
    const quotedPronoun = tokens[pos].voice === 'quoted';
    const floor = Math.max(0, byPosition.length - MAX_ANTECEDENTS);
    let i = byPosition.length - 1;
    while (i >= floor) {
      const s = tokens[byPosition[i].pos].sentence;
      if (sentence - s > reach) break;
      let j = i;
      while (j - 1 >= floor && tokens[byPosition[j - 1].pos].sentence === s) j--;
      for (let k = j; k <= i; k++) {
        const item = byPosition[k];
        if (item.pos >= pos) continue;
        if (!quotedPronoun && tokens[item.pos].voice === 'quoted') continue;
        if (accept && !accept(item)) continue;
        const e = personOf(item, gender);
        if (e) return e;
      }
      i = j - 1;
    }
    return undefined;
  };

  const resolvePronoun = (info: MentionInfo, pos: number): Entity | undefined => {
    const sentence = tokens[pos].sentence;
    const want = info.head;
    if (want === 'he' || want === 'she') {
      // "He took aim at Reid, who he said …": a sentence whose subject is the same pronoun keeps its referent
      const start = doc.sentences[sentence].tokenStart;
      let k = start;
      while (k < pos && !tokens[k].isWord) k++;
      if (k < pos && tokens[k].normal === want && tokens[k].voice === tokens[pos].voice) return resolvePerson(k, want === 'he' ? 'm' : 'f');
      return resolvePerson(pos, want === 'he' ? 'm' : 'f');
    }
    for (let i = byPosition.length - 1, floor = Math.max(0, byPosition.length - MAX_ANTECEDENTS); i >= floor; i--) {
      const item = byPosition[i];
      if (sentence - tokens[item.pos].sentence > 6) break;
      if (want === 'they' || want === 'we') {
        const e = item.entity;
        if (e && (e.plural || e.type === 'named-organization' || e.type === 'vague-collective' || e.type === 'anonymous')) return e;
      } else if (want === 'it') {
        const e = item.entity;
        if (e && (e.type === 'named-organization' || e.type === 'document')) return e;
      }
    }
    return undefined;
  };

  let positions: Map<string, number[]> | undefined;
  /** Token positions of each lower-cased word (built on first use). */
  const wordPositions = (): Map<string, number[]> => {
    if (!positions) {
      positions = new Map();
      tokens.forEach((t, p) => {
        if (!t.isWord) return;
        const w = clean(t.normal);
        const list = positions!.get(w);
        if (list) list.push(p);
        else positions!.set(w, [p]);
      });
    }
    return positions;
  };

  /** Titles known for a candidate antecedent (normalised: "senator", "governor"), honorifics left out. */
  const titlesOf = (item: Salient): string[] => {
    const out: string[] = [];
    const e = item.entity ?? (item.name ? findPerson(item.name.words) : undefined);
    if (e?.role) out.push(...roleTitles(e.role));
    if (item.name) out.push(...item.name.titles);
    // "Vice President Pence" is no "president"
    const titles = out.filter((w) => PERSON_TITLES.has(w) && !HONORIFICS.has(w));
    return titles.includes('vice') ? [...titles.filter((w) => w !== 'president' && w !== 'vice'), 'vice-president'] : titles;
  };

  /**
   * "the senator", "the four-term congressman", "the presumptive nominee": a definite description of a person
   * refers back to a named person, one with that title if the text gives titles, else the nearest person in
   * the last sentences with no other title. Not when the text introduced an unnamed one ("a police officer").
   */
  const resolveDescription = (info: MentionInfo, range: TokenRange): Entity | undefined => {
    const head = /\bvice[\s-]+president$/iu.test(info.name) ? 'vice-president' : titleKey(info.head);
    const roles = ROLE_EQUIVALENTS[head] ?? [head];
    // "the Florida senator", "the Democratic candidate": each capitalised modifier must stand near the person's name
    // somewhere in the text ("Florida Sen. Marco Rubio", "Sen. Marco Rubio of Florida")
    const mods: string[] = [];
    for (let k = range.first + 1; k <= range.last && !isComma(tokens[k]); k++) {
      const t = tokens[k];
      if (t.isWord && isCapitalized(t) && clean(t.normal) !== info.head && !PERSON_TITLES.has(clean(t.normal))) mods.push(t.value.toLowerCase());
    }
    const fitCache = new Map<string, boolean>();
    const modsFit = (item: Salient): boolean => {
      if (!mods.length) return true;
      const w = item.entity?.nameWords ?? item.name?.words ?? [];
      const last = w[w.length - 1];
      if (!last) return false;
      let fit = fitCache.get(last);
      if (fit === undefined) {
        const at = wordPositions().get(last) ?? [];
        fit = mods.every((m) => at.some((p) => nearWord(tokens, p, m)));
        fitCache.set(last, fit);
      }
      return fit;
    };
    // a title holds through the article ("President Moreau" … twenty sentences on … "the president")
    const byRole = resolvePerson(range.first, info.gender, (item) => titlesOf(item).some((t) => roles.includes(t)) && modsFit(item), Infinity);
    if (byRole) return byRole;
    // "the Obama spokesman" is not Obama
    const own = new Set<string>();
    for (let k = range.first; k <= range.last; k++) own.add(clean(tokens[k].normal));
    const named = (item: Salient): string[] => item.entity?.nameWords ?? item.name?.words ?? [];
    // a full name ("Hugo Brandt"), not a lone capitalised word that may be a headline label or a place
    const fullName = (item: Salient): boolean => {
      const w = named(item);
      if (w.length >= 2) return true;
      if (w.length !== 1) return false;
      if (item.name?.titles.some((t) => HONORIFICS.has(t))) return true; // "Mr. Trump"
      if (item.entity?.role && /^(?:mr|mrs|ms|dr)\.?$/iu.test(item.entity.role)) return true;
      return names.some((m) => m.words.length >= 2 && m.words[m.words.length - 1] === w[0]);
    };
    // a role held on top of an office ("the committee chairman" may be "Rep. Ed Royce"); other titles name other people
    // job titles ("the director", "the spokesman") name people of their own; only offices and plain descriptions
    // of a person fall back to the nearest name
    if (!FALLBACK_HEADS.has(head) && !DESCRIPTION_HEADS.has(head) && !/(?:^|[^s])(?:man|woman)$/u.test(head)) return undefined;
    if (head.startsWith('spokes')) return undefined;
    const additive = ADDITIVE_ROLES.has(head);
    // and only to a person the article already quotes or cites (its protagonist), not to anyone just mentioned
    const isSource = (item: Salient): boolean => {
      const e = item.entity ?? (item.name ? findPerson(item.name.words) : undefined);
      return e !== undefined && e.attributions > 0;
    };
    return resolvePerson(range.first, info.gender, (item) => fullName(item) && isSource(item) && (additive || titlesOf(item).length === 0) && !named(item).some((w) => own.has(w)) && modsFit(item), 3);
  };

  drafts.forEach((d) => {
    const range = d.source;
    if (!range) {
      ids.push(undefined);
      return;
    }
    let info = readMention(doc, range);
    const description = isPersonDescription(doc, range, info);
    if (namesLoaded || info.kind === 'pronoun' || description) advanceNames(range.first);
    let entity: Entity | undefined;
    if (info.kind === 'relative') {
      // "Clinton's campaign, which said ...": the noun phrase before the relative pronoun
      let j = range.first - 1;
      if (j >= 0 && isComma(tokens[j])) j--;
      const f = j >= 0 ? leftPhrase(tokens, j) : -1;
      if (f >= 0) info = readMention(doc, { first: f, last: j });
    }
    if (info.type === 'none' && info.kind === 'common') {
      ids.push(undefined);
      return;
    }
    if (info.kind === 'pronoun') entity = resolvePronoun(info, range.first);
    else if (info.kind !== 'relative') {
      entity = findByName(info, description, range.first);
      if (!entity && description) entity = resolveDescription(info, range);
      if (entity) {
        if (info.nameWords.length > entity.nameWords.length && info.type === 'named-person') {
          entity.name = info.name;
          entity.nameWords = info.nameWords;
        }
        if (!entity.role && info.role) entity.role = info.role;
        if (!entity.gender && info.gender) entity.gender = info.gender;
      } else entity = newEntity(info, range.first);
    }
    if (!entity) entity = newEntity({ ...info, type: info.kind === 'pronoun' ? 'anonymous' : info.type }, range.first);
    entity.mentions.push({ start: tokens[range.first].start, end: tokens[Math.max(range.first, trimLast(tokens, range))].end });
    entity.attributions++;
    entity.lastSeen = range.first;
    byPosition.push({ pos: range.first, entity });
    ids.push(entity.id);
  });

  // standalone quotations: the source of an attribution in a nearby sentence, else a person named there
  const speakers = new Map<number, string>();
  const sourceInSentence = new Map<number, string>();
  const typeById = new Map(entities.map((e) => [e.id, e.type]));
  drafts.forEach((d, i) => {
    const id = ids[i];
    const s = tokens[d.head].sentence;
    if (id && !sourceInSentence.has(s) && typeById.get(id) === 'named-person') sourceInSentence.set(s, id);
  });
  const namesBySentence = new Map<number, NameMention[]>();
  const open = needs.filter((n) => n.holder === undefined || !ids[n.holder]);
  if (open.length && !namesLoaded) advanceNames(tokens.length);
  for (const m of names) {
    const s = tokens[m.first].sentence;
    const list = namesBySentence.get(s);
    if (list) list.push(m);
    else namesBySentence.set(s, [m]);
  }
  for (const need of open) {
    let id: string | undefined;
    for (const s of need.sentences) {
      id = sourceInSentence.get(s);
      if (id) break;
      const list = namesBySentence.get(s);
      if (list && list.length) {
        const m = list[0]; // the first name of the sentence: usually its subject
        let e = findPerson(m.words);
        if (!e) {
          e = newEntity({ kind: 'name', type: 'named-person', name: textOf(doc, m.nameFirst, m.last), nameWords: m.words, gender: undefined, plural: false, head: m.words[m.words.length - 1] }, m.first);
          if (m.titles.length) e.role = m.titles.join(' ');
        }
        if (!e.mentions.some((x) => x.start === tokens[m.first].start)) e.mentions.push({ start: tokens[m.first].start, end: tokens[m.last].end });
        id = e.id;
        break;
      }
    }
    if (id) speakers.set(need.quotation, id);
  }

  const sources: SourceEntity[] = entities
    .filter((e) => e.mentions.length > 0)
    .map((e) => {
      const out: SourceEntity = {
        id: e.id,
        name: e.name,
        type: e.type,
        mentions: e.mentions.map((m) => doc.spanOf(m.start, m.end)),
        attributions: e.attributions,
      };
      if (e.role) out.role = e.role;
      return out;
    });
  return { sources, ids, speakers };
}

function trimLast(tokens: Token[], r: TokenRange): number {
  let last = r.last;
  while (last > r.first && !tokens[last].isWord && tokens[last].value !== ')') last--;
  return last;
}

/** A short noun phrase ending at `j` (for relative-pronoun antecedents). */
function leftPhrase(tokens: Token[], j: number): number {
  let k = j;
  if (!tokens[k] || !(tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN' || (tokens[k].pos === 'PRON' && !isPossessivePronoun(tokens[k])))) return -1;
  while (k - 1 >= 0 && tokens[k - 1].sentence === tokens[j].sentence && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN' || tokens[k - 1].pos === 'ADJ' || tokens[k - 1].pos === 'DET' || tokens[k - 1].pos === 'NUM' || isPossessivePronoun(tokens[k - 1]) || tokens[k - 1].normal === "'s" || tokens[k - 1].normal === '’s')) {
    k--;
    if (tokens[k].pos === 'DET') break;
  }
  return k;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'doctor', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev']);
const LEGISLATOR = ['senator', 'representative', 'congressman', 'congresswoman', 'lawmaker', 'legislator'];
const ROLE_EQUIVALENTS: Record<string, string[]> = {
  congressman: ['representative', 'congressman', 'congresswoman'],
  congresswoman: ['representative', 'congressman', 'congresswoman'],
  representative: ['representative', 'congressman', 'congresswoman'],
  lawmaker: LEGISLATOR,
  legislator: LEGISLATOR,
};
/** Roles held on top of an office or title: "the committee chairman" may be a titled representative. */
const ADDITIVE_ROLES = new Set(['chairman', 'chairwoman', 'chair', 'leader', 'nominee', 'candidate', 'incumbent', 'challenger',
  'lawmaker', 'legislator', 'politician', 'veteran', 'billionaire', 'businessman', 'businesswoman', 'founder', 'ceo']);
/** Offices whose holder is usually the article's named protagonist when the text gives no title to match. */
const FALLBACK_HEADS = new Set(['senator', 'representative', 'congressman', 'congresswoman', 'governor', 'mayor',
  'justice', 'speaker', 'leader', 'chairman', 'chairwoman', 'sheriff', 'premier', 'chancellor', 'minister', 'king', 'queen',
  'prince', 'princess', 'pope']);
const DESCRIPTION_HEADS = new Set(['nominee', 'candidate', 'incumbent', 'challenger', 'lawmaker', 'legislator', 'politician',
  'billionaire', 'businessman', 'businesswoman', 'actor', 'actress', 'singer', 'star', 'player', 'coach', 'veteran']);

/**
 * "the senator", "the former governor", "the presumptive Republican nominee": a definite, singular person
 * description with no modifier after its head ("the spokesman for the campaign" is someone else) and no
 * anonymity marker, whose head word the text has not used for an unnamed person ("a police officer … the officer").
 */
function isPersonDescription(doc: SlantDocument, range: TokenRange, info: MentionInfo): boolean {
  if (info.kind !== 'common' || info.plural || info.type !== 'anonymous') return false;
  const { tokens } = doc;
  if (/men$/u.test(clean(tokens[trimLast(tokens, range)].normal))) return false; // "the women", "the congressmen"
  if (tokens[range.first].normal !== 'the') return false;
  const head = info.head;
  if (!(PERSON_TITLES.has(head) || DESCRIPTION_HEADS.has(head) || /(?:man|woman)$/u.test(head)) || HONORIFICS.has(head)) return false;
  for (let k = range.first + 1; k <= range.last; k++) {
    const t = tokens[k];
    if (ANONYMITY_MARKERS.includes(t.normal)) return false;
  }
  for (let k = range.first + 1; k <= range.last; k++) {
    const t = tokens[k];
    if (isComma(t)) break; // "the congressman, who described …": a relative clause or an appositive role
    if (t.normal === "'s" || t.normal === '’s' || isPossessivePronoun(t)) return false; // "the president's budget director"
    if (t.value === '(' || t.pos === 'ADP' || ANONYMITY_MARKERS.includes(t.normal) || t.normal === 'who') return false;
  }
  // an unnamed person introduced with "a"/"an" in the last sentences ("a police officer … the officer")
  const since = Math.max(0, tokens[range.first].sentence - 6);
  for (let k = doc.sentences[since].tokenStart; k < range.first; k++) {
    const t = tokens[k];
    if (clean(t.lemma) !== head && clean(t.normal) !== head) continue;
    const next = tokens[k + 1];
    if (next && next.pos === 'PROPN') continue;
    for (let m = k - 1; m >= Math.max(0, k - 4) && tokens[m].sentence === t.sentence; m--) {
      if (tokens[m].normal === 'a' || tokens[m].normal === 'an') return false;
      if (!tokens[m].isWord || tokens[m].pos === 'VERB') break;
    }
  }
  return true;
}

/**
 * The words of a role, normalised ("sen." -> "senator"), without titles that belong to someone named after them
 * ("adviser to President Obama", "daughter of former Vice President Dick Cheney").
 */
function roleTitles(role: string): string[] {
  const words = role.split(/[\s,]+/u);
  const out: string[] = [];
  words.forEach((w, i) => {
    let j = i + 1;
    while (j < words.length && PERSON_TITLES.has(titleKey(words[j].toLowerCase()))) j++;
    const next = words[j];
    if (PERSON_TITLES.has(titleKey(w.toLowerCase())) && next && /^\p{Lu}/u.test(next)) return;
    out.push(titleKey(w.toLowerCase()));
  });
  // a vice president is no president
  return out.includes('vice') ? [...out.filter((w) => w !== 'president' && w !== 'vice'), 'vice-president'] : out;
}

/** Whether `word` (lower-cased) stands within six words of token `p`, in the same sentence. */
function nearWord(tokens: Token[], p: number, word: string): boolean {
  const sentence = tokens[p].sentence;
  for (let k = Math.max(0, p - 6); k <= Math.min(tokens.length - 1, p + 6); k++) {
    if (tokens[k].sentence === sentence && tokens[k].value.toLowerCase() === word) return true;
  }
  return false;
}
