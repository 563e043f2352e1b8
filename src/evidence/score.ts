/**
 * How much evidence a score rests on, and what the overall score becomes when it is thin. Browser-safe.
 *
 * confidence = min(1, words / FULL_EVIDENCE_WORDS, sentences / FULL_EVIDENCE_SENTENCES)
 *
 * A ramp that reaches 1 at about the length of the shortest bench articles (so that news articles of ordinary length
 * keep their scores), and is limited by the thinner of the two measures (one long sentence is still one sentence).
 * The overall score is then shrunk toward the bench corpus's typical overall score, in proportion to the missing
 * confidence:
 *
 * overall = confidence × (weighted mean of the analyzer scores) + (1 − confidence) × TYPICAL_OVERALL
 *
 * so "Rain is expected tomorrow." (4 words, confidence 0.03) scores about the typical value instead of an extreme.
 */

/**
 * Median raw overall score (weighted mean of loaded-language, sourcing and unattributed-assertions with the
 * recommended weights, before shrinkage) of the 2,225 bench articles (BBC news, /work/shared/bench/corpus.jsonl),
 * measured by `npx tsx scripts/reference-stats.ts` on 2026-12-07: median 0.1906, mean 0.2048, p25 0.1052, p75 0.2836,
 * p95 0.4728, max 0.6823. Re-measure when the analyzers' scoring changes.
 */
export const TYPICAL_OVERALL = 0.19;
/** Words at which evidence counts as full. Bench article length (same run): min 89, p1 137, p5 167, median 340. */
export const FULL_EVIDENCE_WORDS = 150;
/** Sentences at which evidence counts as full. Bench articles (same run): min 5, p1 8, median 17. */
export const FULL_EVIDENCE_SENTENCES = 6;

export function evidenceConfidence(words: number, sentences: number): number {
  const c = Math.min(1, words / FULL_EVIDENCE_WORDS, sentences / FULL_EVIDENCE_SENTENCES);
  return Math.round(Math.max(0, c) * 1e4) / 1e4;
}

/** The overall score pulled toward {@link TYPICAL_OVERALL} by the missing confidence. */
export function shrinkTowardTypical(raw: number, confidence: number): number {
  return confidence * raw + (1 - confidence) * TYPICAL_OVERALL;
}
