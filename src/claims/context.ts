/**
 * Grammatical context of an unattributed-assertion cue (used by the unattributed-assertions analyzer): whether a
 * passive is a participle with no agent, "Asked…" has no subject, a group has a named modifier, a phrase is an
 * anonymity idiom, and whether a relation's source is only out of the attribution layer's reach.
 */
import type { AttributionRelation } from '../attribution/types';
import type { SlantDocument, Token } from '../document';
import { startsUpper } from '../document/casing';
import { isParticiple } from '../document/passive';
import type { LexiconMatch } from '../lexicon/matcher';

export function isParticipleMatch(doc: SlantDocument, m: LexiconMatch): boolean {
  let last: Token | undefined;
  for (let k = m.first; k <= m.last; k++) {
    const t = doc.tokens[k];
    if (!t.isWord) continue;
    if (
      t.lemma !== 'be' &&
      t.lemma !== 'have' &&
      t.normal !== 'to' &&
      t.normal !== 'as' &&
      t.normal !== 'that' &&
      t.normal !== 'it' &&
      t.pos !== 'ADV' &&
      t.normal !== 'not'
    )
      last = t;
  }
  if (!last || !isParticiple(last, 'spelling')) return false;
  // "he's predicted big wins": a contracted "has" before a participle with an object is an active perfect.
  const first = doc.tokens[m.first];
  const after = doc.tokens[m.last + 1];
  if (
    (first.normal === "'s" || first.normal === '’s') &&
    after &&
    after.sentence === first.sentence &&
    /^(DET|ADJ|NOUN|NUM|PROPN|PRON)$/.test(after.pos)
  )
    return false;
  // "was announced on Monday by the ministry": the agent is named after all.
  return !hasByAgent(doc, m.last);
}

/** "was announced on Monday by the ministry": a "by" agent within five tokens after the participle, before other punctuation. */
export function hasByAgent(doc: SlantDocument, last: number): boolean {
  const sentence = doc.tokens[last].sentence;
  for (let k = last + 1; k <= last + 5 && k < doc.tokens.length && doc.tokens[k].sentence === sentence; k++) {
    if (doc.tokens[k].normal === 'by') return true;
    if (doc.tokens[k].pos === 'PUNCT' && doc.tokens[k].value !== ',') break;
  }
  return false;
}

const ASKED_OPENERS = new Set(['when', 'if', 'after', 'once', 'as', 'while', 'before', 'whenever']);

export const QUESTION_VERBS = new Set(['ask', 'question', 'quiz', 'query', 'press']);

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'it']);

/**
 * "Asked whether…" opening a sentence, or "when asked about…": a question whose asker is not named. "…and asked
 * them if…" has an asker (the subject of the clause), so it is not one.
 */
export function isAgentlessAsked(doc: SlantDocument, i: number): boolean {
  const t = doc.tokens[i];
  const sentence = doc.sentences[t.sentence];
  const next = doc.tokens[i + 1];
  if (next && next.sentence === t.sentence && OBJECT_PRONOUNS.has(next.normal)) return false;
  let k = i - 1;
  while (k >= sentence.tokenStart && !doc.tokens[k].isWord) k--;
  if (k < sentence.tokenStart) return true;
  return ASKED_OPENERS.has(doc.tokens[k].normal);
}

/**
 * "<group> <verb>" is a clause only when the verb is a verb: "liberal views", "several points", "voter fears" are
 * noun phrases (the verb slot holds a plural noun).
 */
export function isClauseWithReportVerb(doc: SlantDocument, m: LexiconMatch): boolean {
  const verb = doc.tokens[m.last];
  if (verb.pos === 'NOUN' && verb.normal.endsWith('s')) return false;
  // "a conservative think tank", "a several point lead": the verb slot is part of a compound noun.
  const next = doc.tokens[m.last + 1];
  if (verb.pos === 'NOUN' && next && next.sentence === verb.sentence && next.pos === 'NOUN') return false;
  // "people seen as likely disrupters": a participle modifying the group, not a verb it governs.
  return !PARTICIPLE_ONLY.has(verb.normal);
}

/**
 * "Clinton aides said", "Pentagon officials say", "a State Department official said", "French diplomats believe": a
 * name among the words before the group noun says whose group it is, so the source is not vague.
 */
export function hasNamedModifier(doc: SlantDocument, first: number): boolean {
  const sentence = doc.sentences[doc.tokens[first].sentence];
  for (let k = first - 1; k >= sentence.tokenStart && k >= first - 5; k--) {
    const t = doc.tokens[k];
    const possessive = t.normal === "'s" || t.normal === '’s' || t.value === "'" || t.value === '’';
    if (!possessive && !/^(ADJ|NOUN|PROPN|NUM)$/.test(t.pos)) break;
    if (!startsUpper(t.value)) continue;
    if (k > sentence.tokenStart || t.pos === 'PROPN') return true;
  }
  return false;
}

/** A word capitalised inside its sentence, not only because it opens it: a name or a proper adjective. */
export function capitalisedInside(doc: SlantDocument, t: Token): boolean {
  return t.index > doc.sentences[t.sentence].tokenStart && startsUpper(t.value);
}

/**
 * "according to several senior Democrats", "according to members of the Harbour Council", "according to reports
 * Okafor filed": a name in the rest of the noun phrase after the group word says whose group or reports they are.
 */
export function hasNameAfter(doc: SlantDocument, last: number): boolean {
  const sentence = doc.sentences[doc.tokens[last].sentence];
  for (let k = last + 1; k < sentence.tokenEnd && k <= last + 5; k++) {
    const t = doc.tokens[k];
    const possessive = t.normal === "'s" || t.normal === '’s';
    if (!possessive && t.normal !== 'of' && !/^(ADJ|NOUN|PROPN|NUM|DET)$/.test(t.pos)) break;
    if (capitalisedInside(doc, t)) return true;
  }
  return false;
}

/**
 * "The Associated Press reports", "CBS News reported", "Reuters news reports": the reports are a named outlet's
 * (a name before them, or their first word capitalised inside the sentence).
 */
export function isNamedOutlet(doc: SlantDocument, first: number): boolean {
  const t = doc.tokens[first];
  return hasNamedModifier(doc, first) || capitalisedInside(doc, t);
}

const PARTICIPLE_ONLY = new Set(['seen', 'known', 'shown', 'given', 'taken', 'written', 'spoken']);

/** Verbs whose subject holds the noun they take: "expressed concern", "issued a statement", "made promises". */
const HOLDER_VERBS = new Set([
  'express',
  'voice',
  'share',
  'air',
  'echo',
  'repeat',
  'reiterate',
  'level',
  'lodge',
  'file',
  'make',
  'issue',
  'release',
  'deliver',
  'offer',
  'give',
  'put',
]);

const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your', "'s", '’s', 'whose']);

/**
 * "Trump's allegations that…", "his recent pledges", "issued a statement", "allegations by the prosecutor",
 * "questions from reporters": a possessive or a name in the noun phrase, a verb before it whose subject holds it, or
 * "by"/"from" after the noun names whose claim or question it is. Tokens [first, last] are the noun's phrase.
 */
export function hasHolder(doc: SlantDocument, first: number, last: number): boolean {
  const { tokens } = doc;
  const sentence = tokens[first].sentence;
  // back over the determiners, adjectives and compound words of the noun phrase
  for (let k = first - 1; k >= 0 && k >= first - 5 && tokens[k].sentence === sentence; k--) {
    const b = tokens[k];
    if (POSSESSIVES.has(b.normal) || b.pos === 'PROPN') return true;
    const modifier = b.pos === 'DET' || b.pos === 'ADJ' || b.pos === 'NUM' || b.pos === 'ADV' || b.value === '-';
    if (modifier || (b.pos === 'NOUN' && !startsUpper(b.value))) continue;
    if (HOLDER_VERBS.has(b.lemma) && b.pos !== 'NOUN') return true;
    break;
  }
  for (let j = first + 1; j <= last + 1 && j < tokens.length && tokens[j].sentence === sentence; j++) {
    if (tokens[j].normal === 'by' || tokens[j].normal === 'from') return true;
  }
  return false;
}

/**
 * "seemed unlikely", "appears increasingly certain": an appearance verb followed by an adjective. Returns the
 * adjective's token index, or -1.
 */
export function appearanceAdjective(doc: SlantDocument, i: number): number {
  const sentence = doc.tokens[i].sentence;
  for (let k = i + 1; k < doc.tokens.length && k <= i + 3 && doc.tokens[k].sentence === sentence; k++) {
    const t = doc.tokens[k];
    if (t.pos === 'ADV' || t.normal === 'more' || t.normal === 'less') continue;
    const adjective = t.pos === 'ADJ' || (t.pos === 'VERB' && t.normal.endsWith('ed'));
    return adjective && t.voice === 'writer' ? k : -1;
  }
  return -1;
}

/** The content of a relation: every part when the attribution layer gives them, else its one content span. */
export function contentSpans(r: AttributionRelation): Array<{ start: number; end: number }> {
  const parts = (r as { contentParts?: Array<{ start: number; end: number }> }).contentParts;
  if (parts && parts.length) return parts;
  return r.content ? [r.content] : [];
}

const THING_PRONOUNS = new Set(['it', 'this', 'that', 'these', 'those', 'which', 'what']);

/** The source phrase contains a name (a capitalised proper noun), not only common nouns or pronouns. */
export function namesSomeone(doc: SlantDocument, span: { start: number; end: number }): boolean {
  return doc.tokensIn(span.start, span.end).some((t) => t.pos === 'PROPN' && startsUpper(t.value));
}

/** The source phrase is a lone "it", "this" or "which": a thing, not someone who can be a source. */
export function isThingPronoun(doc: SlantDocument, span: { start: number; end: number }): boolean {
  const words = doc.tokensIn(span.start, span.end).filter((t) => t.isWord);
  return words.length === 1 && THING_PRONOUNS.has(words[0].normal);
}

const UNNAMING_VERBS = new Set(['name', 'identify', 'quote']);

const REFUSALS = new Set(['not', 'decline', 'refuse', 'authorize', 'authorise', 'allow', 'permit']);

const ANONYMOUS = new Set(['anonymity', 'anonymously']);

/**
 * "who asked not to be named", "declined to be identified", "spoke on condition of anonymity", "was not authorized to
 * speak publicly": the wording describes a source the text does have (an unnamed one), not a claim with no source.
 */
export function isAnonymityIdiom(doc: SlantDocument, first: number, last: number): boolean {
  const sentence = doc.tokens[first].sentence;
  let verb: Token | undefined;
  for (let k = last; k >= first; k--) {
    if (doc.tokens[k].isWord) {
      verb = doc.tokens[k];
      break;
    }
  }
  for (let k = Math.max(0, first - 4); k <= last + 6 && k < doc.tokens.length; k++) {
    const t = doc.tokens[k];
    if (t.sentence !== sentence) continue;
    if (k >= first && ANONYMOUS.has(t.normal)) return true;
    if (k <= last && verb && UNNAMING_VERBS.has(verb.lemma) && REFUSALS.has(t.lemma)) return true;
    if (k < first && (t.lemma === 'authorize' || t.lemma === 'authorise')) return true;
  }
  return false;
}

/** Rule id of the findings taken from agentless relations of the attribution layer. */
export const AGENTLESS_RELATION = 'agentless-relation';

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it', 'who']);

/**
 * An agentless relation whose source is most likely in the text but was not linked to it: a name or personal
 * pronoun right before the cue ("Trump said", "he said", "she has said") or right after it ("said Smith"), a gerund
 * after a preposition ("after saying", whose subject is the clause's), a cue after punctuation
 * (", said the former governor", "…,” said), or a source phrase the layer found but did not resolve to an entity,
 * unless a common noun heads it ("polls show", "47 percent said").
 */
export function sourceOutOfReach(doc: SlantDocument, first: number, last: number, hasSourceSpan: boolean): boolean {
  const sentence = doc.tokens[first].sentence;
  const prev = first > 0 && doc.tokens[first - 1].sentence === sentence ? doc.tokens[first - 1] : undefined;
  const next = last + 1 < doc.tokens.length && doc.tokens[last + 1].sentence === sentence ? doc.tokens[last + 1] : undefined;
  if (prev && (prev.pos === 'PROPN' || prev.pos === 'PUNCT' || PERSONAL_PRONOUNS.has(prev.normal))) return true;
  // "Trump also said", "she has said": one adverb or auxiliary between the name and the cue
  const before = prev && first > 1 && doc.tokens[first - 2].sentence === sentence ? doc.tokens[first - 2] : undefined;
  if (before && /^(ADV|AUX|PART)$/.test(prev!.pos) && (before.pos === 'PROPN' || PERSONAL_PRONOUNS.has(before.normal))) return true;
  // "after saying…", "by reciting…": the gerund's subject is the subject of the clause it hangs on
  if (prev?.pos === 'ADP' && doc.tokens[first].normal.endsWith('ing')) return true;
  if (next && next.pos === 'PROPN') return true;
  if (next && PERSONAL_PRONOUNS.has(next.normal) && !prev) return true;
  return hasSourceSpan && prev?.pos !== 'NOUN';
}
