import type { Span } from '../document/span';
import type { AttributionKind, CueClass, SourceType } from '../enums';

export type { AttributionKind, SourceType } from '../enums';

/** One source, with every mention of it merged ("Dmitry Peskov" … "Peskov" … "he"). */
export interface SourceEntity {
  id: string;
  name: string;
  type: SourceType;
  /** Title or role kept with a named person ("the press secretary for Russian President Vladimir Putin"). */
  role?: string;
  mentions: Span[];
  attributions: number;
}

/** One attribution relation: a cue, the source it names (if any) and the content attributed. */
export interface AttributionRelation {
  index: number;
  kind: AttributionKind;
  cue: Span;
  /** Lemma of the cue's head ("say", "according to", "reportedly", ":"). */
  cueLemma: string;
  /** The head word of the cue ("said" in "has not yet said"). */
  cueHead: Span;
  /** What the cue word does: speech, credibility-framing, belief, stance, evidence, appearance, adverb, noun. */
  cueClass: CueClass;
  /** The source phrase as written ("he", "Dmitry Peskov, the press secretary,"); absent when agentless. */
  source?: Span;
  /** Id of the resolved source in `sources` (a pronoun's source is the person it refers to). */
  sourceId?: string;
  /** The first part of the content (see `contentParts`). */
  content?: Span;
  /** Every part of the content in text order: a quotation interrupted by "she said", or continued after it. */
  contentParts: Span[];
  /** Index of the quotation this attribution introduces, if any. */
  quotation?: number;
  /** Sentence of the cue. */
  sentence: number;
  /** Model confidence that this is an attribution (0–1). */
  confidence: number;
}

/** Everything attribution detection found in one document; computed once and shared. */
export interface Attribution {
  relations: AttributionRelation[];
  sources: SourceEntity[];
  /** Quotation index -> id of its speaker's source. */
  quotationSpeakers: Map<number, string>;
  /** Per sentence: the attributions whose cue lies in it. */
  sentenceRelations: number[][];
  /** Per sentence: the attributions whose content overlaps it (a continued quotation belongs to its speaker). */
  sentenceContent: number[][];
}
