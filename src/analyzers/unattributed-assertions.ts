import { z } from 'zod';
import { defineAnalyzer, type AnalyzerOutput } from '../analyzer';
import type { AttributionRelation, SourceEntity } from '../attribution/types';
import type { SlantDocument, Token } from '../document';
import type { LexiconMatch } from '../lexicon/matcher';
import { startsUpper } from '../document/casing';
import { round } from '../round';

/**
 * Unattributed assertions: claims the writer makes in their own voice without a named source.
 *
 * Four kinds are reported:
 * 1. vague attribution — a source that names no one ("analysts suggest", "many believe");
 * 2. agentless attribution — a report or belief with no holder ("reportedly", "is expected to", "a reported approval");
 * 3. unsupported certainty — formulas that declare a claim settled ("cannot be overstated", "speaks volumes");
 * 4. unsourced evaluative or predictive claims — a sentence-level decision over evaluative, interpretive and
 *    predictive cues, modality and the attribution of the sentence.
 *
 * Kinds 1–3 are lexicon phrases (lexicons/en/unattributed-assertions.json) with a few grammatical checks (a passive
 * must be a participle with no "by" agent; "Asked…" must have no subject; a group with a named modifier, "Clinton aides",
 * is not vague; anonymity idioms, "asked not to be named", describe a source and are not reported). Agentless relations
 * of the attribution layer that no phrase covers ("polls show", "a sign saying") are reported too, at `info` severity,
 * unless the source is only out of the layer's reach (a name or pronoun next to the cue). Whether a sentence is attributed comes
 * from the shared attribution layer (`doc.attribution`). Words inside a quotation belong to the quoted speaker and
 * are never reported; a cue inside the content of an attribution with a named source is that source's claim, not
 * the writer's.
 */

const LEXICON = 'en/unattributed-assertions';

export type UnattributedMessageId = 'vague-attribution' | 'agentless-attribution' | 'unsupported-certainty' | 'unsourced-claim';

/** Sentence statuses this analyzer records. */
export type AssertionStatus = 'attributed' | 'factual-report' | 'unattributed-assertion';

const OptionsSchema = z.strictObject({
  /**
   * Evidence a sentence needs before its evaluative/predictive cues make it an unsourced claim (sum of cue weights).
   * Lower finds more claims; higher only the strongest.
   */
  claimThreshold: z.number().min(0).default(0.8),
  /** Treat a sentence as attributed when it continues reported speech from the sentence before it. */
  carryAttribution: z.boolean().default(true),
  /** Report kind-4 claims (the sentence classifier); kinds 1–3 are always reported. */
  reportClaims: z.boolean().default(true),
});

export type UnattributedAssertionsOptions = z.output<typeof OptionsSchema>;

/** Lexicon categories that are findings in their own right (kinds 1–3). */
const DIRECT_KINDS = new Set(['vague-attribution', 'agentless-attribution', 'unsupported-certainty']);
/** Lexicon categories that feed the sentence classifier (kind 4). */
const CLAIM_CUES = new Set(['evaluative', 'predictive']);

/** Entries whose match must contain a past participle, not a progressive ("is expected", not "is expecting"). */
const PASSIVE_ENTRIES = new Set(['it-is-said', 'passive-belief', 'agentless-passive']);

const NAMED_SOURCES = new Set(['named-person', 'named-organization', 'document', 'anonymous']);
const FIRST_PERSON = new Set(['i', 'we', 'us', 'our', 'ours', 'my', 'mine', 'ourselves', 'myself']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
const BACKSHIFT = new Set(['would', 'could', 'might']);
/**
 * Entries that report a missing source without carrying a claim ("Asked whether…", "it is unclear whether"), and
 * agentless relations of the attribution layer ("polls show", "a sign saying": what is reported is someone's, only
 * unnamed): they are reported at `info` severity and do not make the sentence an unattributed assertion.
 */
const NON_CLAIM_ENTRIES = new Set(['asked', 'agentless-question', 'unclear', 'agentless-relation']);

const KIND_LABEL: Record<string, string> = {
  'vague-attribution': 'vague attribution',
  'agentless-attribution': 'agentless attribution',
  'unsupported-certainty': 'unsupported certainty',
  'unsourced-claim': 'unsourced evaluative or predictive claim',
};

interface Cue {
  kind: string;
  start: number;
  end: number;
  first: number;
  last: number;
  weight: number;
  entry?: string;
  term?: string;
  explanation?: string;
  alternatives?: string[];
  /** True for stance features found by code rather than by a lexicon entry. */
  rule?: boolean;
}

const IRREGULAR_PARTICIPLES = new Set(
  'said told thought seen known held felt understood taught sold put cut hit set paid made found bought brought meant built read led heard shown given taken written spoken drawn forgotten'.split(' '),
);

/** A past participle form, lower-case in the text (not "Judge", "Bill"). */
function looksLikeParticiple(t: Token): boolean {
  if (t.value !== t.normal && t.value !== t.normal.replace(/^./, (c) => c.toUpperCase())) return false;
  if (t.value[0] !== t.value[0].toLowerCase()) return false;
  return t.normal.endsWith('ed') || t.normal.endsWith('en') || t.normal.endsWith('wn') || IRREGULAR_PARTICIPLES.has(t.normal);
}

function isParticipleMatch(doc: SlantDocument, m: LexiconMatch): boolean {
  let last: Token | undefined;
  for (let k = m.first; k <= m.last; k++) {
    const t = doc.tokens[k];
    if (!t.isWord) continue;
    if (t.lemma !== 'be' && t.lemma !== 'have' && t.normal !== 'to' && t.normal !== 'as' && t.normal !== 'that' && t.normal !== 'it' && t.pos !== 'ADV' && t.normal !== 'not') last = t;
  }
  if (!last || !looksLikeParticiple(last)) return false;
  // "he's predicted big wins": a contracted "has" before a participle with an object is an active perfect.
  const first = doc.tokens[m.first];
  const after = doc.tokens[m.last + 1];
  if ((first.normal === "'s" || first.normal === '’s') && after && after.sentence === first.sentence && /^(DET|ADJ|NOUN|NUM|PROPN|PRON)$/.test(after.pos)) return false;
  // "was announced on Monday by the ministry": the agent is named after all.
  const sentence = doc.tokens[m.first].sentence;
  for (let k = m.last + 1; k <= m.last + 5 && k < doc.tokens.length && doc.tokens[k].sentence === sentence; k++) {
    if (doc.tokens[k].normal === 'by') return false;
    if (doc.tokens[k].pos === 'PUNCT' && doc.tokens[k].value !== ',') break;
  }
  return true;
}

function inQuotedVoice(doc: SlantDocument, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (doc.tokens[k].isWord && doc.tokens[k].voice === 'quoted') return true;
  return false;
}

const ASKED_OPENERS = new Set(['when', 'if', 'after', 'once', 'as', 'while', 'before', 'whenever']);
const QUESTION_VERBS = new Set(['ask', 'question', 'quiz', 'query', 'press']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'it']);

/**
 * "Asked whether…" opening a sentence, or "when asked about…": a question whose asker is not named. "…and asked
 * them if…" has an asker (the subject of the clause), so it is not one.
 */
function isAgentlessAsked(doc: SlantDocument, i: number): boolean {
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
function isClauseWithReportVerb(doc: SlantDocument, m: LexiconMatch): boolean {
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
function hasNamedModifier(doc: SlantDocument, first: number): boolean {
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

const PARTICIPLE_ONLY = new Set(['seen', 'known', 'shown', 'given', 'taken', 'written', 'spoken']);

const HOLDER_VERBS = new Set(['express', 'voice', 'share', 'air', 'echo', 'repeat', 'reiterate', 'level', 'lodge', 'file', 'make']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your', "'s", '’s', 'whose']);

/**
 * "Trump's allegations that…", "allegations by the prosecutor", "questions from reporters": the noun names whose
 * claim or question it is.
 */
function hasHolder(doc: SlantDocument, m: LexiconMatch): boolean {
  const sentence = doc.tokens[m.first].sentence;
  let k = m.first - 1;
  if (k >= 0 && doc.tokens[k].sentence === sentence && (doc.tokens[k].normal === 'the' || doc.tokens[k].normal === 'new' || doc.tokens[k].pos === 'ADJ')) k--;
  const before = k >= 0 && doc.tokens[k].sentence === sentence ? doc.tokens[k] : undefined;
  if (before && (POSSESSIVES.has(before.normal) || before.pos === 'PROPN')) return true;
  // "…expressed concern that", "voiced doubts about": the subject of these verbs holds the concern.
  if (before && HOLDER_VERBS.has(before.lemma)) return true;
  for (let j = m.first + 1; j <= m.last + 1 && j < doc.tokens.length; j++) {
    const t = doc.tokens[j];
    if (t.sentence !== sentence) break;
    if (t.normal === 'by' || t.normal === 'from') return true;
  }
  return false;
}

/**
 * "seemed unlikely", "appears increasingly certain": an appearance verb followed by an adjective. Returns the
 * adjective's token index, or -1.
 */
function appearanceAdjective(doc: SlantDocument, i: number): number {
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
function contentSpans(r: AttributionRelation): Array<{ start: number; end: number }> {
  const parts = (r as { contentParts?: Array<{ start: number; end: number }> }).contentParts;
  if (parts && parts.length) return parts;
  return r.content ? [r.content] : [];
}

const THING_PRONOUNS = new Set(['it', 'this', 'that', 'these', 'those', 'which', 'what']);

/** The source phrase contains a name (a capitalised proper noun), not only common nouns or pronouns. */
function namesSomeone(doc: SlantDocument, span: { start: number; end: number }): boolean {
  return doc.tokensIn(span.start, span.end).some((t) => t.pos === 'PROPN' && startsUpper(t.value));
}

/** The source phrase is a lone "it", "this" or "which": a thing, not someone who can be a source. */
function isThingPronoun(doc: SlantDocument, span: { start: number; end: number }): boolean {
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
function isAnonymityIdiom(doc: SlantDocument, first: number, last: number): boolean {
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
const AGENTLESS_RELATION = 'agentless-relation';
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

/** Shared empty list for sentences with no cue or relation (never written to). */
const NONE: never[] = [];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Keeps the longest of overlapping cues (input sorted by start, longer first). */
function dropOverlapping<T extends { start: number; end: number }>(cues: T[]): T[] {
  const out: T[] = [];
  for (const c of cues) {
    const prev = out[out.length - 1];
    if (prev && overlaps(prev, c)) {
      if (c.end - c.start > prev.end - prev.start) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

export const unattributedAssertions = defineAnalyzer<UnattributedMessageId, UnattributedAssertionsOptions>({
  meta: {
    id: 'unattributed-assertions',
    description:
      "Claims made in the writer's own voice with no named source: vague attribution (\"critics say\"), agentless attribution (\"reportedly\", \"is expected to\"), unsupported certainty (\"cannot be overstated\") and unsourced evaluative or predictive sentences. Every writer's-voice sentence gets a status: attributed, factual report, or unattributed assertion.",
    category: 'unattributed-assertion',
    messages: {
      'vague-attribution': 'Vague source: "{{text}}" names no one who can be checked',
      'agentless-attribution': 'No source named: "{{text}}" does not say who reported, holds or asked this',
      'unsupported-certainty': 'Certainty asserted, not shown: "{{text}}"',
      'unsourced-claim': "Evaluative or predictive claim in the writer's voice with no source ({{cues}})",
    },
    options: OptionsSchema as z.ZodType<UnattributedAssertionsOptions>,
    lexicons: [LEXICON],
    defaults: { severity: 'warning', weight: 1 },
    docs: 'https://github.com/slant/slant#unattributed-assertions',
  },

  analyze({ doc, options, lexicon, report, setSentenceStatus }): AnalyzerOutput {
    const lex = lexicon(LEXICON);
    const attribution = doc.attribution;
    const sourceById = new Map<string, SourceEntity>(attribution.sources.map((s) => [s.id, s]));

    const n = doc.sentences.length;

    // --- lexicon cues --------------------------------------------------------------------------------------------
    // per sentence; most sentences have no cue, so lists are created on first use (NONE stands for an empty one)
    const direct: Array<Cue[] | undefined> = new Array(n);
    const claimCues: Array<Cue[] | undefined> = new Array(n);
    for (const m of lex.matcher.match(doc)) {
      const cat = m.entry.category;
      if (!DIRECT_KINDS.has(cat) && !CLAIM_CUES.has(cat)) continue;
      if (inQuotedVoice(doc, m.first, m.last)) continue;
      if (PASSIVE_ENTRIES.has(m.entry.id) && !isParticipleMatch(doc, m)) continue;
      if (m.entry.id === 'asked' && !isAgentlessAsked(doc, m.first)) continue;
      if (m.entry.id === 'vague-group-says' && (!isClauseWithReportVerb(doc, m) || hasNamedModifier(doc, m.first))) continue;
      if (m.entry.id === 'agentless-noun' && hasHolder(doc, m)) continue;
      if (cat === 'agentless-attribution' && isAnonymityIdiom(doc, m.first, m.last)) continue;
      let end = m.end;
      let last = m.last;
      if (m.entry.id === 'seems-adj') {
        const adjective = appearanceAdjective(doc, m.last);
        if (adjective < 0) continue;
        last = adjective;
        end = doc.tokens[adjective].end;
      }
      const s = doc.tokens[m.first].sentence;
      // "has been asked", "was questioned": a passive question is a question, not a claim.
      const entry = m.entry.id === 'agentless-passive' && QUESTION_VERBS.has(doc.tokens[last].lemma) ? 'asked' : m.entry.id;
      const cue: Cue = {
        kind: DIRECT_KINDS.has(cat) ? cat : 'unsourced-claim',
        start: m.start,
        end,
        first: m.first,
        last,
        weight: m.entry.weight,
        entry,
        term: m.term,
        explanation: m.entry.explanation,
        alternatives: m.entry.alternatives,
      };
      const lists = DIRECT_KINDS.has(cat) ? direct : claimCues;
      (lists[s] ??= []).push(cue);
    }
    // Agentless relations of the attribution layer that no lexicon entry covers ("polls show", "a sign saying",
    // "47 percent said"): a cue with no source, unless the source is only out of the layer's reach.
    for (const r of attribution.relations) {
      if (r.kind !== 'agentless' || r.sentence < 0 || r.sentence >= n) continue;
      const ts = doc.tokensIn(r.cue.start, r.cue.end);
      if (!ts.length) continue;
      const first = ts[0].index;
      const last = ts[ts.length - 1].index;
      if (inQuotedVoice(doc, first, last) || sourceOutOfReach(doc, first, last, r.source !== undefined)) continue;
      if (isAnonymityIdiom(doc, first, last)) continue;
      // a lexicon cue on the same words says more: "is expected to", or the writer's own "The move signals…"
      const list = direct[r.sentence];
      if (list && list.some((c) => overlaps(c, r.cue))) continue;
      const claims = claimCues[r.sentence];
      if (claims && claims.some((c) => overlaps(c, r.cue))) continue;
      (direct[r.sentence] ??= []).push({
        kind: 'agentless-attribution',
        start: r.cue.start,
        end: r.cue.end,
        first,
        last,
        weight: 0.5,
        entry: AGENTLESS_RELATION,
        explanation: 'The words report, show or hold something, but the text does not say who.',
        rule: true,
      });
    }
    // --- attribution per sentence -------------------------------------------------------------------------------
    const named: Array<AttributionRelation[] | undefined> = new Array(n);
    const isNamed = new Set<number>();
    for (const r of attribution.relations) {
      if (r.sentence < 0 || r.sentence >= n) continue;
      const source = r.sourceId ? sourceById.get(r.sourceId) : undefined;
      // Vague and agentless relations are not a source; this analyzer reports them from its own lexicon.
      if (r.kind === 'agentless' || r.kind === 'vague' || !r.source) continue;
      if (source && !NAMED_SOURCES.has(source.type)) continue;
      // "The agreement underscores…", "These achievements demonstrate…": an interpretive verb whose subject is not a
      // person or a named body is the writer's interpretation, not a source speaking.
      const cueIsOwn = (direct[r.sentence] ?? NONE).some((c) => overlaps(c, r.cue)) || (claimCues[r.sentence] ?? NONE).some((c) => overlaps(c, r.cue));
      if (cueIsOwn && !namesSomeone(doc, r.source)) continue;
      if (isThingPronoun(doc, r.source)) continue;
      (named[r.sentence] ??= []).push(r);
      isNamed.add(r.index);
    }
    // A content that runs into later sentences ("…,” she said. “…") attributes them too.
    const sentenceContent = (attribution as { sentenceContent?: number[][] }).sentenceContent;
    if (sentenceContent) {
      for (let s = 0; s < n; s++) {
        for (const i of sentenceContent[s] ?? []) {
          const r = attribution.relations[i];
          if (r && isNamed.has(i) && r.sentence !== s && !(named[s] ?? NONE).includes(r)) (named[s] ??= []).push(r);
        }
      }
    }

    // --- sentence decisions -------------------------------------------------------------------------------------
    const status: Array<AssertionStatus | 'quoted' | undefined> = new Array(n);
    const counts = { 'vague-attribution': 0, 'agentless-attribution': 0, 'unsupported-certainty': 0, 'unsourced-claim': 0 };
    let attributed = 0;
    let factual = 0;
    let unattributed = 0;
    let claimSentences = 0;

    for (let s = 0; s < n; s++) {
      const sentence = doc.sentences[s];
      if (sentence.wordCount === 0) continue;
      if (sentence.writerWordCount === 0) {
        status[s] = 'quoted';
        setSentenceStatus(s, 'attributed', ['quotation: the words are the quoted speaker\'s']);
        continue;
      }
      claimSentences++;
      const own = named[s] ?? NONE;
      const carried =
        !own.length && options.carryAttribution && s > 0 && continuesReportedSpeech(doc, s, named[s - 1] ?? NONE, status[s - 1]);
      const contents = own.length ? own.flatMap(contentSpans) : NONE;
      const wholeSentenceAttributed = carried || own.some((r) => !contentSpans(r).length);
      const insideContent = (c: Cue): boolean => contents.some((x) => c.start >= x.start && c.end <= x.end);

      // Kinds 1–3: a cue inside a named source's content is that source's claim.
      const directCues = direct[s];
      const reported = !directCues ? NONE : dropOverlapping(
        directCues
          .filter((c) => !insideContent(c) && !(wholeSentenceAttributed && c.kind === 'unsupported-certainty'))
          .sort((a, b) => a.start - b.start || b.end - a.end),
      );
      // Kind 4: evaluative/predictive cues outside what a named source is reported to have said ("In a move that
      // underscores…, Russia confirmed that…": the framing clause is the writer's).
      let claim: { cues: Cue[]; score: number } | undefined;
      if (options.reportClaims && !wholeSentenceAttributed) {
        const stance = stanceFeatures(doc, s);
        const lexical = claimCues[s];
        if (stance.length || lexical) {
          const attributionSpans = own.length ? own.flatMap((r) => (r.source ? [r.cue, r.source] : [r.cue])) : NONE;
          const cues = dropOverlapping(
            (lexical ? [...lexical, ...stance] : stance)
              .filter((c) => !reported.some((r) => overlaps(r, c)) && !insideContent(c) && !attributionSpans.some((a) => overlaps(a, c)))
              .sort((a, b) => a.start - b.start || b.end - a.end),
          );
          const score = claimScore(cues);
          if (score >= options.claimThreshold && cues.length) claim = { cues, score };
        }
      }

      const reasons: string[] = [];
      for (const c of reported) {
        counts[c.kind as keyof typeof counts]++;
        const text = doc.text.slice(c.start, c.end);
        const claimBearing = !NON_CLAIM_ENTRIES.has(c.entry ?? '');
        if (claimBearing) reasons.push(`${KIND_LABEL[c.kind]}: "${text}"`);
        report({
          severity: claimBearing ? undefined : 'info',
          messageId: c.kind as UnattributedMessageId,
          span: { start: c.start, end: c.end },
          data: { text },
          category: c.kind,
          voice: 'writer',
          explanation: c.explanation,
          evidence: c.rule
            ? { rule: `attribution/${c.entry}`, weight: c.weight }
            : { lexicon: lex.id, entry: c.entry, term: c.term, weight: c.weight, source: c.entry ? lex.entry(c.entry)?.source : undefined },
          suggestions: c.alternatives ?? [],
        });
      }
      if (claim) {
        const trigger = claim.cues.reduce((a, b) => (b.weight > a.weight ? b : a));
        const cueList = claim.cues.map((c) => (c.rule ? STANCE_LABEL[c.entry!] : `"${doc.text.slice(c.start, c.end)}"`)).join(', ');
        counts['unsourced-claim']++;
        reasons.push(`${KIND_LABEL['unsourced-claim']}: ${cueList}`);
        report({
          messageId: 'unsourced-claim',
          span: { start: trigger.start, end: trigger.end },
          data: { cues: cueList, text: doc.text.slice(trigger.start, trigger.end) },
          category: 'unsourced-claim',
          voice: 'writer',
          explanation:
            "The sentence evaluates, interprets or predicts in the writer's own voice, and neither it nor the sentence before it names a source for the judgement.",
          evidence: trigger.rule
            ? { rule: `claim-classifier/${trigger.entry}`, weight: round(claim.score, 2) }
            : { lexicon: lex.id, entry: trigger.entry, term: trigger.term, weight: round(claim.score, 2), rule: 'claim-classifier' },
          suggestions: ['attribute the judgement to a named source, or show the facts it rests on'],
        });
      }

      if (reasons.length) {
        status[s] = 'unattributed-assertion';
        unattributed++;
        setSentenceStatus(s, 'unattributed-assertion', reasons);
      } else if (own.length || carried) {
        status[s] = 'attributed';
        attributed++;
        setSentenceStatus(
          s,
          'attributed',
          own.length
            ? own.map((r) => `${r.kind}: "${r.source?.text ?? ''}" ${r.cue.text}`.replace(/\s+/g, ' ').trim())
            : ['continues the reported speech of the previous sentence'],
        );
      } else {
        status[s] = 'factual-report';
        factual++;
        setSentenceStatus(s, 'factual-report', []);
      }
    }

    if (!claimSentences) {
      return { score: null, basis: "No sentence in the writer's voice.", metrics: { sentences: n, claimSentences: 0 } };
    }
    const parts = Object.entries(counts)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${v} ${KIND_LABEL[k]}`);
    return {
      score: unattributed / claimSentences,
      basis:
        `${unattributed} of ${claimSentences} sentences in the writer's voice ${unattributed === 1 ? 'makes' : 'make'} a claim with no named source` +
        ` (${attributed} attributed, ${factual} factual report${factual === 1 ? '' : 's'})` +
        (parts.length ? `; findings: ${parts.join(', ')}` : ''),
      metrics: {
        claimSentences,
        unattributed,
        attributed,
        factualReports: factual,
        vagueAttribution: counts['vague-attribution'],
        agentlessAttribution: counts['agentless-attribution'],
        unsupportedCertainty: counts['unsupported-certainty'],
        unsourcedClaims: counts['unsourced-claim'],
      },
    };
  },
});

/**
 * A sentence with no attribution of its own continues the previous sentence's reported speech when that sentence
 * reported someone's words indirectly ("The minister said the plan would cut costs."), both are in one paragraph,
 * and this one keeps the backshifted modal of indirect speech ("It would also create jobs."). A sentence that only
 * follows an attributed one ("This marks a turning point.") is not carried: it is the writer speaking again.
 */
function continuesReportedSpeech(doc: SlantDocument, s: number, previous: AttributionRelation[], previousStatus: string | undefined): boolean {
  if (previousStatus !== 'attributed' || !previous.some((r) => r.kind === 'indirect' || r.kind === 'according-to')) return false;
  const cur = doc.sentences[s];
  if (doc.sentences[s - 1].paragraph !== cur.paragraph) return false;
  for (let k = cur.tokenStart; k < cur.tokenEnd; k++) {
    const t = doc.tokens[k];
    if (t.voice !== 'writer') continue;
    if (t.normal === 'will') return false;
    if (BACKSHIFT.has(t.normal)) return true;
  }
  return false;
}

/**
 * Stance features of a writer's-voice sentence that no lexicon entry covers: the writer speaking as "I"/"we",
 * addressing the reader, asking or exclaiming. Each is returned as a cue on the token that shows it.
 */
function stanceFeatures(doc: SlantDocument, s: number): Cue[] {
  const sentence = doc.sentences[s];
  let out: Cue[] = NONE; // at most one cue per rule
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const t = doc.tokens[k];
    if (t.voice !== 'writer') continue;
    let rule = PERSON_RULE.get(t.normal);
    if (rule === 'first-person' && t.normal === 'us' && t.value === 'US') rule = undefined;
    else if (rule === undefined && (t.value === '?' || t.value === '!') && !QUOTE_MARK.test(doc.text.charAt(t.end))) rule = t.value === '?' ? 'question' : 'exclamation';
    if (!rule || out.some((c) => c.entry === rule)) continue;
    if (out === NONE) out = [];
    out.push({ kind: 'unsourced-claim', start: t.start, end: t.end, first: k, last: k, weight: STANCE_WEIGHT[rule], entry: rule, rule: true });
  }
  return out;
}

/** Person words of stance features, one lookup per token: the writer as "I"/"we", or the reader as "you". */
const PERSON_RULE = new Map<string, string>([
  ...[...FIRST_PERSON].map((w): [string, string] => [w, 'first-person']),
  ...[...SECOND_PERSON].map((w): [string, string] => [w, 'reader-address']),
]);

/** A quotation mark right after "!" or "?" closes a title or a quotation the quotation finder did not take. */
const QUOTE_MARK = /["'”’»]/u;

const STANCE_WEIGHT: Record<string, number> = { 'first-person': 0.9, 'reader-address': 0.9, question: 0.9, exclamation: 0.9 };
const STANCE_LABEL: Record<string, string> = {
  'first-person': "first person in the writer's voice",
  'reader-address': 'addresses the reader',
  question: "question in the writer's voice",
  exclamation: 'exclamation',
};

/** Evidence that a writer's-voice sentence evaluates or predicts: the sum of its cue weights (an entry counts once). */
function claimScore(cues: Cue[]): number {
  let score = 0;
  const seen = new Set<string>();
  for (const c of cues) {
    const key = c.entry ?? c.kind;
    score += seen.has(key) ? c.weight * 0.25 : c.weight;
    seen.add(key);
  }
  return score;
}
