import type { Span } from '../document';

/** Who a source is, as far as the text tells. */
export type SourceType = 'named-person' | 'named-organization' | 'anonymous' | 'vague-collective' | 'document' | 'none';

/** The grammatical form of an attribution. */
export type AttributionKind = 'direct-quote' | 'indirect' | 'according-to' | 'agentless' | 'vague';

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
  /** Lemma of the cue's head ("say", "according to", "reportedly"). */
  cueLemma: string;
  source?: Span;
  sourceId?: string;
  content?: Span;
  /** Index of the quotation this attribution introduces, if any. */
  quotation?: number;
  sentence: number;
}

/** Everything attribution detection found in one document; computed once and shared. */
export interface Attribution {
  relations: AttributionRelation[];
  sources: SourceEntity[];
  /** Quotation index -> id of its speaker's source. */
  quotationSpeakers: Map<number, string>;
  /** Per sentence: the attributions whose cue lies in it. */
  sentenceRelations: number[][];
}
