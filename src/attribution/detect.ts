/**
 * Finds attribution cues and, for each, the tokens of its source and content. One pass over the tokens collects
 * candidate cues (reporting, belief and stance verbs; attribution nouns; "according to"; adverbs like
 * "reportedly"; a headline colon), each candidate's source and content are located from POS tags and punctuation,
 * a small linear model scores the candidate from its context, and candidates are accepted best first so that an
 * attribution nested in another's content is not reported twice.
 *
 * This module is the entry point of detection; the parts live in their own files:
 *   candidate.ts   the Candidate, cue-table and model types
 *   cue-table.ts   cue-word lookups and the per-document detection context
 *   chunker.ts     noun phrases from POS tags (npLeft, npRight, appositives)
 *   source-span.ts the source of a cue (left, inverted right, clause subject)
 *   content.ts     the content of a cue (clause ends, quotations, next paragraph)
 *   cues/*.ts      one candidate builder per cue form (verb, noun, according, preposition, hedge, colon)
 *   candidates.ts  the pass over the tokens that collects candidates
 *   features.ts    hashed features and the linear model's score
 *   select.ts      best-first selection of the accepted candidates
 */
export type { Candidate, CueForm, CueModel, CuePrior, Ctx, SourceSide, TokenRange } from './candidate';
export { detectionContext } from './cue-table';
export { findCandidates } from './candidates';
export { ALL_GROUPS, FEATURE_GROUPS, featureBuckets, featureNames, groupMask, scoreCandidates, type FeatureGroup } from './features';
export { npLeft, npRight } from './chunker';
export { clauseSubjectOf } from './source-span';
export { selectCandidates } from './select';
