/**
 * The source entities of a document, in order of first mention, and their lookup by name: a later mention of a
 * person by last name, of an organisation by its name or a company description ("the firm"), of a spokesperson,
 * or of a role holder ("the governor") finds the entity named earlier.
 */
import type { Token } from '../document';
import { PERSON_TITLES } from './lexicon';
import {
  COMPANY_DESCRIPTIONS,
  type Gender,
  isAcronym,
  isCompanyName,
  type MentionInfo,
  SHORT_NAME_HEADS,
  SPOKESPERSON_NOUNS,
} from './mention';
import { roleTitles } from './roles';
import type { SourceType } from './types';
import { startsUpper } from '../document/casing';

/** One source as merged so far (mentions as offsets; spans are built at the end). */
export interface Entity {
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
  /** How the entity was first mentioned: by name, or by a common noun phrase ("the carrier", "a spokesman"). */
  kind: MentionInfo['kind'];
  /** Body nouns the text describes it with ("giant" in "media giant TimeWarner", "the utility"). */
  described?: string[];
}

/** The entities of one document (one table per document: nothing outlives it). */
export class EntityTable {
  readonly entities: Entity[] = [];

  constructor(private readonly tokens: Token[]) {}

  /** A new entity for a mention at token `pos`. */
  add(info: MentionInfo, pos: number): Entity {
    const e: Entity = {
      id: `s${this.entities.length + 1}`,
      name: info.name,
      type: info.type,
      role: info.role,
      nameWords: info.nameWords,
      gender: info.gender,
      plural: info.plural,
      mentions: [],
      attributions: 0,
      lastSeen: pos,
      kind: info.kind,
    };
    this.entities.push(e);
    return e;
  }

  /** The most recent source entity that `match` accepts. */
  latest(match: (e: Entity) => boolean): Entity | undefined {
    for (let i = this.entities.length - 1; i >= 0; i--) if (match(this.entities[i])) return this.entities[i];
    return undefined;
  }

  findPerson(words: string[]): Entity | undefined {
    if (!words.length) return undefined;
    const lastWord = words[words.length - 1];
    return this.latest(
      (e) =>
        e.type === 'named-person' &&
        e.nameWords.length > 0 &&
        !SPOKESPERSON_NOUNS.has(e.nameWords[0]) &&
        e.nameWords[e.nameWords.length - 1] === lastWord &&
        // "Hillary Clinton" vs "Bill Clinton": a differing given name is another person
        !(words.length > 1 && e.nameWords.length > 1 && e.nameWords[0] !== words[0]),
    );
  }

  /**
   * A name read as a person's that the text has given to an organization: "Umbro said" after "the firm Umbro", or
   * "Brightline" after "Brightline Energy" (a lone name that opens a company-style name).
   */
  findOrganizationByName(words: string[]): Entity | undefined {
    const key = words.join(' ');
    return this.latest((e) => {
      if (e.type !== 'named-organization' || !e.nameWords.length) return false;
      if (e.nameWords.join(' ') === key) return true;
      if (words.length !== 1 || e.nameWords.length < 2 || e.nameWords[0] !== words[0]) return false;
      // only a company-style name: "The Clinton campaign" or "Ryan's office" is not Clinton or Ryan
      return SHORT_NAME_HEADS.has(e.nameWords[e.nameWords.length - 1]) && !/['’]s\b/u.test(e.name);
    });
  }

  /** "the firm Unilever" after "Unilever said": the one-word name first read as a person's is the organization. */
  retypeAsOrganization(words: string[]): Entity | undefined {
    if (words.length !== 1) return undefined;
    const e = this.latest(
      (x) => x.type === 'named-person' && !x.role && !x.gender && x.nameWords.length === 1 && x.nameWords[0] === words[0],
    );
    if (e) e.type = 'named-organization';
    return e;
  }

  findByName(info: MentionInfo, description = false, at?: number): Entity | undefined {
    if (info.type === 'named-person' && info.kind === 'name')
      return this.findPerson(info.nameWords) ?? this.findOrganizationByName(info.nameWords);
    const key = info.nameWords.join(' ');
    const same = this.latest((e) => e.type === info.type && e.nameWords.join(' ') === key);
    if (same) return same;
    // a one-word description: "the firm", "the resident", "the spokesman"
    const definiteHead = info.kind === 'common' && !info.plural && info.nameWords.length === 1 && /^the\s/iu.test(info.name);
    // "the company", "the firm" after "Brightline Energy said …": the latest organization named in the last sentences
    if (definiteHead && COMPANY_DESCRIPTIONS.has(info.head) && at !== undefined) {
      const tokens = this.tokens;
      const sentence = tokens[at].sentence;
      const company = this.latest(
        (e) =>
          sentence - tokens[e.lastSeen].sentence <= 6 &&
          e.type === 'named-organization' &&
          isCompanyName(e.nameWords) &&
          startsUpper(e.name) &&
          !isAcronym(e.name),
      );
      if (company) return company;
    }
    // "the resident" after "one resident, who …": the latest unnamed person of that kind
    if (definiteHead && info.type === 'anonymous') {
      const person = this.latest(
        (e) => e.type === 'anonymous' && !e.plural && e.nameWords.length > 1 && e.nameWords[e.nameWords.length - 1] === key,
      );
      if (person) return person;
    }
    // "the spokesperson" after "a spokesperson for the Environment Agency": the latest one of that kind
    if (info.kind === 'common' && SPOKESPERSON_NOUNS.has(info.head) && info.nameWords.length === 1) {
      const spokesperson = this.latest((e) => e.nameWords[0] === info.head);
      if (spokesperson) return spokesperson;
    }
    if (info.type === 'named-organization' && info.kind === 'name') {
      const retyped = this.retypeAsOrganization(info.nameWords);
      if (retyped) return retyped;
    }
    // a definite role ("the governor", "the press secretary") refers back to a person with that role or title
    if (!description && info.kind === 'common' && PERSON_TITLES.has(info.head) && !info.plural && !/['’]s\b/u.test(info.name)) {
      const title = /\bvice[\s-]+president$/iu.test(info.name) ? 'vice-president' : info.head;
      const holder = this.latest((e) => e.type === 'named-person' && !!e.role && roleTitles(e.role).includes(title));
      if (holder) return holder;
    }
    return undefined;
  }
}
