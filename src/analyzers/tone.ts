import { z } from 'zod';
import { defineAnalyzer } from '../analyzer';
import type { SlantDocument, Voice } from '../document';
import { findHeadline, isHeadlineSentence } from '../headline';
import type { CompiledLexicon } from '../lexicon/load';
import { lexiconMatches, stanceScan } from '../stance-scan';
import { round as roundTo } from '../round';
import { defineNegationLayer, type NegationRule } from '../document/negation';

/**
 * Tone: sentence-level tone of the writer's voice and of quoted material, separately, and of the headline against
 * the body, from the AFINN-165 word list (-5 … +5 per word, as shipped by the `sentiment` package and read from it
 * at run time) with news-domain adjustments:
 * 1. Words are looked up by their lower-cased form, one token at a time (AFINN's multi-word entries are not used,
 *    as in `sentiment` itself).
 * 2. `en/tone-adjustments` cancels words whose news sense carries no tone: "crude oil", "gross domestic product",
 *    "tested positive", "like" as a preposition, "interest rates", names ("United Nations", "Justice Department").
 *    In a sports report (sports words with summed weight >= 3, one of them specific to sport), play and results
 *    ("attack", "dangerous", "win", "defeat") are cancelled too.
 * 3. Negation: a word within three words after "not", "never", "no", "without"… (same clause) counts half,
 *    with the opposite sign ("not good" −1.5, "not bad" +1.5).
 * Findings (`info`): writer's-voice and quoted parts of a sentence whose summed tone reaches `minSentenceScore`
 * (span from the first to the last toned word of that voice), and the headline's tone against the body's.
 * Metrics give tone per 100 words (sum of scores × 100 / words) by voice and for headline and body. The score is the
 * writer's-voice intensity (sum of |scores| per 100 writer words) as rate / (rate + 10); weight 0 by default: tone
 * is descriptive and its lexicon is not calibrated on annotated news.
 */

const LEXICON = 'en/tone-adjustments';
/** Negation of a tone word: a negator up to three words before it ("not only", "no less" do not negate). */
const NEGATION: NegationRule = {
  negators: new Set(['not', 'never', 'no', 'without', 'nor', 'neither', 'hardly', 'barely', 'scarcely', 'nobody', 'nothing', 'none']),
  notNegatingAfter: new Set(['only', 'just', 'merely', 'simply', 'least', 'less', 'doubt']),
  window: 3,
  hyphenContinues: true,
};
const NEGATED_FACTOR = -0.5;
/** Sports-report threshold: summed sport-context weights, with at least one word specific to sport. */
const SPORT_THRESHOLD = 3;
/** Writer's-voice intensity per 100 words that gives a score of 0.5. */
export const TONE_HALF_SCORE_RATE = 10;

const OptionsSchema = z.strictObject({
  /** Report a sentence part (writer's voice or quoted) when the absolute sum of its word scores is at least this. */
  minSentenceScore: z.number().positive().default(4),
  /** Apply the news-domain adjustments of en/tone-adjustments (off: plain AFINN with negation). */
  adjustments: z.boolean().default(true),
});
export type ToneOptions = z.output<typeof OptionsSchema>;

export type ToneMessageId = 'negative-tone' | 'positive-tone' | 'headline-tone';

/** The news-domain adjustments that apply to one document: token ranges whose AFINN score is scaled. */
interface Adjustments {
  /** Sorted, non-overlapping token ranges [first, last] with the factor their scores are multiplied by. */
  first: number[];
  last: number[];
  factor: number[];
  sport: boolean;
}

function adjustmentsOf(doc: SlantDocument, lex: CompiledLexicon): Adjustments {
  const out: Adjustments = { first: [], last: [], factor: [], sport: false };
  let sportWeight = 0;
  let sportSpecific = false;
  const sportRanges: Array<[number, number, number]> = [];
  let lastEnd = -1;
  for (const m of lexiconMatches(doc, lex)) {
    if (m.start < lastEnd) continue;
    lastEnd = m.end;
    const { category, weight } = m.entry;
    if (category === 'sport-context') {
      sportWeight += weight;
      if (weight >= 1) sportSpecific = true;
    } else if (category === 'neutral') {
      out.first.push(m.first);
      out.last.push(m.last);
      out.factor.push(1 - weight);
    } else if (category === 'sport') sportRanges.push([m.first, m.last, 1 - weight]);
  }
  out.sport = sportSpecific && sportWeight >= SPORT_THRESHOLD;
  if (out.sport && sportRanges.length) {
    // merge the sport ranges into the (sorted, disjoint) neutral ones; matches were kept without overlaps
    const merged: Array<[number, number, number]> = out.first.map((f, i) => [f, out.last[i], out.factor[i]]);
    for (const r of sportRanges) merged.push(r);
    merged.sort((a, b) => a[0] - b[0]);
    out.first = merged.map((r) => r[0]);
    out.last = merged.map((r) => r[1]);
    out.factor = merged.map((r) => r[2]);
  }
  return out;
}

/** The rule's negation scopes, a layer of each document. */
const NEGATION_SCOPES = defineNegationLayer('tone', NEGATION);

/** Tone of one document, by sentence and voice; see the analyzer's description. */
export interface ToneAnalysis {
  /** Sum of adjusted scores per sentence, writer's voice at [2s], quoted at [2s + 1]. */
  sums: Float64Array;
  /** First and last toned token per sentence and voice (same layout), -1 when none. */
  firstToned: Int32Array;
  lastToned: Int32Array;
  /** Totals by voice (0 writer, 1 quoted): score sum, absolute sum, positive and negative words. */
  total: Float64Array;
  absolute: Float64Array;
  positive: Int32Array;
  negative: Int32Array;
  /** Tokens with an AFINN score (ascending) and their adjusted scores (0 when cancelled). */
  tonedTokens: Int32Array;
  scores: Float64Array;
  /** AFINN words cancelled or scaled by an adjustment, and words counted as negated. */
  adjusted: number;
  negated: number;
  sport: boolean;
}

/** Adjusted AFINN scores of a document's words, summed by sentence and voice. */
export function scoreTone(doc: SlantDocument, lex: CompiledLexicon | undefined): ToneAnalysis {
  const tokens = doc.tokens;
  const nS = doc.sentences.length;
  const scan = stanceScan(doc);
  const negated = doc.layer(NEGATION_SCOPES);
  const adj = lex ? adjustmentsOf(doc, lex) : { first: [], last: [], factor: [], sport: false };
  const toned = scan.afinnTokens;
  const a: ToneAnalysis = {
    sums: new Float64Array(2 * nS),
    firstToned: new Int32Array(2 * nS).fill(-1),
    lastToned: new Int32Array(2 * nS).fill(-1),
    total: new Float64Array(2),
    absolute: new Float64Array(2),
    positive: new Int32Array(2),
    negative: new Int32Array(2),
    tonedTokens: toned,
    scores: new Float64Array(toned.length),
    adjusted: 0,
    negated: 0,
    sport: adj.sport,
  };
  let r = 0; // pointer into the adjustment ranges (both lists ascend)
  for (let n = 0; n < toned.length; n++) {
    const k = toned[n];
    const t = tokens[k];
    let score: number = scan.afinnScores[n];
    while (r < adj.last.length && adj.last[r] < k) r++;
    if (r < adj.first.length && adj.first[r] <= k) {
      a.adjusted++;
      score *= adj.factor[r];
      if (score === 0) continue;
    }
    if (negated[k]) {
      a.negated++;
      score *= NEGATED_FACTOR;
    }
    a.scores[n] = score;
    const v = t.voice === 'quoted' ? 1 : 0;
    const slot = 2 * t.sentence + v;
    a.sums[slot] += score;
    if (a.firstToned[slot] < 0) a.firstToned[slot] = k;
    a.lastToned[slot] = k;
    a.total[v] += score;
    a.absolute[v] += Math.abs(score);
    if (score > 0) a.positive[v]++;
    else a.negative[v]++;
  }
  return a;
}

/** Tone's figures are shown to two decimals. */
const round = (x: number, digits = 2): number => roundTo(x, digits);
const signed = (x: number): string => (x > 0 ? `+${round(x, 1)}` : `${round(x, 1)}`);

export const tone = defineAnalyzer<ToneMessageId, ToneOptions>({
  meta: {
    id: 'tone',
    description:
      'Sentence-level tone (AFINN word scores with negation and news-domain adjustments such as "crude oil" or "attack" in sport) of the writer’s voice and of quoted material, separately, and of the headline against the body.',
    category: 'tone',
    messages: {
      'negative-tone': 'Negative tone ({{score}}) in {{voice}}',
      'positive-tone': 'Positive tone ({{score}}) in {{voice}}',
      'headline-tone': 'Headline tone {{headline}} vs body {{body}} (per 100 words)',
    },
    options: OptionsSchema,
    lexicons: [LEXICON],
    defaults: { severity: 'info', weight: 0 },
    docs: 'docs/analyzers/tone.md',
  },
  analyze({ doc, options, lexicon, report }) {
    const lex = lexicon(LEXICON);
    const a = scoreTone(doc, options.adjustments ? lex : undefined);
    const tokens = doc.tokens;
    const headline = findHeadline(doc);

    for (let s = 0; s < doc.sentences.length; s++) {
      for (let v = 0; v < 2; v++) {
        const slot = 2 * s + v;
        const sum = a.sums[slot];
        if (Math.abs(sum) < options.minSentenceScore) continue;
        const voice: Voice = v ? 'quoted' : 'writer';
        const first = a.firstToned[slot];
        const last = a.lastToned[slot];
        const words: string[] = [];
        for (let n = 0; n < a.tonedTokens.length; n++) {
          const k = a.tonedTokens[n];
          if (k < first || k > last || a.scores[n] === 0 || (tokens[k].voice === 'quoted') !== (v === 1)) continue;
          words.push(`${tokens[k].value} (${signed(a.scores[n])})`);
        }
        const quotation = v ? doc.quotationOf(tokens[first].start, tokens[first].end) : undefined;
        report({
          messageId: sum < 0 ? 'negative-tone' : 'positive-tone',
          span: { start: tokens[first].start, end: tokens[last].end },
          data: { score: signed(sum), voice: v ? 'quoted material' : 'the writer’s voice' },
          voice,
          explanation: `AFINN word scores, summed over the ${v ? 'quoted' : 'writer’s'} words of the sentence: ${words.join(', ')}.`,
          evidence: {
            rule: 'afinn-sentence',
            weight: round(sum),
            ...(quotation ? { quotation: quotation.index } : {}),
            ...(isHeadlineSentence(headline, s) ? { headline: true } : {}),
          },
        });
      }
    }

    let writerWords = 0;
    for (const s of doc.sentences) writerWords += s.writerWordCount;
    const quotedWords = doc.wordCount - writerWords;
    const per100 = (x: number, n: number): number => (n ? round((100 * x) / n) : 0);
    const metrics: Record<string, number> = {
      'writer.tone': per100(a.total[0], writerWords),
      'writer.intensity': per100(a.absolute[0], writerWords),
      'writer.positiveWords': a.positive[0],
      'writer.negativeWords': a.negative[0],
      'quoted.tone': per100(a.total[1], quotedWords),
      'quoted.intensity': per100(a.absolute[1], quotedWords),
      'quoted.positiveWords': a.positive[1],
      'quoted.negativeWords': a.negative[1],
      writerWords,
      quotedWords,
      adjustedWords: a.adjusted,
      negatedWords: a.negated,
      sport: a.sport ? 1 : 0,
    };
    let negativeSentences = 0;
    let positiveSentences = 0;
    for (let s = 0; s < doc.sentences.length; s++) {
      const x = a.sums[2 * s];
      if (x <= -options.minSentenceScore) negativeSentences++;
      else if (x >= options.minSentenceScore) positiveSentences++;
    }
    metrics['writer.negativeSentences'] = negativeSentences;
    metrics['writer.positiveSentences'] = positiveSentences;

    if (headline) {
      let hSum = 0;
      let bSum = 0;
      let hToned = false;
      for (let s = 0; s < doc.sentences.length; s++) {
        const x = a.sums[2 * s] + a.sums[2 * s + 1];
        if (isHeadlineSentence(headline, s)) {
          hSum += x;
          if (a.firstToned[2 * s] >= 0 || a.firstToned[2 * s + 1] >= 0) hToned = true;
        } else bSum += x;
      }
      const hTone = per100(hSum, headline.wordCount);
      const bTone = per100(bSum, doc.wordCount - headline.wordCount);
      metrics['headline.tone'] = hTone;
      metrics['body.tone'] = bTone;
      if (hToned) {
        report({
          messageId: 'headline-tone',
          span: { start: headline.start, end: headline.end },
          data: { headline: signed(hTone), body: signed(bTone) },
          voice: 'writer',
          explanation:
            'AFINN word scores per 100 words in the headline and in the body (both voices); a headline is read first and weighs more.',
          evidence: { rule: 'afinn-headline', weight: hTone, headline: true },
        });
      }
    }

    if (!writerWords) return { score: null, basis: 'No words in the writer’s voice.', metrics };
    const rate = metrics['writer.intensity'];
    return {
      score: rate / (rate + TONE_HALF_SCORE_RATE),
      basis:
        `Writer’s voice: tone ${signed(metrics['writer.tone'])} per 100 words (${a.negative[0]} negative, ${a.positive[0]} positive words; ` +
        `intensity ${round(rate, 1)}, score = intensity / (intensity + ${TONE_HALF_SCORE_RATE}))` +
        (quotedWords ? `; quoted material: tone ${signed(metrics['quoted.tone'])} per 100 words` : '') +
        (headline ? `; headline ${signed(metrics['headline.tone'])} vs body ${signed(metrics['body.tone'])}` : '') +
        '.',
      metrics,
    };
  },
});
