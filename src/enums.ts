/**
 * The closed vocabularies of the report and the document model, as zod schemas: each TypeScript type is inferred
 * from its schema, so the report's validation, its JSON Schema and the code's types cannot disagree.
 */
import { z } from 'zod';

/**
 * Whose words a finding's text is:
 * - `writer`: the writer's own;
 * - `quoted`: inside a direct or block quotation (somebody's words, verbatim);
 * - `reported`: the content of an indirect attribution to an identified source ("A spokesperson said the case was
 *   one of the worst it had investigated"): the source's framing, paraphrased by the writer. Kept out of the
 *   writer's-voice scores.
 */
export const VoiceSchema = z.enum(['writer', 'quoted', 'reported']);
export type Voice = z.infer<typeof VoiceSchema>;

/** A token's voice: quoted inside a direct or block quotation, else the writer's (reported voice is read from attribution). */
export const TokenVoiceSchema = VoiceSchema.exclude(['reported']);
export type TokenVoice = z.infer<typeof TokenVoiceSchema>;

/**
 * - `direct`: a quotation within one paragraph, attributed or long enough to be someone's words;
 * - `block`: a quotation running over several paragraphs (news convention: no closing mark at the end of each
 *   paragraph, a new opening mark at the start of the next);
 * - `scare`: a few words in quotation marks with no speaker nearby ("so-called "reforms""): the writer's framing.
 */
export const QuotationKindSchema = z.enum(['direct', 'block', 'scare']);
export type QuotationKind = z.infer<typeof QuotationKindSchema>;

/** What kind of source a source phrase names. */
export const SourceTypeSchema = z.enum(['named-person', 'named-organization', 'anonymous', 'vague-collective', 'document', 'none']);
export type SourceType = z.infer<typeof SourceTypeSchema>;

/**
 * The form of an attribution:
 * - `direct-quote`: the content is a quotation ("“…,” she said");
 * - `indirect`: reported speech or belief with a source ("X said that …", "X believes …");
 * - `according-to`: "according to X";
 * - `agentless`: no source at all ("reportedly", "is expected to", "it was reported", "a reported approval");
 * - `vague`: the source is a vague collective ("analysts say", "critics argue", "some believe").
 */
export const AttributionKindSchema = z.enum(['direct-quote', 'indirect', 'according-to', 'agentless', 'vague']);
export type AttributionKind = z.infer<typeof AttributionKindSchema>;

/**
 * How a cue word relates its source to its content:
 * - `speech`: verbs of saying (said, told, added, wrote, tweeted);
 * - `credibility`: verbs that frame the credibility of what was said (claimed, admitted, insisted, conceded, alleged);
 * - `belief`: verbs of thinking, knowing, wanting (believes, expects, hopes, fears);
 * - `stance`: verbs of evaluating or taking a stand (criticized, praised, endorsed, opposed);
 * - `evidence`: verbs whose subject is a document or data (a report shows, figures suggest);
 * - `appearance`: appearance verbs with no source (seems, appears);
 * - `adverb`: adverbs that attribute without a source (reportedly, allegedly);
 * - `noun`: nouns that report speech or belief (claim, statement, criticism, view);
 * - `other`: verbs that often head an annotated attribution in news, outside the classes above (measured only).
 */
export const CueClassSchema = z.enum(['speech', 'credibility', 'belief', 'stance', 'evidence', 'appearance', 'adverb', 'noun', 'other']);
export type CueClass = z.infer<typeof CueClassSchema>;
