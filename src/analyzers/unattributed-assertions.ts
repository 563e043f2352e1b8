import { z } from 'zod';
import { type AnalyzerOutput, defineAnalyzer } from '../analyzer';
import type { AttributionRelation, SourceEntity } from '../attribution/types';
import {
  AGENTLESS_RELATION,
  appearanceAdjective,
  contentSpans,
  hasHolder,
  hasNameAfter,
  hasNamedModifier,
  isAgentlessAsked,
  isAnonymityIdiom,
  isClauseWithReportVerb,
  isNamedOutlet,
  isParticipleMatch,
  isThingPronoun,
  namesSomeone,
  QUESTION_VERBS,
} from '../claims/context';
import {
  AGENTLESS_PASSIVE,
  attributionVerbPassives,
  reportsAgentlessRelation,
  VAGUE_RELATION,
  vagueRelationSpan,
} from '../claims/agentless';
import { BACKSHIFT, claimScore, type Cue, NONE, STANCE_LABEL, stanceFeatures } from '../claims/score';
import type { SlantDocument } from '../document';
import { builtinSubjectivityModel, builtinVectors } from '../models/builtin';
import { compileSubjectivityModel, type LoadedMatch, rateSentences, type RuleStatus } from '../models/subjectivity';
import { compileVectors } from '../models/vectors';
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
 * unless the source is only out of the layer's reach (src/claims/agentless.ts), and so are passives of reporting and
 * judging verbs with no agent, and relations whose source phrase names no one ("some voters said", "a harbour pilot
 * said": `info` severity too). Whether a sentence is attributed comes from the shared attribution layer (`doc.attribution`). Words
 * inside a quotation belong to the quoted speaker and are never reported; a cue inside the content of an attribution
 * with a named source is that source's claim, not the writer's.
 */

export { sourceOutOfReach } from '../claims/context';

const LEXICON = 'en/unattributed-assertions';
/** The loaded-language lexicon: its matches are features of the subjectivity classifier. */
const LOADED_LEXICON = 'en/loaded-language';

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
  /**
   * Rate each sentence with the subjectivity classifier (models/subjectivity-en.json): a writer's-voice sentence with
   * no named source whose subjectivity reaches the model's threshold is an unattributed assertion.
   */
  subjectivity: z.boolean().default(true),
});

export type UnattributedAssertionsOptions = z.output<typeof OptionsSchema>;

/** Lexicon categories that are findings in their own right (kinds 1–3). */
const DIRECT_KINDS = new Set(['vague-attribution', 'agentless-attribution', 'unsupported-certainty']);

/** Lexicon categories that feed the sentence classifier (kind 4). */
const CLAIM_CUES = new Set(['evaluative', 'predictive']);

/** Entries whose match must contain a past participle, not a progressive ("is expected", not "is expecting"). */
const PASSIVE_ENTRIES = new Set(['it-is-said', 'passive-belief', 'agentless-passive']);

const NAMED_SOURCES = new Set(['named-person', 'named-organization', 'document', 'anonymous']);

/**
 * Entries that report a missing source without carrying a claim ("Asked whether…", "it is unclear whether"), and
 * agentless relations of the attribution layer ("polls show", "a sign saying": what is reported is someone's, only
 * unnamed): they are reported at `info` severity and do not make the sentence an unattributed assertion.
 */
const NON_CLAIM_ENTRIES = new Set(['asked', 'agentless-question', 'unclear', 'agentless-relation', AGENTLESS_PASSIVE, VAGUE_RELATION]);

const KIND_LABEL: Record<string, string> = {
  'vague-attribution': 'vague attribution',
  'agentless-attribution': 'agentless attribution',
  'unsupported-certainty': 'unsupported certainty',
  'unsourced-claim': 'unsourced evaluative or predictive claim',
};

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
      'Claims made in the writer\'s own voice with no named source: vague attribution ("critics say"), agentless attribution ("reportedly", "is expected to"), unsupported certainty ("cannot be overstated") and unsourced evaluative or predictive sentences. Every writer\'s-voice sentence gets a status: attributed, factual report, or unattributed assertion.',
    category: 'unattributed-assertion',
    messages: {
      'vague-attribution': 'Vague source: "{{text}}" names no one who can be checked',
      'agentless-attribution': 'No source named: "{{text}}" does not say who reported, holds or asked this',
      'unsupported-certainty': 'Certainty asserted, not shown: "{{text}}"',
      'unsourced-claim': "Evaluative or predictive claim in the writer's voice with no source ({{cues}})",
    },
    options: OptionsSchema as z.ZodType<UnattributedAssertionsOptions>,
    lexicons: [LEXICON, LOADED_LEXICON],
    defaults: { severity: 'warning', weight: 1 },
    docs: 'docs/analyzers/unattributed-assertions.md',
  },

  analyze({ doc, options, lexicon, report, setSentenceStatus }): AnalyzerOutput {
    const lex = lexicon(LEXICON);
    const attribution = doc.attribution;
    const sourceById = new Map<string, SourceEntity>(attribution.sources.map((s) => [s.id, s]));

    const n = doc.sentences.length;
    const subjectivity = options.subjectivity ? subjectivityRater(doc, lexicon(LOADED_LEXICON).matcher.match(doc)) : undefined;

    // --- lexicon cues --------------------------------------------------------------------------------------------
    // per sentence; most sentences have no cue, so lists are created on first use (NONE stands for an empty one)
    const direct: Array<Cue[] | undefined> = new Array(n);
    const claimCues: Array<Cue[] | undefined> = new Array(n);
    for (const m of lex.matcher.match(doc)) {
      const cat = m.entry.category;
      if (!DIRECT_KINDS.has(cat) && !CLAIM_CUES.has(cat)) continue;
      if (doc.isQuoted(m.first, m.last)) continue;
      if (PASSIVE_ENTRIES.has(m.entry.id) && !isParticipleMatch(doc, m)) continue;
      if (m.entry.id === 'asked' && !isAgentlessAsked(doc, m.first)) continue;
      if (m.entry.id === 'vague-group-says' && (!isClauseWithReportVerb(doc, m) || hasNamedModifier(doc, m.first))) continue;
      if (m.entry.id === 'according-to-vague' && hasNameAfter(doc, m.last)) continue;
      if (m.entry.id === 'reports-say' && isNamedOutlet(doc, m.first)) continue;
      if (m.entry.id === 'agentless-noun' && hasHolder(doc, m.first, m.last)) continue;
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
    // Passives of attribution verbs with no agent that no lexicon entry covers ("He was lambasted as out of touch").
    for (const [first, last] of attributionVerbPassives(doc)) {
      if (isAnonymityIdiom(doc, first, last)) continue;
      const span = { start: doc.tokens[first].start, end: doc.tokens[last].end };
      const s = doc.tokens[first].sentence;
      if ((direct[s] ?? NONE).some((c) => overlaps(c, span)) || (claimCues[s] ?? NONE).some((c) => overlaps(c, span))) continue;
      (direct[s] ??= []).push({
        kind: 'agentless-attribution',
        ...span,
        first,
        last,
        weight: 0.5,
        entry: AGENTLESS_PASSIVE,
        explanation: 'A passive of a reporting or judging verb with no agent: the text does not say who.',
        rule: true,
      });
    }
    // Agentless relations of the attribution layer that no lexicon entry covers ("polls show", "a sign saying",
    // "47 percent said"): a cue with no source, unless the source is only out of the layer's reach.
    for (const r of attribution.relations) {
      if (r.kind !== 'agentless' || r.sentence < 0 || r.sentence >= n) continue;
      const ts = doc.tokensIn(r.cue.start, r.cue.end);
      if (!ts.length) continue;
      const first = ts[0].index;
      const last = ts[ts.length - 1].index;
      if (doc.isQuoted(first, last) || isAnonymityIdiom(doc, first, last)) continue;
      // a passive's subject is what is reported on, not who reports ("Clinton was booed"); a clause's subject is its
      // source, out of the layer's reach unless it names no one ("polls show"): src/claims/agentless.ts
      if (!reportsAgentlessRelation(doc, r, first, last)) continue;
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
    // Relations of the attribution layer whose source names no one, that no lexicon entry covers: a vague collective
    // ("some voters said", "others believe") or an unnamed person, indefinite or bare ("a harbour pilot said"); the
    // latter still attributes its sentence (src/claims/agentless.ts).
    for (const r of attribution.relations) {
      if (r.sentence < 0 || r.sentence >= n) continue;
      const span = vagueRelationSpan(doc, r, r.sourceId ? sourceById.get(r.sourceId)?.type : undefined);
      if (!span) continue;
      const { first, last } = span;
      const list = direct[r.sentence];
      if (list && list.some((c) => overlaps(c, span) || overlaps(c, r.cue))) continue;
      (direct[r.sentence] ??= []).push({
        kind: 'vague-attribution',
        start: span.start,
        end: span.end,
        first,
        last,
        weight: 0.5,
        entry: VAGUE_RELATION,
        explanation: 'The source is a group or an unnamed person: no one the reader can check is named.',
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
      const cueIsOwn =
        (direct[r.sentence] ?? NONE).some((c) => overlaps(c, r.cue)) || (claimCues[r.sentence] ?? NONE).some((c) => overlaps(c, r.cue));
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
    let subjective = 0;

    for (let s = 0; s < n; s++) {
      const sentence = doc.sentences[s];
      if (sentence.wordCount === 0) continue;
      if (sentence.writerWordCount === 0) {
        status[s] = 'quoted';
        const extra = subjectivity ? { subjectivity: round(subjectivity.rate(s, 'quoted', NONE_KINDS), 3) } : undefined;
        setSentenceStatus(s, 'attributed', ["quotation: the words are the quoted speaker's"], extra);
        continue;
      }
      claimSentences++;
      const own = named[s] ?? NONE;
      const carried =
        !own.length && options.carryAttribution && s > 0 && continuesReportedSpeech(doc, s, named[s - 1] ?? NONE, status[s - 1]);
      const contents = own.length ? own.flatMap(contentSpans) : NONE;
      const wholeSentenceAttributed = carried || own.some((r) => !contentSpans(r).length);
      const insideContent = (c: Cue): boolean => contents.some((x) => c.start >= x.start && c.end <= x.end);

      // Kinds 1–3: a cue inside a named source's content is that source's claim, except the question put to the
      // source ("Asked about the delays, Okafor said…": the layer's content may run over it, but the writer asks).
      const ownClaim = (c: Cue): boolean => insideContent(c) && c.entry !== 'asked';
      const directCues = direct[s];
      const reported = !directCues
        ? NONE
        : dropOverlapping(
            directCues
              .filter((c) => !ownClaim(c) && !(wholeSentenceAttributed && c.kind === 'unsupported-certainty'))
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
      const kinds = claim ? [...reported.map((c) => c.kind), 'unsourced-claim'] : reported.map((c) => c.kind);
      const ruleStatus: RuleStatus =
        reported.some((c) => !NON_CLAIM_ENTRIES.has(c.entry ?? '')) || claim
          ? 'unattributed-assertion'
          : own.length || carried
            ? 'attributed'
            : 'factual-report';
      const p = subjectivity?.rate(s, ruleStatus, kinds);
      const extra = p === undefined ? undefined : { subjectivity: round(p, 3) };
      if (p !== undefined && p >= subjectivity!.threshold) subjective++;
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

      // A sentence with no named source that the classifier rates subjective is an unattributed assertion too.
      if (ruleStatus === 'factual-report' && p !== undefined && p >= subjectivity!.threshold)
        reasons.push(`subjective sentence with no named source (subjectivity ${round(p, 2)})`);
      if (reasons.length) {
        status[s] = 'unattributed-assertion';
        unattributed++;
        setSentenceStatus(s, 'unattributed-assertion', reasons, extra);
      } else if (own.length || carried) {
        status[s] = 'attributed';
        attributed++;
        setSentenceStatus(
          s,
          'attributed',
          own.length
            ? own.map((r) => `${r.kind}: "${r.source?.text ?? ''}" ${r.cue.text}`.replace(/\s+/g, ' ').trim())
            : ['continues the reported speech of the previous sentence'],
          extra,
        );
      } else {
        status[s] = 'factual-report';
        factual++;
        setSentenceStatus(s, 'factual-report', [], extra);
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
        ...(subjectivity ? { subjectiveSentences: subjective, subjectiveShare: round(subjective / claimSentences, 3) } : {}),
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
function continuesReportedSpeech(
  doc: SlantDocument,
  s: number,
  previous: AttributionRelation[],
  previousStatus: string | undefined,
): boolean {
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

const NONE_KINDS: readonly string[] = [];

/**
 * The subjectivity classifier over a document (models/subjectivity-en.json, src/models/subjectivity.ts): rates a
 * sentence from its loaded-language lexicon matches, this analyzer's rule decision on it and its words.
 */
function subjectivityRater(doc: SlantDocument, matches: ReadonlyArray<{ first: number; last: number; entry: { weight: number } }>) {
  const vectors = compileVectors(builtinVectors, 'models/vectors-en.json');
  const compiled = compileSubjectivityModel(builtinSubjectivityModel, vectors);
  const bySentence: LoadedMatch[][] = doc.sentences.map(() => []);
  for (const m of matches) bySentence[doc.tokens[m.first].sentence]?.push({ first: m.first, last: m.last, weight: m.entry.weight });
  return {
    threshold: compiled.model.thresholds.opinion,
    rate: (s: number, ruleStatus: RuleStatus, kinds: readonly string[]): number =>
      rateSentences(compiled, doc, s, s + 1, bySentence[s], { statuses: new Set([ruleStatus]), kinds }),
  };
}
