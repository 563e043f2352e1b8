/**
 * Source typing and merging: decides what kind of source a source phrase names (a person with a role, an
 * organization, an anonymous or vague source, a document), merges mentions of one source ("Dmitry Peskov" …
 * "Peskov" … "he" … "the press secretary"), and resolves pronouns to the nearest fitting named source. The parts:
 * mention.ts (typing one phrase), name-mentions.ts (names in the text), entities.ts (merging by name), roles.ts
 * (titles and person descriptions), coreference.ts (pronouns and descriptions to antecedents).
 */
import type { SlantDocument, Token } from '../document';
import { lettersOccurAsWord } from '../standalone-word';
import type { TokenRange } from './candidate';
import { Antecedents } from './coreference';
import { bodyDescriptionHead, OrgNames, resolveOrganisation } from './descriptions';
import { type Entity, EntityTable } from './entities';
import { isCommonPlural, isSentenceInitial, readMention, textOf, trimLast } from './mention';
import { fullNamesOf, isRelativeName, type NameMention } from './name-mentions';
import { genderOfName, GIVEN_NAMES } from './names';
import { isPersonDescription } from './roles';
import { isComma, isPossessivePronoun, isTimeWord } from './tokens';
import type { SourceEntity } from './types';

export { readMention, type MentionInfo } from './mention';

/** Relation drafts as sources.ts needs them. */
export interface SourceDraft {
  source?: TokenRange;
  /** Token index of the cue head (for recency). */
  head: number;
}

/** A quotation that no attribution covers, with the sentences where its speaker may be named (nearest first). */
export interface SpeakerNeed {
  quotation: number;
  sentences: number[];
  /** The relation whose content holds the quotation: looked for only when that relation has no source. */
  holder?: number;
}

/**
 * Types, merges and resolves the sources of the given relations (in text order). Returns the entities and, per
 * relation, the id of its source entity (undefined when it has none), and the speakers of standalone quotations.
 */
export function resolveSources(
  doc: SlantDocument,
  drafts: SourceDraft[],
  needs: SpeakerNeed[] = [],
): { sources: SourceEntity[]; ids: Array<string | undefined>; speakers: Map<number, string> } {
  const table = new EntityTable(doc.tokens);
  const antecedents = new Antecedents(doc, table);
  const orgs = new OrgNames(doc);
  const ids = drafts.map((d) => resolveDraft(doc, table, antecedents, orgs, d));
  const speakers = quotationSpeakers(doc, drafts, needs, ids, table, antecedents);
  fullNames(doc, table, antecedents);
  return { sources: toSources(doc, table.entities), ids, speakers };
}

/** The id of the entity a relation's source phrase names (typed, merged or resolved), or undefined. */
function resolveDraft(
  doc: SlantDocument,
  table: EntityTable,
  antecedents: Antecedents,
  orgs: OrgNames,
  d: SourceDraft,
): string | undefined {
  const { tokens } = doc;
  const range = d.source;
  if (!range) {
    return undefined;
  }
  let info = readMention(doc, skipTimeLead(doc, range));
  const description = isPersonDescription(doc, range, info);
  if (antecedents.namesLoaded || info.kind === 'pronoun' || description) antecedents.advanceNames(range.first);
  let entity: Entity | undefined;
  let antecedent: TokenRange | undefined;
  if (info.kind === 'relative') {
    // "Clinton's campaign, which said ...": the noun phrase before the relative pronoun
    let j = range.first - 1;
    if (j >= 0 && isComma(tokens[j])) j--;
    // "the International Air Transport Association (IATA), which": past the parenthesis
    if (j > 0 && tokens[j].value === ')') {
      let k = j - 1;
      while (k > 0 && j - k < 8 && tokens[k].value !== '(') k--;
      if (tokens[k].value === '(') j = k - 1;
    }
    const f = j >= 0 ? leftPhrase(tokens, j) : -1;
    if (f >= 0) {
      info = readMention(doc, { first: f, last: j });
      antecedent = { first: f, last: j };
    }
  }
  // a name read as a person's that the text calls a body ("media giant TimeWarner … TimeWarner said")
  let described = info.kind === 'name' && info.type === 'named-person' && !info.gender ? orgs.nounsFor(info.nameWords) : undefined;
  if (described) info = { ...info, type: 'named-organization' };
  // "the utility", "the security company": the organisation named before
  const bodyHead = bodyDescriptionHead(doc, range, info);
  if (bodyHead) {
    entity = resolveOrganisation(doc, table, orgs, bodyHead, range.first, (w) => antecedents.namedInFull(w));
    described = [bodyHead];
    // never named: a description of an organisation, typed as one
    if (info.type === 'none') info = { ...info, type: 'named-organization' };
  }
  if (info.type === 'none' && info.kind === 'common') {
    return undefined;
  }
  if (entity) {
    // resolved as a description of an organisation
  } else if (info.kind === 'pronoun') {
    entity = antecedents.resolvePronoun(info, range.first);
    if (!entity && (info.head === 'it' || info.head === 'its'))
      entity = resolveOrganisation(doc, table, orgs, 'any', range.first, (w) => antecedents.namedInFull(w));
  } else if (info.kind !== 'relative') {
    // a description reaches the named person first ("Cardinal Cormac Murphy-O'Connor … the cardinal"), even when an
    // earlier one (a headline's "Cardinal criticises …") stayed a description of its own
    if (description) entity = antecedents.resolveDescription(info, range);
    entity ??= table.findByName(info, description, range.first);
    if (entity) {
      if (info.nameWords.length > entity.nameWords.length && info.type === 'named-person') {
        entity.name = info.name;
        entity.nameWords = info.nameWords;
      }
      if (!entity.role && info.role) entity.role = info.role;
      if (!entity.gender && info.gender) entity.gender = info.gender;
    } else entity = table.add(info, range.first);
  }
  if (!entity) entity = table.add({ ...info, type: info.kind === 'pronoun' ? 'anonymous' : info.type }, range.first);
  entity.mentions.push({ start: tokens[range.first].start, end: tokens[Math.max(range.first, trimLast(tokens, range))].end });
  // the antecedent of "which"/"who" is a mention too
  if (antecedent && entity.kind !== 'relative')
    entity.mentions.push({ start: tokens[antecedent.first].start, end: tokens[trimLast(tokens, antecedent)].end });
  entity.attributions++;
  entity.lastSeen = range.first;
  if (described) entity.described = [...(entity.described ?? []), ...described];
  antecedents.add(range.first, entity);
  return entity.id;
}

/**
 * Whether a name found in the text reads as a person's, so that it may speak a quotation no cue attributes: a person
 * the text already cites, a name after a title or an honorific ("Dr Owen Hart", "Mr Curry"), a known given name
 * with a surname ("Lena Park"), or a surname the text gives in full elsewhere. Titles of works, events and things
 * ("Video Countdown", "World Cup", "X-ray") are none of these.
 */
function readsAsPerson(m: NameMention, table: EntityTable, antecedents: Antecedents): boolean {
  if (table.findPerson(m.words)) return true;
  if (m.titles.length) return true;
  if (m.words.length >= 2 && GIVEN_NAMES.has(m.words[0])) return true;
  return antecedents.namedInFull(m.words);
}

/**
 * Speakers of standalone quotations (quotations no attribution covers): the named-person source of an attribution
 * in a nearby sentence, else the first person named there. Quotation index -> entity id.
 */
function quotationSpeakers(
  doc: SlantDocument,
  drafts: SourceDraft[],
  needs: SpeakerNeed[],
  ids: Array<string | undefined>,
  table: EntityTable,
  antecedents: Antecedents,
): Map<number, string> {
  const { tokens } = doc;
  const speakers = new Map<number, string>();
  const sourceInSentence = new Map<number, string>();
  const byId = new Map(table.entities.map((e) => [e.id, e]));
  drafts.forEach((d, i) => {
    const id = ids[i];
    const s = tokens[d.head].sentence;
    // a named person, or one person described ("One leading Karachi broker said …", "her spokesman insisted …")
    const e = id ? byId.get(id) : undefined;
    if (id && e && !sourceInSentence.has(s) && (e.type === 'named-person' || (e.type === 'anonymous' && e.kind === 'common' && !e.plural)))
      sourceInSentence.set(s, id);
  });
  const namesBySentence = new Map<number, NameMention[]>();
  const open = needs.filter((n) => n.holder === undefined || !ids[n.holder]);
  if (open.length && !antecedents.namesLoaded) antecedents.advanceNames(tokens.length);
  for (const m of antecedents.names) {
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
      // "He spent seven years at MTV. “…”": a sentence led by "he" or "she" passes on the pronoun's person
      for (const gender of ['m', 'f'] as const) {
        const lead = antecedents.leadingPronoun(s, gender, false);
        if (lead >= 0 && !id) id = antecedents.resolvePerson(lead, gender)?.id;
      }
      if (id) break;
      // "Critics disagreed": a capitalised plural opening the sentence is no name
      const list = namesBySentence
        .get(s)
        ?.filter((m) => !(m.first === m.last && isSentenceInitial(doc, m.first) && isCommonPlural(tokens[m.first])))
        .filter((m) => readsAsPerson(m, table, antecedents));
      if (list && list.length) {
        const m = list[0]; // the first person-like name of the sentence: usually its subject
        let e = table.findPerson(m.words);
        if (!e) {
          e = table.add(
            {
              kind: 'name',
              type: 'named-person',
              name: textOf(doc, m.nameFirst, m.last),
              nameWords: m.words,
              gender: undefined,
              plural: false,
              head: m.words[m.words.length - 1],
            },
            m.first,
          );
          if (m.titles.length) e.role = m.titles.join(' ');
        }
        if (!e.mentions.some((x) => x.start === tokens[m.first].start))
          e.mentions.push({ start: tokens[m.first].start, end: tokens[m.last].end });
        id = e.id;
        break;
      }
    }
    if (id) speakers.set(need.quotation, id);
  }
  return speakers;
}

/**
 * A person named by one word ("Trump said") whom the text names in full elsewhere ("President Donald Trump on
 * Tuesday …", in the headline, outside any attribution, or anywhere as "<given name> <surname>": "a call from Donald
 * Trump", "Adam Schiff's resignation") is known by the full name, when the text gives only one full name with that
 * last word ("Bill Clinton" and "Hillary Clinton" leave "Clinton" as it is).
 */
function fullNames(doc: SlantDocument, table: EntityTable, antecedents: Antecedents): void {
  const short = table.entities.filter((e) => e.type === 'named-person' && e.nameWords.length === 1 && e.kind === 'name');
  if (!short.length) return;
  if (!antecedents.namesLoaded) antecedents.advanceNames(0);
  // full names: those of the writer's subjects first; failing them, any "<given name> <surname>" of the text ("a
  // call from Donald Trump", "Adam Schiff's resignation"), which names the person as surely
  type FullName = { nameFirst: number; last: number; words: string[] };
  const subjects: FullName[] = antecedents.names.filter((m) => m.words.length >= 2 && !isRelativeName(doc.tokens, m.nameFirst));
  // ("Will Trump win?": a given name the text also writes in lower case is a word, not a name)
  const anywhere = fullNamesOf(doc, new Set(short.map((e) => e.nameWords[0]))).filter((m) => !lettersOccurAsWord(doc.text, m.words[0]));
  // the one full name a last name is given with ("Donald J. Trump" and "Donald Trump" are one person); of "Donald
  // Trump" and "Melania Trump", the one of the entity's gender when the text gives it ("he said")
  const only = (names: FullName[], e: (typeof short)[number]): FullName | undefined => {
    let withName = names.filter((x) => x.words[x.words.length - 1] === e.nameWords[0]);
    if (e.gender && new Set(withName.map((x) => x.words[0])).size > 1)
      withName = withName.filter((x) => genderOfName(x.words[0]) === e.gender);
    return new Set(withName.map((x) => x.words[0])).size === 1 ? withName[0] : undefined;
  };
  for (const e of short) {
    const m = only(subjects, e) ?? only([...subjects, ...anywhere], e);
    if (!m) continue;
    // "Heidi Cruz" is not the "Cruz" who is "he"; "Interview Clinton" (a word the text also writes in lower case) is no name
    const g = genderOfName(m.words[0]);
    if (g && e.gender && g !== e.gender) continue;
    if (lettersOccurAsWord(doc.text, m.words[0])) continue;
    e.name = textOf(doc, m.nameFirst, m.last);
    e.nameWords = m.words;
  }
}

/** The entities with at least one mention, as the report lists them. */
function toSources(doc: SlantDocument, entities: Entity[]): SourceEntity[] {
  return entities
    .filter((e) => e.mentions.length > 0)
    .map((e) => {
      const out: SourceEntity = {
        id: e.id,
        name: e.name,
        type: e.type,
        mentions: [...e.mentions]
          .sort((a, b) => a.start - b.start || a.end - b.end)
          .filter((m, i, all) => i === 0 || m.start !== all[i - 1].start || m.end !== all[i - 1].end)
          .map((m) => doc.spanOf(m.start, m.end)),
        attributions: e.attributions,
      };
      if (e.role) out.role = e.role;
      return out;
    });
}

/** A short noun phrase ending at `j` (for relative-pronoun antecedents). */
function leftPhrase(tokens: Token[], j: number): number {
  let k = j;
  if (
    !tokens[k] ||
    !(tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN' || (tokens[k].pos === 'PRON' && !isPossessivePronoun(tokens[k])))
  )
    return -1;
  while (
    k - 1 >= 0 &&
    tokens[k - 1].sentence === tokens[j].sentence &&
    (tokens[k - 1].pos === 'NOUN' ||
      tokens[k - 1].pos === 'PROPN' ||
      tokens[k - 1].pos === 'ADJ' ||
      tokens[k - 1].pos === 'DET' ||
      tokens[k - 1].pos === 'NUM' ||
      isPossessivePronoun(tokens[k - 1]) ||
      tokens[k - 1].normal === "'s" ||
      tokens[k - 1].normal === '’s')
  ) {
    k--;
    if (tokens[k].pos === 'DET') break;
  }
  return k;
}

/** "In September, the company had said": a day or month and a comma before the source phrase are no part of it. */
function skipTimeLead(doc: SlantDocument, range: TokenRange): TokenRange {
  const { tokens } = doc;
  let k = range.first;
  while (k < range.last && (isTimeWord(tokens[k]) || tokens[k].pos === 'NUM')) k++;
  return k > range.first && k < range.last && isComma(tokens[k]) ? { first: k + 1, last: range.last } : range;
}
