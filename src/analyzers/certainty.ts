import { z } from 'zod';
import { findingVoice, reportedAttributionOf, reportedSpeech } from '../attribution/reported';
import { defineAnalyzer } from '../analyzer';
import { findHeadline, isHeadlineSentence } from '../headline';
import type { Evidence } from '../report';
import { lexiconMatches } from '../stance-scan';
import { round } from '../round';
import { defineNegationLayer, type NegationRule } from '../document/negation';

/**
 * Certainty: hedges ("may", "possibly", "appears to", "is believed") and boosters ("clearly", "certainly",
 * "there is no doubt") — how firmly a claim is committed to — with the voice they are in.
 *
 * How it decides (lexicons/en/certainty.md):
 * 1. Match the lexicon `en/certainty` once (lemma/POS-aware, with the entries' context rules: "may" only as an
 *    auxiliary, "no doubt" a booster not a hedge, "almost certainly" a hedge) and keep matches greedily, longest
 *    first, never overlapping.
 * 2. A booster right after a negation ("not clearly", "never definitely") asserts no certainty and is not
 *    reported.
 * 3. Every kept match is an `info` finding, `hedge` or `booster`, in the voice of its first word (quoted, reported
 *    speech of an identified source, or the writer's). The metrics count the three apart; `balance` = (boosters − hedges) / (boosters + hedges) in the
 *    writer's voice (−1 all hedged, +1 all boosted, 0 when balanced or when there are none).
 * A hedge is a signal about commitment, not an error: much hedging is appropriate caution. Measured on the Szeged
 * uncertainty corpus (Wikipedia, dev): hedge cue span-overlap F1 0.86. Boosters have no annotated corpus.
 * The score is the writer's-voice booster rate, rate / (rate + 0.5) per 100 words; weight 0 by default
 * (descriptive, not calibrated on a corpus).
 */

const LEXICON = 'en/certainty';
/** Negation of a hedge or booster: a negator one or two words before it, no punctuation between ("not only clearly" does not negate). */
const NEGATION: NegationRule = {
  negators: new Set(['not', 'never', 'no', 'hardly', 'scarcely', 'nor', 'neither']),
  notNegatingAfter: new Set(['only', 'just', 'merely', 'simply']),
  window: 2,
  hyphenContinues: false,
};
/** Writer's-voice boosters per 100 words that give a score of 0.5. */
const HALF_SCORE_RATE = 0.5;

const OptionsSchema = z.strictObject({
  /** Report (and count) only matches whose entry weight is at least this. */
  minWeight: z.number().min(0).max(1).default(0),
});
export type CertaintyOptions = z.output<typeof OptionsSchema>;

/** The rule's negation scopes, a layer of each document. */
const NEGATION_SCOPES = defineNegationLayer('certainty', NEGATION);

export const certainty = defineAnalyzer<'hedge' | 'booster', CertaintyOptions>({
  meta: {
    id: 'certainty',
    description:
      'Hedges ("may", "appears to", "is believed") and boosters ("clearly", "there is no doubt") with the voice they are in; the balance of boosters and hedges in the writer’s voice is a metric. Hedge cues are measured on the Szeged uncertainty corpus.',
    category: 'certainty',
    messages: {
      hedge: 'Hedge "{{term}}"',
      booster: 'Booster "{{term}}"',
    },
    options: OptionsSchema,
    lexicons: [LEXICON],
    defaults: { severity: 'info', weight: 0 },
    docs: 'docs/analyzers/certainty.md',
  },
  analyze({ doc, options, lexicon, report }) {
    const lex = lexicon(LEXICON);
    const tokens = doc.tokens;
    const headline = findHeadline(doc);
    const count = { writer: { hedge: 0, booster: 0 }, quoted: { hedge: 0, booster: 0 }, reported: { hedge: 0, booster: 0 } };
    let headlineHedges = 0;
    let headlineBoosters = 0;
    let negatedBoosters = 0;
    let lastEnd = -1;
    for (const m of lexiconMatches(doc, lex)) {
      if (m.start < lastEnd) continue;
      lastEnd = m.end;
      const { entry } = m;
      const kind = entry.category === 'booster' ? 'booster' : entry.category === 'hedge' ? 'hedge' : undefined;
      if (!kind || entry.weight < options.minWeight) continue;
      if (kind === 'booster' && doc.layer(NEGATION_SCOPES)[m.first]) {
        negatedBoosters++;
        continue;
      }
      const first = tokens[m.first];
      const voice = findingVoice(doc, m.start, m.end);
      const inHeadline = isHeadlineSentence(headline, first.sentence);
      const evidence: Evidence = { lexicon: lex.id, entry: entry.id, term: m.term, weight: entry.weight, source: entry.source };
      if (voice === 'quoted') {
        const quotation = doc.quotationOf(m.start, m.end);
        if (quotation) evidence.quotation = quotation.index;
      } else if (voice === 'reported') evidence.attribution = reportedAttributionOf(doc, m.start, m.end);
      if (inHeadline) evidence.headline = true;
      report({
        messageId: kind,
        span: { start: m.start, end: m.end },
        data: { term: doc.text.slice(m.start, m.end) },
        category: kind,
        voice,
        explanation: entry.explanation,
        evidence,
      });
      count[voice][kind]++;
      if (inHeadline && voice === 'writer') {
        if (kind === 'hedge') headlineHedges++;
        else headlineBoosters++;
      }
    }

    // reported speech (the content of an indirect attribution to an identified source) is not the writer's voice
    let writerWords = 0 - reportedSpeech(doc).words; // 0 - 0 is +0 (a unary minus gives -0)
    for (const s of doc.sentences) writerWords += s.writerWordCount;
    const w = count.writer;
    const per100 = (n: number): number => (writerWords ? (100 * n) / writerWords : 0);
    const balance = w.hedge + w.booster ? (w.booster - w.hedge) / (w.booster + w.hedge) : 0;
    const metrics: Record<string, number> = {
      writerHedges: w.hedge,
      writerBoosters: w.booster,
      quotedHedges: count.quoted.hedge,
      quotedBoosters: count.quoted.booster,
      reportedHedges: count.reported.hedge,
      reportedBoosters: count.reported.booster,
      negatedBoosters,
      writerWords,
      hedgesPer100Words: round(per100(w.hedge)),
      boostersPer100Words: round(per100(w.booster)),
      balance: round(balance),
    };
    if (headline) {
      metrics['headline.hedges'] = headlineHedges;
      metrics['headline.boosters'] = headlineBoosters;
    }
    if (!writerWords) return { score: null, basis: 'No words in the writer’s voice.', metrics };
    const rate = per100(w.booster);
    const quoted =
      count.quoted.hedge + count.quoted.booster
        ? `; quoted material: ${count.quoted.hedge} hedge${count.quoted.hedge === 1 ? '' : 's'}, ${count.quoted.booster} booster${count.quoted.booster === 1 ? '' : 's'}`
        : '';
    return {
      score: rate / (rate + HALF_SCORE_RATE),
      basis:
        `${w.hedge} hedge${w.hedge === 1 ? '' : 's'} and ${w.booster} booster${w.booster === 1 ? '' : 's'} in ${writerWords} words of the writer’s voice ` +
        `(balance ${round(balance, 2)}; score = booster rate / (rate + ${HALF_SCORE_RATE}) per 100 words)${quoted}.`,
      metrics,
    };
  },
});
