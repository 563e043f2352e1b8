import { z } from 'zod';
import { findingVoice } from '../attribution/reported';
import { defineAnalyzer } from '../analyzer';
import type { SlantDocument } from '../document';
import { compileFramesModel, type CompiledFramesModel, type FramesModelInput } from '../frames-model';
import { findHeadline, isHeadlineSentence } from '../headline';
import { builtinFramesModel } from '../lexicon/builtin';
import type { CompiledLexicon } from '../lexicon/load';
import type { LexiconMatch } from '../lexicon/matcher';
import type { Evidence } from '../report';
import { isScanModel, lexiconMatches, stanceScan } from '../stance-scan';
import { round } from '../round';

/**
 * Framing: which of the 14 generic policy frames of the Media Frames Corpus codebook (Economic, Security and
 * defense, Legality, ...) an article uses, with the words that evoke them.
 *
 * How it decides (lexicons/en/frames.md has the exact feature definitions; models/frames.json the weights):
 * 1. Match the cue lexicon `en/frame-cues` once and keep matches greedily (longest first, no overlaps).
 * 2. Profile: the share of sentences (with at least one word) holding a cue of each frame whose weight is at least
 *    `minCueWeight`; these cues are reported as `info` findings with their frame as category.
 * 3. Dominant frames: one logistic regression per frame over the 14 cue rates and a bag of lemmas (trained on the
 *    SemEval-2023 Task 3 dev articles; nested 5-fold cross-validation: micro-F1 0.683, macro-F1 0.522); a frame is
 *    dominant when its logit reaches the frame's threshold, ranked by the margin.
 * The result is descriptive: it carries no 0–1 score (score null, weight 0) and the profile lives in `metrics`:
 * `frame.<Label>` (sentence share), `dominant.<Label>` (rank among the dominant frames, 1 = strongest) and
 * `margin.<Label>` (logit minus threshold, dominant frames only).
 */

const LEXICON = 'en/frame-cues';

/** Readable names of the frame labels (SemEval-2023 Task 3 spelling). */
export const FRAME_NAMES: Readonly<Record<string, string>> = {
  Economic: 'Economic',
  Capacity_and_resources: 'Capacity and resources',
  Morality: 'Morality',
  Fairness_and_equality: 'Fairness and equality',
  Legality_Constitutionality_and_jurisprudence: 'Legality, constitutionality and jurisprudence',
  Policy_prescription_and_evaluation: 'Policy prescription and evaluation',
  Crime_and_punishment: 'Crime and punishment',
  Security_and_defense: 'Security and defense',
  Health_and_safety: 'Health and safety',
  Quality_of_life: 'Quality of life',
  Cultural_identity: 'Cultural identity',
  Public_opinion: 'Public opinion',
  Political: 'Political',
  External_regulation_and_reputation: 'External regulation and reputation',
};

export const frameName = (label: string): string => FRAME_NAMES[label] ?? label.replace(/_/g, ' ');

const OptionsSchema = z
  .strictObject({
    /**
     * A frames model in the format of models/frames.json (default: the built-in one), e.g. one retrained with
     * eval/research/frames-train.mjs. Validated and compiled when the pipeline is created.
     */
    model: z.custom<FramesModelInput>((v) => typeof v === 'object' && v !== null, 'expected a frames model object').optional(),
    /** Cues with at least this lexicon weight count in the sentence profile and are reported as findings. */
    minCueWeight: z.number().min(0).max(1).default(0.5),
  })
  .superRefine((options, ctx) => {
    try {
      compileFramesModel(options.model ?? builtinFramesModel, options.model ? 'options.model' : 'built-in en/frames');
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['model'], message: (e as Error).message });
    }
  });

export type FramingOptions = z.output<typeof OptionsSchema>;

/** What the framing model and profile say about one document. */
export interface FrameAnalysis {
  labels: readonly string[];
  /** Logit per frame (model order). */
  logits: Float64Array;
  /** Frame indices whose logit reaches the threshold, strongest margin first. */
  dominant: number[];
  /** Share of sentences with a cue of each frame (weight >= minCueWeight). */
  share: Float64Array;
  /** Sentences with at least one cue of each frame. */
  cueSentences: Int32Array;
  /** Sentences with at least one word. */
  sentences: number;
  /** Cue matches kept (greedy, non-overlapping). */
  cues: LexiconMatch[];
  /** Frame index of each kept cue (-1 when its category is not a label of the model). */
  cueFrames: Int8Array;
  /** Words (tokens of wink type "word"), the denominator of the cue rates. */
  words: number;
}

/** log1p(n) for the small counts most features have (the same values as Math.log1p, read from a table). */
const LOG1P = Float64Array.from({ length: 64 }, (_, n) => Math.log1p(n));
const log1pCount = (n: number): number => (n < LOG1P.length ? LOG1P[n] : Math.log1p(n));

/**
 * Computes the frame features of lexicons/en/frames.md on a parsed document and scores them with the model. The
 * lexicon's categories must be the model's labels.
 */
export function analyzeFrames(doc: SlantDocument, lexicon: CompiledLexicon, model: CompiledFramesModel, minCueWeight = 0.5): FrameAnalysis {
  const F = model.labels.length;
  const tokens = doc.tokens;

  // 1. Cue matches, kept greedily: at each position the longest term, never overlapping.
  const cueSum = new Float64Array(F);
  const cueSentences = new Int32Array(F);
  const lastSentence = new Int32Array(F).fill(-1);
  const all = lexiconMatches(doc, lexicon);
  const cues: LexiconMatch[] = [];
  const cueFrames = new Int8Array(all.length);
  let lastEnd = -1;
  for (const m of all) {
    if (m.start < lastEnd) continue;
    lastEnd = m.end;
    const f = model.labelIndex.get(m.entry.category) ?? -1;
    cueFrames[cues.length] = f;
    cues.push(m);
    if (f < 0) continue;
    cueSum[f] += m.entry.weight;
    if (m.entry.weight >= minCueWeight) {
      const s = tokens[m.first].sentence;
      if (lastSentence[f] !== s) {
        lastSentence[f] = s;
        cueSentences[f]++;
      }
    }
  }

  // 2. Words, sentences with words, and the lemmas seen with their counts (from the shared pass for the built-in
  // model).
  let words = 0;
  let sentences = 0;
  let lemmaIndices: Int32Array;
  let lemmaCounts: Int32Array;
  if (isScanModel(model)) {
    const s = stanceScan(doc);
    words = s.words;
    sentences = s.wordSentences;
    lemmaIndices = s.vocabIndex;
    lemmaCounts = s.vocabCount;
  } else {
    const V = model.lemmaIndex.size;
    // lemma counts of a model the shared pass does not serve (a custom frames model): counted here, per document
    const counts = new Int32Array(V);
    const touched = new Int32Array(V);
    let nTouched = 0;
    let lastWordSentence = -1;
    const lemmaIndex = model.lemmaIndex;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'word') continue;
      words++;
      if (t.sentence !== lastWordSentence) {
        lastWordSentence = t.sentence;
        sentences++;
      }
      const j = lemmaIndex.get(t.lemma);
      if (j !== undefined && counts[j]++ === 0) touched[nTouched++] = j;
    }
    // the counts in the order the lemmas were seen
    lemmaIndices = touched.slice(0, nTouched);
    lemmaCounts = new Int32Array(nTouched);
    for (let k = 0; k < nTouched; k++) {
      lemmaCounts[k] = counts[lemmaIndices[k]];
    }
  }

  // 3. Logits: the cue rates, then the lemmas in the order seen.
  const logits = new Float64Array(model.bias);
  const cw = model.cueWeights;
  const denominator = Math.max(words, 1);
  for (let g = 0; g < F; g++) {
    if (cueSum[g] === 0) continue;
    const x = Math.log1p((100 * cueSum[g]) / denominator);
    for (let f = 0; f < F; f++) logits[f] += cw[g * F + f] * x;
  }
  const lw = model.lemmaWeights;
  for (let k = 0; k < lemmaIndices.length; k++) {
    const x = log1pCount(lemmaCounts[k]);
    const row = lemmaIndices[k] * F;
    for (let f = 0; f < F; f++) logits[f] += lw[row + f] * x;
  }

  const dominant: number[] = [];
  for (let f = 0; f < F; f++) if (logits[f] >= model.threshold[f]) dominant.push(f);
  dominant.sort((a, b) => logits[b] - model.threshold[b] - (logits[a] - model.threshold[a]) || a - b);
  const share = new Float64Array(F);
  for (let f = 0; f < F; f++) share[f] = sentences ? cueSentences[f] / sentences : 0;
  return { labels: model.labels, logits, dominant, share, cueSentences, sentences, cues, cueFrames, words };
}

/** Metric names per frame, built once per label list. */
const keyCache = new WeakMap<readonly string[], { frame: string[]; dominant: string[]; margin: string[] }>();
function metricKeys(labels: readonly string[]): { frame: string[]; dominant: string[]; margin: string[] } {
  let keys = keyCache.get(labels);
  if (!keys) {
    keys = {
      frame: labels.map((l) => `frame.${l}`),
      dominant: labels.map((l) => `dominant.${l}`),
      margin: labels.map((l) => `margin.${l}`),
    };
    keyCache.set(labels, keys);
  }
  return keys;
}

export const framing = defineAnalyzer<'frame-cue', FramingOptions>({
  meta: {
    id: 'framing',
    description:
      'The generic policy frames an article uses (14 frames of the Media Frames Corpus: economic, security and defense, legality, ...): the share of sentences evoking each frame, the words that evoke them, and the dominant frames from a model cross-validated on SemEval-2023 Task 3. Descriptive: no score.',
    category: 'framing',
    messages: {
      'frame-cue': '{{frame}} frame cue "{{term}}"',
    },
    options: OptionsSchema,
    lexicons: [LEXICON],
    defaults: { severity: 'info', weight: 0 },
    docs: 'docs/analyzers/framing.md',
  },
  analyze({ doc, options, lexicon, report }) {
    const lex = lexicon(LEXICON);
    const model = compileFramesModel(options.model ?? builtinFramesModel);
    const a = analyzeFrames(doc, lex, model, options.minCueWeight);
    const headline = findHeadline(doc);
    const tokens = doc.tokens;

    let cueSentenceTotal = 0;
    let lastSentence = -1;
    for (let k = 0; k < a.cues.length; k++) {
      const m = a.cues[k];
      const frame = a.cueFrames[k];
      if (frame < 0 || m.entry.weight < options.minCueWeight) continue;
      const first = tokens[m.first];
      if (first.sentence !== lastSentence) {
        lastSentence = first.sentence;
        cueSentenceTotal++;
      }
      const label = a.labels[frame];
      const evidence: Evidence = { lexicon: lex.id, entry: m.entry.id, term: m.term, weight: m.entry.weight, source: m.entry.source };
      const voice = findingVoice(doc, m.start, m.end);
      if (voice === 'quoted') {
        const quotation = doc.quotationOf(m.start, m.end);
        if (quotation) evidence.quotation = quotation.index;
      }
      if (isHeadlineSentence(headline, first.sentence)) evidence.headline = true;
      report({
        messageId: 'frame-cue',
        span: { start: m.start, end: m.end },
        data: { frame: frameName(label), term: doc.text.slice(m.start, m.end) },
        category: label,
        voice,
        explanation: m.entry.explanation,
        evidence,
      });
    }

    const metrics: Record<string, number> = {
      sentences: a.sentences,
      words: a.words,
      dominantFrames: a.dominant.length,
      cueSentences: cueSentenceTotal,
    };
    const keys = metricKeys(a.labels);
    for (let f = 0; f < a.labels.length; f++) metrics[keys.frame[f]] = round(a.share[f]);
    a.dominant.forEach((f, rank) => {
      metrics[keys.dominant[f]] = rank + 1;
      metrics[keys.margin[f]] = round(a.logits[f] - model.threshold[f]);
    });
    if (!a.words) return { score: null, basis: 'No words to analyse.', metrics };
    const profile = a.labels
      .map((label, f) => ({ label, n: a.cueSentences[f] }))
      .filter((x) => x.n > 0)
      .sort((x, y) => y.n - x.n)
      .slice(0, 3)
      .map((x) => `${frameName(x.label)} ${x.n}`)
      .join(', ');
    const dominant = a.dominant.map((f) => frameName(a.labels[f])).join('; ');
    return {
      score: null,
      basis:
        `${dominant ? `Dominant frames: ${dominant}` : 'No frame reaches the model threshold'}. ` +
        `Frame cues in ${cueSentenceTotal} of ${a.sentences} sentences${profile ? ` (most: ${profile})` : ''}. Descriptive; not scored.`,
      metrics,
    };
  },
});
