import type { SlantDocument } from '../document';
import type { Attribution } from './types';

export type { Attribution, AttributionKind, AttributionRelation, SourceEntity, SourceType } from './types';

/** Attribution relations, sources and quotation speakers of a document. */
export function computeAttribution(doc: SlantDocument): Attribution {
  return {
    relations: [],
    sources: [],
    quotationSpeakers: new Map(),
    sentenceRelations: doc.sentences.map(() => []),
  };
}
