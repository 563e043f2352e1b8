/**
 * Loaded language against five dev splits, all from one report (the analyzer's default options; nothing is tuned
 * per corpus):
 * - PTC propaganda spans (`Loaded_Language`, `Name_Calling,Labeling`, `Exaggeration,Minimisation`): span overlap;
 * - BABE (experts) and MBIC (crowd) `biased_word`: word level;
 * - BASIL `lexical_bias`: span overlap (BASIL was not used to weigh the lexicon: a fully held-out corpus);
 * - BABE `label_bias` sentences: positive when the subjectivity classifier (`sentences[].subjectivity`, set by
 *   unattributed-assertions from loaded-language lexicon features among others) reaches the model's bias threshold.
 * Metrics named `*_oof` are out-of-fold figures stored with the models by their cross-validation by document
 * (models/loaded-words.json by eval/research/loaded-learned.ts, models/subjectivity-en.json by
 * eval/research/subjectivity-train.ts); the others are in-sample (the shipped models were trained on these splits).
 *
 * Spans: every loaded-language finding, in either voice (annotators mark loaded words inside quotations too; see
 * loaded-language.md for the measurement), each its own unit.
 */
import loadedWordModel from '../../models/loaded-words.json';
import subjectivityModel from '../../models/subjectivity-en.json';
import type { Finding, Report } from '../../src/report';
import type { PredLine, PredSpan, ScoreResult } from '../score';
import type { EvalTask } from './types';
import { subjectivityOof, subjectivityPred } from './unattributed-assertions';

/** An out-of-fold figure stored with the word model by its cross-validation. */
const wordOof = (key: string) => (): number | null =>
  ((loadedWordModel.metrics as Record<string, unknown>)[key] as number | undefined) ?? null;

const ANALYZER = 'loaded-language';

export interface LoadedPredOptions {
  /** Include findings in the quoted voice (default true). */
  quoted?: boolean;
  /** Include findings in reported speech (default true). */
  reported?: boolean;
  /** Only findings whose lexicon weight is at least this (default: whatever the analyzer reported). */
  minWeight?: number;
  /** Give a run of adjacent findings (only spaces or hyphens between them) one `group`, i.e. one unit (default false: measured to lower PTC span F1). */
  groupAdjacent?: boolean;
}

function ownFindings(report: Report, o: LoadedPredOptions): Finding[] {
  return report.findings.filter(
    (f) =>
      f.analyzer === ANALYZER &&
      // distancing devices ("so-called", scare quotes) are not loaded words: no corpus here annotates them
      f.category !== 'distancing' &&
      (f.voice === 'writer' || (f.voice === 'quoted' ? o.quoted !== false : o.reported !== false)) &&
      (o.minWeight === undefined || (f.evidence.weight ?? 0) >= o.minWeight),
  );
}

/** Loaded-language findings as `loaded` spans. */
export function loadedSpans(report: Report, text: string, o: LoadedPredOptions = {}): Omit<PredLine, 'id'> {
  const findings = ownFindings(report, o).sort((a, b) => a.span.start - b.span.start);
  const spans: PredSpan[] = [];
  let group = 0;
  let prevEnd = -1;
  for (const f of findings) {
    const adjacent = prevEnd >= 0 && f.span.start >= prevEnd && /^[\s-]*$/u.test(text.slice(prevEnd, f.span.start));
    if (!adjacent) group++;
    prevEnd = f.span.end;
    const span: PredSpan = { start: f.span.start, end: f.span.end, label: 'loaded' };
    if (o.groupAdjacent) span.group = `g${group}`;
    spans.push(span);
  }
  return { spans };
}

/** Sentence level: positive when the text has a loaded-language finding in the writer's voice or in reported speech. */
export function loadedSentence(report: Report, o: LoadedPredOptions = {}): Omit<PredLine, 'id'> {
  return { doc: { positive: ownFindings(report, { ...o, quoted: false }).length > 0 } };
}

const spanMetric =
  (key: 'f1' | 'p' | 'r') =>
  (r: ScoreResult): number | null =>
    r.metrics.span_overlap?.[key] ?? null;
const wordMetric =
  (key: 'f1' | 'p' | 'r') =>
  (r: ScoreResult): number | null =>
    r.metrics.word?.[key] ?? null;
const sentenceMetric =
  (key: 'macro_f1' | 'accuracy') =>
  (r: ScoreResult): number | null =>
    r.metrics.sentence?.[key] ?? null;

export const loadedLanguageTasks: EvalTask[] = [
  {
    id: 'ptc/loaded',
    analyzer: ANALYZER,
    corpus: 'ptc_semeval2020',
    score: { task: 'loaded' },
    metrics: {
      span_f1: spanMetric('f1'),
      span_f1_oof: wordOof('ptc_span_f1'),
      span_p: spanMetric('p'),
      span_r: spanMetric('r'),
      word_f1: wordMetric('f1'),
    },
    predict: (report, doc) => loadedSpans(report, doc.text),
    peers: { 'AFINN |score|>=2': { span_f1: 0.189 }, 'retext-intensify': { span_f1: 0.059 }, 'write-good': { span_f1: 0.054 } },
  },
  {
    id: 'babe/biased-word',
    analyzer: ANALYZER,
    corpus: 'babe',
    score: { task: 'loaded' },
    metrics: { word_f1: wordMetric('f1'), word_f1_oof: wordOof('babe_word_f1'), word_p: wordMetric('p'), word_r: wordMetric('r') },
    predict: (report, doc) => loadedSpans(report, doc.text),
    peers: { 'AFINN |score|>=2': { word_f1: 0.178 } },
  },
  {
    id: 'mbic/biased-word',
    analyzer: ANALYZER,
    corpus: 'mbic',
    score: { task: 'loaded' },
    metrics: { word_f1: wordMetric('f1'), word_f1_oof: wordOof('mbic_word_f1'), word_p: wordMetric('p'), word_r: wordMetric('r') },
    predict: (report, doc) => loadedSpans(report, doc.text),
    peers: { 'AFINN |score|>=2': { word_f1: 0.271 } },
  },
  {
    id: 'basil/lexical-bias',
    analyzer: ANALYZER,
    corpus: 'basil',
    score: { task: 'loaded', goldLabels: ['lexical_bias'] },
    metrics: { span_f1: spanMetric('f1'), span_p: spanMetric('p'), span_r: spanMetric('r') },
    predict: (report, doc) => loadedSpans(report, doc.text),
    // measured with ../shared/eval/peers.mjs --peer afinn (sentiment 5.0.2) and score.mjs --gold-labels lexical_bias
    peers: { 'AFINN |score|>=2': { span_f1: 0.042 } },
  },
  {
    id: 'babe/label-bias',
    analyzer: ANALYZER,
    corpus: 'babe',
    score: { task: 'sentence', goldKey: 'label_bias', goldPos: 'Biased' },
    metrics: {
      macro_f1: sentenceMetric('macro_f1'),
      macro_f1_oof: subjectivityOof('babe_bias_macro_f1_oof'),
      accuracy: sentenceMetric('accuracy'),
    },
    predict: (report) => subjectivityPred(report, subjectivityModel.thresholds.bias),
    peers: { 'write-good': { macro_f1: 0.535 }, 'AFINN |score|>=2': { macro_f1: 0.476 } },
  },
];
