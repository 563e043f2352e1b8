/**
 * Speakers of BASIL's quoted bias spans, scored by the reference scorer's `quote` task (its speaker rule: full
 * names equal, or last tokens equal). The stricter entity accuracy is printed by eval/attribution/basil-speaker.ts.
 */
import { addQuoteUnits, speakerPred } from '../attribution/basil-speaker';
import type { EvalTask } from './types';

export const basilSpeakerTasks: EvalTask[] = [
  {
    id: 'basil/speaker',
    analyzer: 'sourcing',
    corpus: 'basil',
    score: { task: 'quote' },
    metrics: { accuracy: (r) => r.metrics.speaker?.accuracy ?? null },
    // gold `quote` units with their speaker, built from the quoted bias spans (BASIL's other labels stay as they are)
    prepare: (gold) => gold.forEach(addQuoteUnits),
    predict: (report, doc) => ({ spans: speakerPred(report, doc) }),
  },
];
