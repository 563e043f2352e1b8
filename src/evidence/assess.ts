/**
 * What the report says about its own trustworthiness (browser-safe): the confidence of its scores, a SHORT_TEXT
 * warning when the evidence is thin, and NOT_ENGLISH (scores withheld) when the text does not look like English.
 */
import type { AnalyzerResult, ReportWarning } from '../report';
import { languageEvidence, notEnglishReason } from './language';
import { evidenceConfidence, shrinkTowardTypical, TYPICAL_OVERALL } from './score';

export interface Assessment {
  confidence: number;
  warnings: ReportWarning[];
  /** Set when no score should be given (the text is not English). */
  withhold?: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function assessEvidence(text: string, words: number, sentences: number): Assessment {
  const confidence = evidenceConfidence(words, sentences);
  const warnings: ReportWarning[] = [];
  const notEnglish = notEnglishReason(languageEvidence(text));
  if (notEnglish) {
    warnings.push({
      code: 'NOT_ENGLISH',
      message: `The text does not look like English (${notEnglish}); slant's lexicons and rules are English-only, so it gives no scores and its findings are unreliable.`,
    });
  }
  if (confidence < 1 && !notEnglish) {
    warnings.push({
      code: 'SHORT_TEXT',
      message:
        `Short text (${plural(words, 'word')}, ${plural(sentences, 'sentence')}): the scores rest on little evidence (confidence ${confidence.toFixed(2)}), ` +
        (confidence > 0
          ? `and the overall score is pulled toward ${TYPICAL_OVERALL}, the typical value of news articles.`
          : 'and there is no overall score.'),
    });
  }
  return notEnglish ? { confidence, warnings, withhold: `not scored: the text does not look like English` } : { confidence, warnings };
}

/** Withholds every analyzer's score when the assessment says so; each basis says so first, then what was measured. */
export function applyAssessment(analyzers: Record<string, AnalyzerResult>, a: Assessment): void {
  if (!a.withhold) return;
  for (const r of Object.values(analyzers)) {
    if (r.status !== 'ok') continue;
    r.score = null;
    r.basis = `${a.withhold}. ${r.basis}`;
  }
}

/** The overall score from the raw weighted mean: shrunk by the missing confidence; none without any evidence. */
export function overallScore(raw: number | null, a: Assessment): { overall: number | null; note: string } {
  if (raw === null || a.withhold) return { overall: null, note: '' };
  if (a.confidence <= 0) return { overall: null, note: '; no words to score, so no overall score' };
  if (a.confidence >= 1) return { overall: raw, note: '' };
  return {
    overall: shrinkTowardTypical(raw, a.confidence),
    note: `; shrunk toward ${TYPICAL_OVERALL} (typical of news articles) by confidence ${a.confidence.toFixed(2)}: ${a.confidence.toFixed(2)} × raw ${raw.toFixed(2)} + ${(1 - a.confidence).toFixed(2)} × ${TYPICAL_OVERALL}`,
  };
}
