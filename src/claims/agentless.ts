/**
 * Which agentless relations of the attribution layer the unattributed-assertions analyzer reports, and agentless
 * passives of attribution verbs that no lexicon phrase covers. The layer marks a relation agentless when it linked
 * no source to the cue; whether the text really names no one depends on how the cue is built:
 * - a passive participle with no "by" agent ("Clinton was booed", "the plan is widely criticised", "when questioned
 *   about") names no one, whatever stands before it (its subject is what is reported on, not who reports);
 * - an appearance verb followed by a judgement ("the race appears closer", "Clinton looks much weaker") does not say
 *   to whom, and its subject is what is judged, not who judges; followed by a place or an occasion it is "she
 *   appeared in three films", no attribution;
 * - an attributive participle ("the alleged fraud", "his alleged evasion") names no one who alleges;
 * - an infinitive ("to promise") has no source of its own;
 * - a finite verb or a gerund has a subject or a controller ("Bush's team thinks", "she began saying", "while
 *   denying"): its source is only out of the layer's reach, unless that subject names no one: a source phrase the
 *   layer found with no name in it ("47 percent said"), or a common noun right before the verb with no name before
 *   it ("critics often see", "polls show");
 * - an attribution noun ("criticism of", "the assumption that") names no one unless a holder goes with it ("his
 *   promises", "issued a statement", "allegations by the prosecutor"), and the layer reads nouns less surely than
 *   verbs, so only confident ones count.
 */
import type { AttributionRelation } from '../attribution/types';
import { ATTRIBUTIVE_PARTICIPLES, EXPERIENCER_PARTICIPLES, verbClassOf } from '../attribution/lexicon';
import { DEFINITE_DETERMINERS } from '../attribution/mention-words';
import type { SlantDocument, Token } from '../document';
import { startsUpper } from '../document/casing';
import { isParticiple, passiveAuxStart } from '../document/passive';
import { capitalisedInside, hasByAgent, hasHolder, hasNamedModifier, namesSomeone, QUESTION_VERBS, sourceOutOfReach } from './context';

/** Rule id of the findings from passives of attribution verbs. */
export const AGENTLESS_PASSIVE = 'attribution-verb-passive';

/** How an agentless cue is built (see above). */
export type AgentlessCueForm = 'passive' | 'attributive' | 'appearance' | 'infinitive' | 'noun' | 'clause' | 'other';

/**
 * An attribution noun from the layer is reported only at this confidence or more. Measured out of fold on PolNeAR's
 * train documents (eval/attribution/agentless.ts): below it, 18 of 171 such nouns were on an attribution with no
 * source or a generic one.
 */
export const NOUN_CONFIDENCE = 0.5;

/** The word before token k in its sentence, past adverbs and "not". */
function wordBefore(tokens: Token[], k: number): Token | undefined {
  const sentence = tokens[k].sentence;
  let j = k - 1;
  while (j >= 0 && tokens[j].sentence === sentence && (tokens[j].pos === 'ADV' || tokens[j].normal === 'not')) j--;
  return j >= 0 && tokens[j].sentence === sentence ? tokens[j] : undefined;
}

/** The form of a cue by its head word. */
export function agentlessCueForm(doc: SlantDocument, head: number): AgentlessCueForm {
  const { tokens } = doc;
  const t = tokens[head];
  if (t.pos === 'NOUN') return 'noun';
  // "the alleged fraud", "a reported approval": what the participle modifies is someone's claim, and no one is named
  const next = tokens[head + 1];
  if (ATTRIBUTIVE_PARTICIPLES.has(t.normal) && next?.sentence === t.sentence && (next.pos === 'NOUN' || next.pos === 'ADJ'))
    return 'attributive';
  // "the tax was intended to", "has never been questioned" (the tagger reads some participles as adjectives)
  const participle = (t.pos === 'VERB' || t.pos === 'ADJ') && isParticiple(t, 'spelling') && !EXPERIENCER_PARTICIPLES.has(t.normal);
  if (participle && passiveAuxStart(tokens, head) >= 0) return 'passive';
  // "when questioned about", "Pressed again about": a passive with its auxiliary and subject left out
  const before = wordBefore(tokens, head);
  if (participle && t.pos === 'VERB' && (before === undefined || REDUCED_OPENERS.has(before.normal))) return 'passive';
  if (t.pos !== 'VERB') return 'other';
  if (verbClassOf(t.lemma) === 'appearance') return judgementComplement(tokens, head) ? 'appearance' : 'other';
  if (before?.normal === 'to') return 'infinitive';
  return 'clause';
}

/** Subordinators that open a reduced adverbial clause ("when asked", "once told"). */
const REDUCED_OPENERS = new Set(['when', 'if', 'after', 'once', 'as', 'while', 'before', 'whenever', 'unless', 'until']);

/**
 * An appearance verb followed by a judgement ("appears closer", "looks much weaker", "seemed a long shot", "seems
 * to", "looked as if"), not by a place or an occasion ("appeared in three films", "appeared on stage").
 */
function judgementComplement(tokens: Token[], head: number): boolean {
  const sentence = tokens[head].sentence;
  const lemma = tokens[head].lemma;
  let k = head + 1;
  while (k < tokens.length && tokens[k].sentence === sentence && tokens[k].pos === 'ADV' && !JUDGEMENT_WORDS.has(tokens[k].normal)) k++;
  const c = tokens[k];
  if (!c || c.sentence !== sentence) return false;
  // "looks to build on", "is looking ahead to": "look to" is aiming, not appearing; "sounded a cautious note" is
  // sounding something out
  if (lemma === 'look' && c.normal === 'to') return false;
  if (lemma === 'sound' && c.pos === 'DET') return false;
  return c.pos === 'ADJ' || c.pos === 'DET' || JUDGEMENT_WORDS.has(c.normal) || (/(?:er)$/u.test(c.normal) && c.pos === 'ADV');
}

const JUDGEMENT_WORDS = new Set(['to', 'that', 'as', 'like', 'more', 'less', 'likely', 'unlikely']);

/**
 * Whether an agentless relation of the attribution layer is reported as a finding: the cue names no one, and no
 * source is merely out of the layer's reach (see above).
 */
export function reportsAgentlessRelation(doc: SlantDocument, r: AttributionRelation, first: number, last: number): boolean {
  const form = agentlessCueForm(doc, doc.tokenIndexAt(r.cueHead.start));
  if (form === 'other') return false;
  if (form === 'passive') return !hasByAgent(doc, last);
  if (form === 'attributive' || form === 'appearance') return true;
  if (form === 'noun' && (r.confidence < NOUN_CONFIDENCE || hasHolder(doc, first, last))) return false;
  if (sourceOutOfReach(doc, first, last, r.source !== undefined)) return false;
  if (form !== 'clause') return true;
  // a clause names its source unless its subject names no one ("47 percent said", "critics often see")
  if (r.source) return !namesSomeone(doc, r.source);
  const subject = wordBefore(doc.tokens, first);
  return subject !== undefined && subject.pos === 'NOUN' && !startsUpper(subject.value) && !hasNamedModifier(doc, first);
}

/** Verb classes whose passive reports what someone said, thought or judged ("was found", "was shown" report events as often). */
const PASSIVE_CLASSES = new Set(['speech', 'belief', 'stance']);

/**
 * Passives of attribution verbs (the attribution layer's speech, belief and stance verbs)
 * with no "by" agent, in the writer's voice: "He was lambasted as out of touch", "the figure has been disputed".
 * Passive questions ("was asked") are left to the lexicon's question entries; participles of feeling ("was
 * convinced") have their holder as subject; "is supposed to", "was allowed to" state a duty or a permission.
 * Returns [first, last] token ranges: the auxiliary chain through the participle.
 */
export function attributionVerbPassives(doc: SlantDocument): Array<[number, number]> {
  const { tokens } = doc;
  const out: Array<[number, number]> = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.pos !== 'VERB' || t.voice !== 'writer' || !isParticiple(t, 'tagged') || !isParticiple(t, 'spelling')) continue;
    const cls = verbClassOf(t.lemma);
    if (!cls || !PASSIVE_CLASSES.has(cls) || QUESTION_VERBS.has(t.lemma) || EXPERIENCER_PARTICIPLES.has(t.normal)) continue;
    // "is supposed to", "was allowed to", "is meant to": a duty or a permission, not a report
    if (tokens[k + 1]?.normal === 'to') continue;
    const aux = passiveAuxStart(tokens, k);
    if (aux < 0 || hasByAgent(doc, k)) continue;
    out.push([aux, k]);
  }
  return out;
}

/** Rule id of the findings from vague relations of the attribution layer. */
export const VAGUE_RELATION = 'vague-relation';

/**
 * Whether a relation of the attribution layer is reported as a vague attribution, its source naming no one who can be
 * checked:
 * - a vague relation (its source resolved to a vague collective: "some voters said", "others believe", "party leaders
 *   have argued");
 * - a relation whose source the layer took for an unnamed person or group, when the phrase is indefinite or bare ("a
 *   federal judge said", "one pastor told", "people briefed on the move said"), not definite or possessive: "the
 *   judge", "his wife" point back to someone the text has named.
 * Either way its source phrase is written out (not a pronoun, "they", "who", whose group is only found by resolution)
 * and names no one, no proper noun in it or right before it ("some Democrats", "Clinton supporters" say whose group).
 */
function reportsVagueRelation(
  doc: SlantDocument,
  r: AttributionRelation,
  sourceType: string | undefined,
  source: Token[],
  cue: Token[],
): boolean {
  const anonymous = r.kind !== 'vague' && r.kind !== 'agentless' && sourceType === 'anonymous';
  if (r.kind !== 'vague' && !anonymous) return false;
  const words = source.filter((t) => t.isWord);
  if (!words.length || (words.length === 1 && words[0].pos === 'PRON')) return false;
  if (words.some((t) => t.pos === 'PROPN' || capitalisedInside(doc, t))) return false;
  if (nameAtSentenceStart(doc, words[0])) return false;
  if (anonymous && words.some((t) => DEFINITE_DETERMINERS.has(t.normal) || t.normal === "'s" || t.normal === '’s')) return false;
  // "people were encouraged to", "the viruses written by": the noun before a passive, or before a participle that
  // cannot be a past tense, is what is acted on, not who speaks
  const verbs = cue.filter((t) => t.pos === 'VERB');
  const head = verbs[verbs.length - 1];
  // ("criticised by financial regulators": an agent after it is a source)
  const before = r.source !== undefined && r.source.end <= r.cue.start;
  if (before && head && isParticiple(head, 'spelling') && (passiveAuxStart(doc.tokens, head.index) >= 0 || /(?:en|wn)$/u.test(head.normal)))
    return false;
  return !hasNamedModifier(doc, words[0].index);
}

/**
 * The span of a vague attribution from a relation that `reportsVagueRelation`, outside quotations: its source, and its
 * cue too when only adverbs or auxiliaries stand between them ("some voters have said"), as in the lexicon's
 * "critics say". Token range [first, last] with it.
 */
export function vagueRelationSpan(
  doc: SlantDocument,
  r: AttributionRelation,
  sourceType: string | undefined,
): { start: number; end: number; first: number; last: number } | undefined {
  if (!r.source) return undefined;
  const ts = doc.tokensIn(r.source.start, r.source.end);
  const cue = doc.tokensIn(r.cue.start, r.cue.end);
  if (!ts.length || !reportsVagueRelation(doc, r, sourceType, ts, cue)) return undefined;
  const first = ts[0].index;
  const last = ts[ts.length - 1].index;
  if (doc.isQuoted(first, last)) return undefined;
  if (!cue.length || cue[0].index <= last || doc.isQuoted(cue[0].index, cue[cue.length - 1].index)) {
    return { start: r.source.start, end: r.source.end, first, last };
  }
  const between = doc.tokens.slice(last + 1, cue[0].index);
  if (!between.every((t) => /^(ADV|AUX|PART)$/.test(t.pos))) return { start: r.source.start, end: r.source.end, first, last };
  return { start: r.source.start, end: r.cue.end, first, last: cue[cue.length - 1].index };
}

/**
 * A capitalised word at the start of its sentence that the document also capitalises inside a sentence: a name or a
 * proper adjective ("Democratic leaders hoped", "Hoover estimated"), not a common word that only opens the sentence.
 */
function nameAtSentenceStart(doc: SlantDocument, t: Token): boolean {
  if (t.index !== doc.sentences[t.sentence].tokenStart || !startsUpper(t.value) || /^(DET|NUM|PRON)$/.test(t.pos)) return false;
  return doc.tokens.some((u) => u.value === t.value && capitalisedInside(doc, u));
}
