/**
 * Speakers of BASIL's quoted bias spans, scored by the reference scorer's `quote` task (its speaker rule: full
 * names equal, or last tokens equal), and the stricter entity accuracy of eval/attribution/basil-speaker.ts (issue
 * #16 item 6: the resolved entity, full name and type, not only the last name).
 */
import { addQuoteUnits, entityMatches, owners, sourceAt, speakerPred, speakerUnits } from '../attribution/basil-speaker';
import type { PredSpan } from '../score';
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
  {
    id: 'basil/speaker-entity',
    analyzer: 'sourcing',
    corpus: 'basil',
    score: { task: 'quote' },
    metrics: { accuracy: (r) => r.metrics.speaker?.accuracy ?? null },
    prepare: (gold) => gold.forEach(addQuoteUnits),
    // the entity test (entityMatches) decides each unit; the scorer then counts the decisions: a unit whose resolved
    // entity is the gold speaker is predicted with the gold name, any other with no speaker
    predict: (report, doc) => {
      const owner = owners(report);
      return {
        spans: speakerUnits(doc).map((u): PredSpan => {
          const span: PredSpan = { start: u.start, end: u.end, label: 'quote' };
          if (entityMatches(sourceAt(report, owner, doc.text, u), u, doc.text)) span.speaker = u.reference;
          return span;
        }),
      };
    },
  },
];
