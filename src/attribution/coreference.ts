/**
 * Coreference of source mentions: a pronoun ("he", "she", "they", "it") or a definite description of a person ("the
 * senator") is resolved to an earlier source or to a name seen in the text (the antecedents, in text order).
 */
import type { SlantDocument } from '../document';
import type { TokenRange } from './candidate';
import type { Entity, EntityTable } from './entities';
import { PERSON_TITLES } from './lexicon';
import { clean, type Gender, HONORIFICS, type MentionInfo, SPOKESPERSON_NOUNS, textOf, titleKey } from './mention';
import { lacksPersonEvidence } from './descriptions';
import { findNameMentions, type NameMention } from './name-mentions';
import { genderOfName } from './names';
import { ADDITIVE_ROLES, DESCRIPTION_HEADS, FALLBACK_HEADS, nearWord, ROLE_EQUIVALENTS, roleTitles } from './roles';
import { hasOrganizationWord } from './mention-words';
import { isCapitalized, isComma } from './tokens';

const SPOKESPERSON = /\bspokes(?:man|woman|person)\b/iu;

/** Whether a spokesperson's phrase names a person as the principal: "a spokesman for Paul Ryan", "Ryan's spokeswoman". */
function speaksForPerson(phrase: string): boolean {
  if (/\p{Lu}[\p{L}'’.-]*['’]s\s+spokes/u.test(phrase)) return true;
  const principal = /\bfor\s+(.+)$/u.exec(phrase)?.[1];
  if (!principal || !/^\p{Lu}/u.test(principal)) return false;
  return !hasOrganizationWord(principal.toLowerCase().split(/\s+/u).map(clean));
}

/** An antecedent candidate: a source already typed, or a name seen in the text. */
export interface Salient {
  pos: number;
  entity?: Entity;
  name?: NameMention;
}

/**
 * Most recent mentions searched for a pronoun's antecedent. Antecedents are searched only a few sentences back, but
 * text without sentence breaks would make that every earlier mention (time quadratic in their number); news has far
 * fewer mentions in six sentences.
 */
const MAX_ANTECEDENTS = 100;
/** Words that may stand before a sentence's subject pronoun ("So he", "But then she"). */
const LEADING_CONNECTIVES = new Set(['so', 'but', 'and', 'then', 'however', 'yet', 'still', 'now', 'also', 'later', 'instead']);
/** Parts of speech of the words before a name that belong to it or modify it ("UK finance minister Gordon Brown"). */
const NAME_MODIFIER_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);
const QUOTE_OR_COMMA = /^["“”‘’'«»,]$/u;

/** The antecedents of one document: source mentions and (loaded on first need) names, in text order. */
/** The subject pronoun of a gender ("he", "she"), if it has one. */
const subjectPronoun = (gender: Gender): 'he' | 'she' | undefined => (gender === 'f' ? 'she' : gender === 'm' ? 'he' : undefined);

export class Antecedents {
  /** Source mentions and names in text order: antecedents for pronouns and descriptions. */
  readonly byPosition: Salient[] = [];
  /** Names in the text: needed only to resolve a pronoun or a standalone quotation, so found on first use. */
  names: NameMention[] = [];
  namesLoaded = false;
  private nameCursor = 0;
  private positions: Map<string, number[]> | undefined;

  constructor(
    private readonly doc: SlantDocument,
    private readonly table: EntityTable,
  ) {}

  /** A source mention of `entity` at token `pos`, as an antecedent of what follows. */
  add(pos: number, entity: Entity): void {
    this.byPosition.push({ pos, entity });
  }

  /** Promote name mentions before `pos` into the recency list (as potential antecedents). */
  advanceNames(pos: number): void {
    if (!this.namesLoaded) {
      this.names = findNameMentions(this.doc);
      this.namesLoaded = true;
      // merge the names seen so far with the source mentions already listed, in text order
      while (this.nameCursor < this.names.length && this.names[this.nameCursor].last < pos) {
        const m = this.names[this.nameCursor++];
        this.byPosition.push({ pos: m.first, name: m });
      }
      this.byPosition.sort((a, b) => a.pos - b.pos);
      return;
    }
    while (this.nameCursor < this.names.length && this.names[this.nameCursor].last < pos) {
      const m = this.names[this.nameCursor++];
      this.byPosition.push({ pos: m.first, name: m });
    }
  }

  /**
   * Whether the text names a person in full with this one-word name as the last name ("Nancy Pelosi" … "Pelosi"):
   * then "Pelosi" is that person, never an organisation.
   */
  namedInFull(words: readonly string[]): boolean {
    if (words.length !== 1) return false;
    if (!this.namesLoaded) this.advanceNames(0);
    return this.names.some((m) => m.words.length >= 2 && m.words[m.words.length - 1] === words[0]);
  }

  /** The person `item` names, if it can be a `gender` person (creating an entity for a bare name). */
  private personOf(item: Salient, gender: Gender): Entity | undefined {
    if (item.entity) {
      const e = item.entity;
      // "a spokesman for Ryan … he said": "he" is the principal more often than the spokesman; a spokesman for a
      // body ("a spokesman for the Home Office", "A Conservative spokeswoman … She said") is the one who speaks on
      const spokesperson = SPOKESPERSON_NOUNS.has(e.nameWords[0]) || (e.kind === 'common' && !e.plural && SPOKESPERSON.test(e.name));
      if (spokesperson && speaksForPerson(e.name)) return undefined;
      if ((e.type !== 'named-person' && !(spokesperson && e.type === 'anonymous')) || (gender && e.gender && e.gender !== gender))
        return undefined;
      if (!e.gender) e.gender = gender;
      return e;
    }
    if (!item.name) return undefined;
    const given = item.name.words[0];
    const g: Gender = item.name.words.length > 1 ? genderOfName(given) : undefined;
    const known = this.table.findPerson(item.name.words);
    if (known) {
      if (gender && known.gender && known.gender !== gender) return undefined;
      if (!known.gender) known.gender = gender;
      this.addNameMention(known, item.name);
      return known;
    }
    if (gender && g && g !== gender) return undefined;
    const e = this.table.add(
      {
        kind: 'name',
        type: 'named-person',
        name: textOf(this.doc, item.name.nameFirst, item.name.last),
        nameWords: item.name.words,
        gender: g ?? gender,
        plural: false,
        head: item.name.words[item.name.words.length - 1],
      },
      item.pos,
    );
    if (item.name.titles.length) e.role = item.name.titles.join(' ');
    item.entity = e;
    this.addNameMention(e, item.name);
    return e;
  }

  /** The name a pronoun or description was resolved through is a mention of its source ("Mayor Carla Diaz"). */
  private addNameMention(e: Entity, m: NameMention): void {
    const { tokens } = this.doc;
    const start = tokens[m.first].start;
    if (!e.mentions.some((x) => x.start === start)) e.mentions.push({ start, end: tokens[m.last].end });
  }

  /**
   * The person a singular "he"/"she" (or a definite description, with `accept`) refers to: the nearest sentence
   * with a fitting person, and in it the first one (the subject is the likeliest antecedent: "Rubio said Obama
   * erred. “…,” he said" is Rubio). Names inside quotations are not antecedents of the writer's pronouns. For a
   * pronoun, a name governed by a preposition or a verb ("with Martinez", "accused Mr Blair") comes after the other
   * names of its sentence, and one in the pronoun's own sentence ("At a talk hosted by Gordon Brown, he said") only
   * when no earlier sentence has a fitting person; a sentence led by the same pronoun ("So he praised Maldini")
   * passes that pronoun's referent on.
   */
  resolvePerson(pos: number, gender: Gender, accept?: (item: Salient) => boolean, reach = 6): Entity | undefined {
    const { tokens } = this.doc;
    const sentence = tokens[pos].sentence;
    const quotedPronoun = tokens[pos].voice === 'quoted';
    const floor = Math.max(0, this.byPosition.length - MAX_ANTECEDENTS);
    let fallback: Entity | undefined;
    // "It is a battle that Yahoo is winning, he believes": a pronoun after the content it reports takes no name of
    // that content; only a name opening its sentence is a candidate there
    const before = tokens[pos - 1];
    const postposed = before !== undefined && before.sentence === sentence && (before.value === ',' || before.voice === 'quoted');
    const opening = this.doc.sentences[sentence].tokenStart + 3;
    let i = this.byPosition.length - 1;
    while (i >= floor) {
      const s = tokens[this.byPosition[i].pos].sentence;
      if (sentence - s > reach) break;
      let j = i;
      while (j - 1 >= floor && tokens[this.byPosition[j - 1].pos].sentence === s) j--;
      if (!accept && s < sentence) {
        const lead = this.leadingPronoun(s, gender, quotedPronoun);
        if (lead >= 0) return this.resolvePerson(lead, gender, undefined, reach - (sentence - s)) ?? fallback;
        // "… Yahoo is winning, he believes. “…,” he said": the same pronoun as a reporting subject passes it on too
        const reporting = this.reportingPronoun(s, gender);
        if (reporting >= 0) return this.resolvePerson(reporting, gender, undefined, reach - (sentence - s)) ?? fallback;
      }
      let oblique: Salient | undefined;
      for (let k = j; k <= i; k++) {
        const item = this.byPosition[k];
        if (item.pos >= pos) continue;
        if (postposed && s === sentence && item.pos >= opening) continue;
        if (!quotedPronoun && tokens[item.pos].voice === 'quoted') continue;
        if (accept && !accept(item)) continue;
        if (!accept && this.isOblique(item.pos)) {
          oblique ??= item;
          continue;
        }
        const e = this.personOf(item, gender);
        if (e) return e;
      }
      if (oblique) {
        const e = this.personOf(oblique, gender);
        if (e && s < sentence) return e;
        fallback ??= e;
      }
      i = j - 1;
    }
    return fallback;
  }

  /**
   * The pronoun ("he"/"she" for `gender`) that leads sentence `s` as its subject ("So he is full of praise for …",
   * "But she added"), in the writer's voice unless `quoted`; -1 when there is none.
   */
  leadingPronoun(s: number, gender: Gender, quoted: boolean): number {
    const { tokens, sentences } = this.doc;
    const want = subjectPronoun(gender);
    if (!want) return -1;
    const { tokenStart, tokenEnd } = sentences[s];
    for (let k = tokenStart; k < tokenEnd && k < tokenStart + 4; k++) {
      const t = tokens[k];
      if (t.normal === want) return quoted || t.voice === 'writer' ? k : -1;
      if (t.isWord && !LEADING_CONNECTIVES.has(t.normal)) return -1;
    }
    return -1;
  }

  /**
   * The pronoun ("he"/"she") after a comma and before a verb in sentence `s`, in the writer's voice ("…, he believes"):
   * the subject of a reporting clause after its content; -1 when there is none.
   */
  private reportingPronoun(s: number, gender: Gender): number {
    const { tokens, sentences } = this.doc;
    const want = subjectPronoun(gender);
    if (!want) return -1;
    const { tokenStart, tokenEnd } = sentences[s];
    for (let k = tokenEnd - 2; k > tokenStart; k--) {
      const t = tokens[k];
      if (t.normal === want && t.voice === 'writer' && tokens[k - 1].value === ',' && tokens[k + 1].pos === 'VERB') return k;
    }
    return -1;
  }

  /**
   * Whether the name at token `pos` is governed by a preposition or by a verb before it ("with Martinez", "hosted by
   * UK finance minister Gordon Brown", "accused Mr Blair"): an object, seldom the antecedent of a later subject
   * pronoun. A name after its verb that follows a quotation is its speaker ("“…,” said Ann Lee").
   */
  private isOblique(pos: number): boolean {
    const { tokens } = this.doc;
    const s = tokens[pos].sentence;
    let k = pos - 1;
    // walk back over the name's modifiers and titles ("UK finance minister", "the servant")
    for (let n = 0; k >= 0 && n < 5 && tokens[k].sentence === s && NAME_MODIFIER_POS.has(tokens[k].pos); k--) n++;
    const g = k >= 0 && tokens[k].sentence === s ? tokens[k] : undefined;
    if (!g) return false;
    if (g.pos === 'ADP') return g.normal !== 'of' && g.normal !== 'according';
    if (g.pos !== 'VERB') return false;
    const before = tokens[k - 1];
    return !(before && (before.voice === 'quoted' || QUOTE_OR_COMMA.test(before.value)));
  }

  resolvePronoun(info: MentionInfo, pos: number): Entity | undefined {
    const { tokens } = this.doc;
    const sentence = tokens[pos].sentence;
    const want = info.head;
    if (want === 'he' || want === 'she') {
      // "He took aim at Reid, who he said …": a sentence whose subject is the same pronoun keeps its referent
      const start = this.doc.sentences[sentence].tokenStart;
      let k = start;
      while (k < pos && !tokens[k].isWord) k++;
      if (k < pos && tokens[k].normal === want && tokens[k].voice === tokens[pos].voice)
        return this.resolvePerson(k, want === 'he' ? 'm' : 'f');
      return this.resolvePerson(pos, want === 'he' ? 'm' : 'f');
    }
    let unsure: Entity | undefined;
    for (let i = this.byPosition.length - 1, floor = Math.max(0, this.byPosition.length - MAX_ANTECEDENTS); i >= floor; i--) {
      const item = this.byPosition[i];
      if (sentence - tokens[item.pos].sentence > 6) break;
      if (want === 'they' || want === 'we') {
        const e = item.entity;
        if (e && (e.plural || e.type === 'named-organization' || e.type === 'vague-collective' || e.type === 'anonymous')) return e;
      } else if (want === 'it' || want === 'its') {
        const e = item.entity;
        if (e && (e.type === 'named-organization' || e.type === 'document')) return e;
        // "Nordpeak Security said … It added": a name with nothing of a person is the organisation, if no
        // organisation fits
        if (e && !unsure && lacksPersonEvidence(e) && !this.namedInFull(e.nameWords)) unsure = e;
      }
    }
    if (unsure) unsure.type = 'named-organization';
    return unsure;
  }

  /** Token positions of each lower-cased word (built on first use). */
  private wordPositions(): Map<string, number[]> {
    const { tokens } = this.doc;
    if (!this.positions) {
      this.positions = new Map();
      tokens.forEach((t, p) => {
        if (!t.isWord) return;
        const w = clean(t.normal);
        const list = this.positions!.get(w);
        if (list) list.push(p);
        else this.positions!.set(w, [p]);
      });
    }
    return this.positions;
  }

  /** Titles known for a candidate antecedent (normalised: "senator", "governor"), honorifics left out. */
  private titlesOf(item: Salient): string[] {
    const out: string[] = [];
    const e = item.entity ?? (item.name ? this.table.findPerson(item.name.words) : undefined);
    if (e?.role) out.push(...roleTitles(e.role));
    if (item.name) out.push(...item.name.titles);
    // "Vice President Pence" is no "president"
    const titles = out.filter((w) => PERSON_TITLES.has(w) && !HONORIFICS.has(w));
    return titles.includes('vice') ? [...titles.filter((w) => w !== 'president' && w !== 'vice'), 'vice-president'] : titles;
  }

  /**
   * "the senator", "the four-term congressman", "the presumptive nominee": a definite description of a person
   * refers back to a named person, one with that title if the text gives titles, else the nearest person in
   * the last sentences with no other title. Not when the text introduced an unnamed one ("a police officer").
   */
  resolveDescription(info: MentionInfo, range: TokenRange): Entity | undefined {
    const { tokens } = this.doc;
    const head = /\bvice[\s-]+president$/iu.test(info.name) ? 'vice-president' : titleKey(info.head);
    const roles = ROLE_EQUIVALENTS[head] ?? [head];
    // "the Florida senator", "the Democratic candidate": each capitalised modifier must stand near the person's name
    // somewhere in the text ("Florida Sen. Marco Rubio", "Sen. Marco Rubio of Florida")
    const mods: string[] = [];
    for (let k = range.first + 1; k <= range.last && !isComma(tokens[k]); k++) {
      const t = tokens[k];
      if (t.isWord && isCapitalized(t) && clean(t.normal) !== info.head && !PERSON_TITLES.has(clean(t.normal)))
        mods.push(t.value.toLowerCase());
    }
    const fitCache = new Map<string, boolean>();
    const modsFit = (item: Salient): boolean => {
      if (!mods.length) return true;
      const w = item.entity?.nameWords ?? item.name?.words ?? [];
      const last = w[w.length - 1];
      if (!last) return false;
      let fit = fitCache.get(last);
      if (fit === undefined) {
        const at = this.wordPositions().get(last) ?? [];
        fit = mods.every((m) => at.some((p) => nearWord(tokens, p, m, range))); // the description itself is no evidence
        fitCache.set(last, fit);
      }
      return fit;
    };
    // a title holds through the article ("President Moreau" … twenty sentences on … "the president")
    const byRole = this.resolvePerson(
      range.first,
      info.gender,
      (item) => this.titlesOf(item).some((t) => roles.includes(t)) && modsFit(item),
      Infinity,
    );
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
      return this.names.some((m) => m.words.length >= 2 && m.words[m.words.length - 1] === w[0]);
    };
    // a role held on top of an office ("the committee chairman" may be "Rep. Ed Royce"); other titles name other people
    // job titles ("the director", "the spokesman") name people of their own; only offices and plain descriptions
    // of a person fall back to the nearest name
    if (!FALLBACK_HEADS.has(head) && !DESCRIPTION_HEADS.has(head) && !/(?:^|[^s])(?:man|woman)$/u.test(head)) return undefined;
    if (head.startsWith('spokes')) return undefined;
    const additive = ADDITIVE_ROLES.has(head);
    // and only to a person the article already quotes or cites (its protagonist), not to anyone just mentioned
    const isSource = (item: Salient): boolean => {
      const e = item.entity ?? (item.name ? this.table.findPerson(item.name.words) : undefined);
      return e !== undefined && e.attributions > 0;
    };
    const fits = (item: Salient, mods: boolean): boolean =>
      fullName(item) &&
      isSource(item) &&
      (additive || this.titlesOf(item).length === 0) &&
      !named(item).some((w) => own.has(w)) &&
      (!mods || modsFit(item));
    // modifiers choose between people ("the Florida senator", "the Tory leader"); before a description that is no
    // office, ones that stand by no one's name ("the Newport-based athlete", "the French defender") rule nobody out
    const found = this.resolvePerson(range.first, info.gender, (item) => fits(item, true), 3);
    if (found || !mods.length || FALLBACK_HEADS.has(head) || this.names.some((m) => modsFit({ pos: m.first, name: m }))) return found;
    return this.resolvePerson(range.first, info.gender, (item) => fits(item, false), 3);
  }
}
