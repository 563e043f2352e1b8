/**
 * Descriptions of organisations ("the utility", "the firm", "the union", "the watchdog") and "it"/"its", resolved to
 * the organisation the text named: the most recent compatible one (a company for "the carrier", a union for "the
 * union"), found among the sources already typed and the organisation names of the text. Also reads, once per
 * document, which capitalised names the text itself calls a body ("media giant TimeWarner", "Parmalat, the Italian
 * food group"), so that such a name is typed as an organisation rather than a person.
 */
import type { SlantDocument, Token } from '../document';
import type { TokenRange } from './candidate';
import type { Entity, EntityTable } from './entities';
import { clean, GROUP_NAMES, isAcronym, isCommonPlural, type MentionInfo, SHORT_NAME_HEADS, textOf } from './mention';
import { FEMALE_NAMES, MALE_NAMES } from './names';
import { PLACE_NAMES, PLACE_PHRASES } from './places';
import { isCapitalized, isComma, isTimeWord } from './tokens';
import { roleTitles } from './roles';
import { PERSON_TITLES, sourceWords } from './lexicon';

/**
 * Nouns that describe an organisation, with the kinds of body they fit ("utility" -> company, "authority" -> agency
 * or council), and words that say a company's industry ("lender", "bank" -> finance): lexicons/en/source-words.json.
 */
const KINDS_OF = new Map<string, string[]>(
  Object.entries(sourceWords.map('body-description-kinds')).map(([noun, kinds]) => [noun, kinds.split(' ')]),
);
const INDUSTRY_OF = new Map<string, string>(Object.entries(sourceWords.map('industry-words')));

/** Description heads that fit any organisation ("the group", "the organisation", "the body"). */
const ANY_KIND = new Set(['group', 'organisation', 'organization', 'body']);

/** Sentences back that a description or "it" looks for its organisation. */
const REACH = 10;

/** An organisation named in the text, with the nouns the text gives it. */
export interface OrgName {
  first: number;
  last: number;
  /** Lower-cased name words, as entities keep them. */
  words: string[];
  /** Body nouns the text gives the name ("giant", "group"), and the kind nouns of the name's own words. */
  nouns: string[];
  /** A name with no body noun, kept as the subject of its sentence ("Electrolux saw its shares rise"). */
  unsure?: boolean;
}

/** The body-noun head of a definite singular description ("the utility", "the security company"), or undefined. */
export function bodyDescriptionHead(doc: SlantDocument, range: TokenRange, info: MentionInfo): string | undefined {
  if (info.kind !== 'common' || info.plural) return undefined;
  const { tokens } = doc;
  const det = tokens[range.first].normal;
  if (det !== 'the' && det !== 'this' && det !== 'that') return undefined;
  if (!KINDS_OF.has(info.head)) return undefined;
  // "the company's chief executive" is a person; "the union's members" are not the union
  for (let k = range.first + 1; k <= range.last && !isComma(tokens[k]); k++) {
    const t = tokens[k];
    if (t.normal === "'s" || t.normal === '’s' || t.normal === 'who') return undefined;
    if (clean(t.lemma) === info.head || clean(t.normal) === info.head) break;
  }
  return info.head;
}

/** Kinds of organisation a set of nouns and name words gives (empty: unknown). */
function kindsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    for (const k of KINDS_OF.get(w) ?? []) out.add(k);
    if (SHORT_NAME_HEADS.has(w) || INDUSTRY_OF.has(w)) out.add('company');
  }
  return out;
}

/**
 * How well an organisation with these words fits a description head: 2 the same noun, 1 compatible, 0 not. An
 * acronym of unknown kind ("the SEC") may be an agency: no company description fits it.
 */
export function fitOf(head: string, words: readonly string[], acronym = false): number {
  if (words.includes(head)) return 2;
  if (ANY_KIND.has(head)) return 1;
  const industry = INDUSTRY_OF.get(head);
  if (industry) {
    const named = words.map((w) => INDUSTRY_OF.get(w)).filter(Boolean);
    if (named.length) return named.includes(industry) ? 2 : 0;
  }
  const kinds = kindsOf(words);
  if (!kinds.size) return acronym && KINDS_OF.get(head)?.includes('company') ? 0 : 1;
  for (const k of KINDS_OF.get(head) ?? []) if (kinds.has(k)) return 1;
  return 0;
}

/**
 * Whether a source typed as a person may be an organisation: one word ("Corvane") or a name with a kind word
 * ("Nordpeak Security"), with no gender, title or role. "Ana Ruiz" is a person even with the given name unknown.
 */
export function lacksPersonEvidence(e: Entity): boolean {
  if (e.type !== 'named-person' || e.gender || e.plural) return false;
  if (e.role && roleTitles(e.role).some((w) => PERSON_TITLES.has(w))) return false;
  return e.nameWords.length === 1 || kindsOf(e.nameWords).size > 0;
}

/** Organisation names of one document, found on first need. */
export class OrgNames {
  private list: OrgName[] | undefined;
  private byKey: Map<string, string[]> | undefined;

  constructor(private readonly doc: SlantDocument) {}

  get names(): OrgName[] {
    if (!this.list) this.list = findOrgNames(this.doc);
    return this.list;
  }

  /** The body nouns the text gives a name ("timewarner" -> ["giant"]), or undefined if it gives none. */
  nounsFor(words: readonly string[]): string[] | undefined {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const m of this.names) {
        const key = m.words.join(' ');
        const given = m.nouns.filter((n) => !m.words.includes(n));
        if (given.length) this.byKey.set(key, [...(this.byKey.get(key) ?? []), ...given]);
      }
    }
    return this.byKey.get(words.join(' '));
  }
}

/**
 * The organisation a description with body noun `head` (or "it", with head `any`) at token `pos` refers to: among
 * the sources and the organisation names of the last sentences, the most recent that fits, one named with the same
 * noun first ("the union" after "the Transport Workers Union", even with a company named since). A source typed as a
 * person with nothing of a person ("Nordpeak Security said … the company") becomes an organisation.
 */
export function resolveOrganisation(
  doc: SlantDocument,
  table: EntityTable,
  orgs: OrgNames,
  head: string,
  pos: number,
  /** Whether the text names a person in full with this name ("Nancy Pelosi" for "Pelosi"). */
  namedInFull: (words: readonly string[]) => boolean = () => false,
): Entity | undefined {
  const { tokens } = doc;
  const sentence = tokens[pos].sentence;
  interface Option {
    at: number;
    fit: number;
    entity?: Entity;
    name?: OrgName;
  }
  const options: Option[] = [];
  for (const e of table.entities) {
    if (e.lastSeen >= pos || sentence - tokens[e.lastSeen].sentence > REACH) continue;
    if (e.type !== 'named-organization' && (!lacksPersonEvidence(e) || namedInFull(e.nameWords))) continue;
    if (e.type === 'named-organization' && !e.nameWords.length) continue;
    let fit = head === 'any' ? 1 : fitOf(head, [...e.nameWords, ...(e.described ?? [])], isAcronym(e.name));
    // a name typed as a person's comes after any organisation that fits
    if (e.type === 'named-person') fit = Math.min(fit, 0.5);
    // an unnamed description ("the clothing retailer … the company") last, and only of a kind that fits
    if (e.kind !== 'name') fit = e.described?.length && kindsOf(e.described).size && fitOf(head, e.described) ? 0.25 : 0;
    if (fit) options.push({ at: e.lastSeen, fit, entity: e });
  }
  for (const m of orgs.names) {
    if (m.last >= pos) break;
    if (sentence - tokens[m.first].sentence > REACH) continue;
    let fit = head === 'any' ? 1 : fitOf(head, [...m.words, ...m.nouns], m.first === m.last && isAcronym(tokens[m.first].value));
    if (m.unsure) fit = Math.min(fit, 0.5);
    if (fit) options.push({ at: m.first, fit, name: m });
  }
  if (!options.length) return undefined;
  options.sort((a, b) => b.fit - a.fit || b.at - a.at);
  const best = options[0];
  if (best.entity) {
    if (best.entity.type === 'named-person') best.entity.type = 'named-organization';
    return best.entity;
  }
  const m = best.name!;
  const key = m.words.join(' ');
  const known = table.latest((e) => e.nameWords.join(' ') === key);
  if (known && known.type !== 'named-organization' && (!lacksPersonEvidence(known) || namedInFull(known.nameWords))) return undefined;
  if (known) {
    known.type = 'named-organization';
    return known;
  }
  const e = table.add(
    {
      kind: 'name',
      type: 'named-organization',
      name: textOf(doc, m.first, m.last),
      nameWords: m.words,
      gender: undefined,
      plural: false,
      head: m.words[m.words.length - 1],
    },
    m.first,
  );
  e.described = m.nouns.filter((n) => !m.words.includes(n));
  e.mentions.push({ start: tokens[m.first].start, end: tokens[m.last].end });
  return e;
}

/**
 * Capitalised names the text calls a body: after a body noun ("media giant TimeWarner", "the charity Oxfam"), with a
 * body noun in apposition ("Parmalat, the Italian food group"), or with a kind noun in the name itself ("the
 * Transport Workers Union", "Harlow Bank"). Names inside quotations are left out.
 */
function findOrgNames(doc: SlantDocument): OrgName[] {
  const { tokens } = doc;
  const out: OrgName[] = [];
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k];
    if (!isNameToken(t) || t.voice === 'quoted' || isTimeWord(t)) {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < tokens.length && tokens[e + 1].sentence === t.sentence && (isNameToken(tokens[e + 1]) || joinsName(tokens, e + 1))) e++;
    while (e > k && !isNameToken(tokens[e])) e--;
    const words: string[] = [];
    for (let m = k; m <= e; m++) if (tokens[m].isWord) words.push(clean(tokens[m].normal));
    const nouns: string[] = [];
    for (const w of words) if (KINDS_OF.has(w) || SHORT_NAME_HEADS.has(w)) nouns.push(w);
    // a body noun right before the name: "media giant TimeWarner", "the union Unite"
    const before = tokens[k - 1];
    if (before && before.sentence === t.sentence && !isCapitalized(before) && KINDS_OF.has(clean(before.lemma)))
      nouns.push(clean(before.lemma));
    // a body noun heading an appositive: "Parmalat, the Italian food group at …", "Unite, Britain's biggest union,"
    const apposition = appositiveHead(tokens, e);
    if (apposition && KINDS_OF.has(apposition)) nouns.push(apposition);
    if (nouns.length && words.length && words.length <= 6) out.push({ first: k, last: e, words, nouns });
    else if (words.length && words.length <= 4 && isSubjectName(doc, k, e, words))
      out.push({ first: k, last: e, words, nouns, unsure: true });
    k = e + 1;
  }
  return out;
}

/**
 * A name opening its sentence before a verb ("Electrolux saw its shares rise", "Unilever has warned"), that is no
 * person's (no given name or title), no place, day or group: it may be the organisation a later "it" means.
 */
function isSubjectName(doc: SlantDocument, k: number, e: number, words: string[]): boolean {
  const { tokens } = doc;
  const next = tokens[e + 1];
  if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX')) return false;
  for (let m = doc.sentences[tokens[k].sentence].tokenStart; m < k; m++) if (tokens[m].isWord) return false;
  const lower = words.join(' ');
  // "Broadcasters said", and a headline's words ("Probe into …") are no names
  if ((k === e && isCommonPlural(tokens[k])) || isTitleLine(doc, tokens[k].sentence)) return false;
  // "Ana Ruiz said": two plain name words are a person's name
  if (words.length > 1 && !kindsOf(words).size) return false;
  if (FEMALE_NAMES.has(words[0]) || MALE_NAMES.has(words[0]) || PERSON_TITLES.has(words[0]) || isTimeWord(tokens[k])) return false;
  return !PLACE_PHRASES.has(lower) && !PLACE_NAMES.has(words[0]) && !GROUP_NAMES.has(lower);
}

/** A sentence alone in its paragraph with no closing punctuation: a headline or a caption. */
function isTitleLine(doc: SlantDocument, sentence: number): boolean {
  const { sentences, tokens } = doc;
  const s = sentences[sentence];
  if ((sentences[sentence - 1]?.paragraph ?? -1) === s.paragraph || (sentences[sentence + 1]?.paragraph ?? -1) === s.paragraph)
    return false;
  let k = s.tokenEnd - 1;
  while (k > s.tokenStart && /^["”’']$/u.test(tokens[k].value)) k--;
  return !/^[.!?]$/u.test(tokens[k].value);
}

function isNameToken(t: Token): boolean {
  return t.isWord && (t.pos === 'PROPN' || (isCapitalized(t) && t.pos === 'NOUN')) && isCapitalized(t);
}

/** "of" or "&" inside a name ("Bank of England", "Marks & Spencer"), when a capitalised word follows. */
function joinsName(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  return (t.normal === 'of' || t.value === '&') && next !== undefined && isNameToken(next);
}

/** The head noun of an appositive after the name ending at `e` (", the Italian food group at …" -> "group"). */
function appositiveHead(tokens: Token[], e: number): string | undefined {
  if (!isComma(tokens[e + 1])) return undefined;
  let k = e + 2;
  const first = tokens[k];
  if (!first) return undefined;
  if (first.normal === 'the' || first.normal === 'a' || first.normal === 'an') k++;
  else if (isCapitalized(first) && (tokens[k + 1]?.normal === "'s" || tokens[k + 1]?.normal === '’s')) k += 2;
  else return undefined;
  let head: string | undefined;
  for (let n = 0; n < 8 && k < tokens.length && tokens[k].sentence === tokens[e].sentence; n++, k++) {
    const t = tokens[k];
    if (isComma(t) || t.pos === 'ADP' || !t.isWord) return head;
    // "In September, the company had said": a clause, not an appositive
    if (t.pos === 'VERB' || t.pos === 'AUX') return undefined;
    if (t.pos === 'NOUN') head = clean(t.lemma);
  }
  return undefined;
}
