/**
 * Word classes used by attribution detection, read from lexicons/en/attribution-cues.json (hand-written: reporting,
 * cognition and stance verbs; attribution nouns; hedging adverbs and participles; the words around a cue) and
 * lexicons/en/source-words.json (source nouns, titles, pronouns). How often each word actually introduces an
 * attribution in news is measured separately (models/attribution-cue-priors.json, src/attribution/cue-priors.ts).
 */
import type { CueClass } from '../enums';
import { builtinWordLists } from '../lexicon/builtin';
import { compileWordLists } from '../lexicon/word-lists';

export type { CueClass } from '../enums';

const cues = compileWordLists(builtinWordLists['en/attribution-cues'], 'built-in en/attribution-cues');
/** Source words (also read by mention-words.ts). */
export const sourceWords = compileWordLists(builtinWordLists['en/source-words'], 'built-in en/source-words');

export const SPEECH_VERBS = cues.words('speech-verbs');
export const CREDIBILITY_VERBS = cues.words('credibility-verbs');
export const BELIEF_VERBS = cues.words('belief-verbs');
export const STANCE_VERBS = cues.words('stance-verbs');
export const EVIDENCE_VERBS = cues.words('evidence-verbs');
export const APPEARANCE_VERBS = cues.words('appearance-verbs');

/** Adverbs that attribute a statement to unnamed others. */
export const ATTRIBUTION_ADVERBS = cues.words('attribution-adverbs');
/** Participles that attribute what they modify to unnamed others ("a reported approval", "the alleged attack"). */
export const ATTRIBUTIVE_PARTICIPLES = cues.set('attributive-participles');
/** Nouns that report speech, belief or stance ("his claim that", "criticism of"). */
export const ATTRIBUTION_NOUNS = cues.words('attribution-nouns');
/** Words that, before a cue, are part of the cue phrase ("has said", "did not say", "also noted"). */
export const CUE_AUXILIARIES = cues.set('cue-auxiliaries');
/** Verbs that take the person addressed as an object before the content ("told reporters that"). */
export const RECIPIENT_VERBS = cues.set('recipient-verbs');
/** Verbs whose subject is the source of the attribution noun they take as object ("made a commitment that"). */
export const AGENT_LIGHT_VERBS = cues.set('agent-light-verbs');
/** Participles whose passive subject holds the feeling or belief ("the union is worried about"): the source. */
export const EXPERIENCER_PARTICIPLES = cues.set('experiencer-participles');
/** Words opening a predicative adjective's complement ("is confident that"): such an adjective is a candidate cue. */
export const ADJECTIVE_COMPLEMENTS = cues.set('adjective-complements');

/** The verb classes in order of precedence: a verb in several lists takes the first. */
const VERB_CLASSES: ReadonlyArray<[CueClass, ReadonlySet<string>]> = (
  ['credibility', 'speech', 'evidence', 'appearance', 'belief', 'stance'] as const
).map((cls) => [cls, cues.set(`${cls}-verbs`)]);

/** The hand-written class of a verb, or undefined when no class list has it. */
export function verbClassOf(lemma: string): CueClass | undefined {
  for (const [cls, words] of VERB_CLASSES) if (words.has(lemma)) return cls;
  return undefined;
}

/** The class of a cue-table word in a form ("v" verb or adverb, "n" noun, "m" participle, "p" preposition). */
export function cueClassOf(lemma: string, form: string): CueClass {
  if (form === 'n') return 'noun';
  if (form === 'm') return 'adverb';
  if (form !== 'v') return 'other';
  return verbClassOf(lemma) ?? (ADVERBS.has(lemma) ? 'adverb' : 'other');
}
const ADVERBS = cues.set('attribution-adverbs');

/** Nouns naming a document or data rather than a person ("a report", "figures", "the statement"). */
export const DOCUMENT_NOUNS = sourceWords.set('document-nouns');
/** Plural or quantifying words naming an unspecified group ("analysts", "critics", "some", "many"). */
export const VAGUE_NOUNS = sourceWords.set('vague-nouns');
/** Nouns and phrases marking an unnamed, withheld source ("officials", "sources familiar with"). */
export const ANONYMOUS_NOUNS = sourceWords.set('anonymous-nouns');
/** Markers of anonymity after a source noun ("who asked not to be named", "on condition of anonymity"). */
export const ANONYMITY_MARKERS = sourceWords.words('anonymity-markers');
/** Words in a capitalised name that make it an organization rather than a person. */
export const ORGANIZATION_WORDS = sourceWords.set('organization-words');
/**
 * Words that end or fill a company's name ("Brightline Energy", "Delta Air Lines", "Acme Holdings"): a capitalised
 * name with one of them is an organization. Used only to type a name, not to find sources.
 */
export const COMPANY_WORDS = sourceWords.set('company-words');
/** Titles and roles that mark a person ("Sen.", "spokesman", "press secretary"). */
export const PERSON_TITLES = sourceWords.set('person-titles');
export const MALE_PRONOUNS = sourceWords.set('male-pronouns');
export const FEMALE_PRONOUNS = sourceWords.set('female-pronouns');
