import { z } from 'zod';
import { defineAnalyzer } from '../analyzer';
import type { CueClass } from '../attribution/lexicon';
import type { AttributionRelation, SourceType } from '../attribution/types';
import type { SlantDocument } from '../document';
import type { CompiledLexicon } from '../lexicon/load';
import type { LexiconEntry } from '../lexicon/schema';
import { round } from '../round';

/**
 * Sourcing: how densely, and by whom, the article's statements are attributed. Reads the shared attribution layer
 * (`doc.attribution`): attribution relations (cue, source, content) and their merged, typed sources.
 *
 * Score (0–1, high when sourcing is thin), a weighted mean of three shortfalls:
 * - coverage (weight 0.5): share of writer-voice sentences that carry an attribution to an identified source (a named
 *   person or organization, a document, or an unnamed but specific source), against the share in typical news
 *   reporting (REFERENCE_COVERAGE, measured on PolNeAR articles with this detector): 1 − min(1, share / reference);
 * - weak attribution (0.25): share of attributions that are vague ("analysts say"), agentless ("reportedly", "is
 *   expected to") or anonymous (1 when there is no attribution at all);
 * - named sources (0.25): 1 − min(1, named sources / expected), expecting one named person or organization per 300
 *   words (at least 1, at most 3).
 * Only attributions of speech, belief, stance or evidence count towards coverage and named sources (not a noun such
 * as "India's decision", nor the measured "other" verbs). A score of 0.4 or more is described as "thinly sourced"
 * (the least-sourced 15% of PolNeAR political news articles), 0.2–0.4 as "partly sourced", below 0.2 as
 * "well sourced" (64% of PolNeAR articles; the median scores 0.12).
 *
 * Findings: reporting verbs that frame the credibility or manner of a statement (claimed, admitted, insisted,
 * conceded, alleged, boasted …) where the writer uses them as the cue of an attribution.
 */

const LEXICON = 'en/reporting-verbs';

/**
 * Share of writer-voice sentences attributed to an identified source in typical news: the median over PolNeAR
 * original-train articles when it was set (0.41 with the current attribution layer; all 601 dev articles 0.42).
 */
export const REFERENCE_COVERAGE = 0.42;
const WEIGHTS = { coverage: 0.5, weak: 0.25, named: 0.25 };
const WORDS_PER_NAMED_SOURCE = 300;

const IDENTIFIED: ReadonlySet<SourceType> = new Set(['named-person', 'named-organization', 'document', 'anonymous']);
const SOURCING_CLASSES: ReadonlySet<CueClass> = new Set(['speech', 'credibility', 'belief', 'stance', 'evidence', 'appearance', 'adverb']);
const THIN = 0.4;
const PARTLY = 0.2;

const OptionsSchema = z.strictObject({
  /** Lowest lexicon weight of a reporting verb that is reported (0–1). */
  minWeight: z.number().min(0).max(1).default(0.4),
});

export type SourcingOptions = z.output<typeof OptionsSchema>;

export type SourcingMessageId = 'credibility-verb';

/** Whether an attribution reports speech or thought: its content is a quotation or holds a verb ("admitted that the
 * figures were wrong", not "admitted three new members"). */
function reportsSpeechOrThought(doc: SlantDocument, r: AttributionRelation): boolean {
  if (r.quotation !== undefined) return true;
  for (const part of r.contentParts) {
    for (let k = doc.tokenIndexAt(part.start); k < doc.tokens.length && doc.tokens[k].start < part.end; k++) {
      const t = doc.tokens[k];
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.voice === 'quoted') return true;
    }
  }
  return false;
}

/** One-word terms of a lexicon by lower-cased term, built once per compiled lexicon. */
const singleWordTermsCache = new WeakMap<CompiledLexicon, Map<string, LexiconEntry>>();
function singleWordTerms(lex: CompiledLexicon): Map<string, LexiconEntry> {
  let byTerm = singleWordTermsCache.get(lex);
  if (!byTerm) {
    byTerm = new Map();
    for (const e of lex.lexicon.entries) for (const t of e.terms) if (!/\s/u.test(t)) byTerm.set(t.toLowerCase(), e);
    singleWordTermsCache.set(lex, byTerm);
  }
  return byTerm;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const sourcing = defineAnalyzer<SourcingMessageId, SourcingOptions>({
  meta: {
    id: 'sourcing',
    description:
      "How densely and by whom statements are attributed: attributions per 100 words, sentences carrying an attribution, named, anonymous and vague sources, quoted words; reporting verbs that frame a statement's credibility.",
    category: 'sourcing',
    messages: {
      'credibility-verb': 'Reporting verb "{{verb}}" characterises the statement rather than only reporting it',
    },
    options: OptionsSchema,
    lexicons: [LEXICON],
    defaults: { severity: 'info', weight: 1 },
    docs: 'docs/analyzers/sourcing.md',
  },
  analyze({ doc, options, lexicon, report }) {
    const { relations, sources } = doc.attribution;
    const typeOf = new Map(sources.map((s) => [s.id, s.type]));
    const words = doc.wordCount;

    // findings: framing reporting verbs that are the cue of an attribution of speech or thought, in the writer's voice
    const lex = lexicon(LEXICON);
    const reported = new Map<number, number>(); // cue token index -> relation index
    for (const r of relations) {
      if (!reportsSpeechOrThought(doc, r)) continue;
      for (let k = doc.tokenIndexAt(r.cue.start); k < doc.tokens.length && doc.tokens[k].start < r.cue.end; k++) reported.set(k, r.index);
    }
    const byTerm = singleWordTerms(lex);
    const found: Array<{ start: number; end: number; entry: LexiconEntry; term: string; relation: number }> = [];
    const taken = new Set<number>();
    for (const m of lex.matcher.match(doc)) {
      let relation: number | undefined;
      for (let k = m.first; k <= m.last && relation === undefined; k++) relation = reported.get(k);
      if (relation === undefined || taken.has(relation)) continue;
      taken.add(relation);
      found.push({ start: m.start, end: m.end, entry: m.entry, term: m.term, relation });
    }
    // the tagger sometimes reads a participle as an adjective ("alleged"): fall back on the cue's verb lemma
    for (const r of relations) {
      if (taken.has(r.index)) continue;
      const entry = byTerm.get(r.cueLemma);
      if (!entry) continue;
      if (reported.get(doc.tokenIndexAt(r.cueHead.start)) !== r.index) continue;
      taken.add(r.index);
      found.push({ start: r.cueHead.start, end: r.cueHead.end, entry, term: r.cueLemma, relation: r.index });
    }
    let credibilityVerbs = 0;
    for (const f of found) {
      if (f.entry.weight < options.minWeight) continue;
      if (doc.tokens[doc.tokenIndexAt(f.start)].voice !== 'writer') continue;
      credibilityVerbs++;
      report({
        messageId: 'credibility-verb',
        span: { start: f.start, end: f.end },
        data: { verb: doc.text.slice(f.start, f.end) },
        explanation: f.entry.explanation,
        evidence: {
          lexicon: LEXICON,
          entry: f.entry.id,
          term: f.term,
          weight: f.entry.weight,
          source: f.entry.source,
          attribution: f.relation,
        },
        suggestions: f.entry.alternatives ?? [],
        voice: 'writer',
      });
    }

    // metrics
    const attributed = new Set<number>();
    const sourcingIds = new Set<string>();
    for (const r of relations) {
      if (!SOURCING_CLASSES.has(r.cueClass)) continue;
      if (r.sourceId !== undefined) sourcingIds.add(r.sourceId);
      const type = r.sourceId !== undefined ? typeOf.get(r.sourceId) : undefined;
      if (type && IDENTIFIED.has(type)) attributed.add(r.sentence);
    }
    let writerSentences = 0;
    let attributedSentences = 0;
    for (const s of doc.sentences) {
      if (s.writerWordCount === 0) continue;
      writerSentences++;
      if (attributed.has(s.index)) attributedSentences++;
    }
    const count = (t: SourceType): number => sources.filter((s) => s.type === t && sourcingIds.has(s.id)).length;
    const namedPersons = count('named-person');
    const namedOrganizations = count('named-organization');
    const namedSources = namedPersons + namedOrganizations;
    let vague = 0;
    let agentless = 0;
    let anonymous = 0;
    for (const r of relations) {
      const type = r.sourceId !== undefined ? typeOf.get(r.sourceId) : undefined;
      if (r.kind === 'agentless' || !type) agentless++;
      else if (type === 'vague-collective') vague++;
      else if (type === 'anonymous') anonymous++;
    }
    let quotedWords = 0;
    for (const t of doc.tokens) if (t.isWord && t.voice === 'quoted') quotedWords++;

    const n = relations.length;
    const metrics: Record<string, number> = {
      attributions: n,
      attributionsPer100Words: words ? round((n * 100) / words) : 0,
      writerSentences,
      attributedSentences,
      attributedSentenceShare: writerSentences ? round(attributedSentences / writerSentences) : 0,
      namedSources,
      namedPersons,
      namedOrganizations,
      documentSources: count('document'),
      anonymousSources: count('anonymous'),
      vagueSources: count('vague-collective'),
      anonymousShare: n ? round(anonymous / n) : 0,
      vagueShare: n ? round(vague / n) : 0,
      agentlessShare: n ? round(agentless / n) : 0,
      quotedWordShare: words ? round(quotedWords / words) : 0,
      credibilityVerbs,
    };
    if (!writerSentences) return { score: null, basis: "no sentence in the writer's voice to assess", metrics };

    const coverage = attributedSentences / writerSentences;
    const thinCoverage = 1 - Math.min(1, coverage / REFERENCE_COVERAGE);
    const weak = n ? (vague + agentless + anonymous) / n : 1;
    const expectedNamed = Math.min(3, Math.max(1, words / WORDS_PER_NAMED_SOURCE));
    const namedShortfall = 1 - Math.min(1, namedSources / expectedNamed);
    const score = WEIGHTS.coverage * thinCoverage + WEIGHTS.weak * weak + WEIGHTS.named * namedShortfall;
    const label = score >= THIN ? 'thinly sourced' : score >= PARTLY ? 'partly sourced' : 'well sourced';
    const basis =
      `${label}: ${attributedSentences} of ${plural(writerSentences, 'writer sentence')} (${pct(coverage)}; typical news ${pct(REFERENCE_COVERAGE)}) carry an attribution to an identified source; ` +
      `${plural(namedPersons, 'named person')}, ${plural(namedOrganizations, 'named organization')}; ` +
      `${vague + agentless + anonymous} of ${plural(n, 'attribution')} vague, agentless or anonymous; ` +
      `${pct(metrics.quotedWordShare)} of words quoted`;
    return { score: round(score), basis, metrics };
  },
});
