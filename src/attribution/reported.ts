/**
 * Reported speech: the words of the writer that paraphrase an identified source ("A spokesperson said the case was
 * one of the worst it had investigated"). They are not quoted, but neither are they the writer's own claim: a
 * finding in them is in the `reported` voice, and the writer's-voice scores leave it out.
 *
 * What counts: the content of an `indirect` or `according-to` attribution whose source is identified (a named
 * person or organisation, a specific unnamed person such as "a spokesperson", or a document) and whose cue reports
 * speech, thought or stance. Vague sources ("critics say") and agentless attribution ("reportedly") stay in the
 * writer's voice: the writer vouches for them, and the unattributed-assertions analyzer reports them. Words inside
 * quotations stay `quoted`.
 */
import { defineLayer, type SlantDocument } from '../document';
import type { CueClass, SourceType, Voice } from '../enums';
import type { AttributionRelation } from './types';

/** Sources that the reader can hold to their words. */
const IDENTIFIED: ReadonlySet<SourceType> = new Set<SourceType>(['named-person', 'named-organization', 'anonymous', 'document']);
/** Cue classes whose content is the source's own statement, belief or judgement. */
const REPORTING: ReadonlySet<CueClass> = new Set<CueClass>(['speech', 'credibility', 'belief', 'stance', 'evidence', 'noun']);
/** Relative and demonstrative words that a source phrase may be left as when coreference finds nothing better. */
const NOT_A_SOURCE = new Set(['which', 'that', 'who', 'this', 'these', 'those', 'it', 'they']);

export interface ReportedSpeech {
  /** Per token: index of the attribution whose reported content holds it, or -1. */
  relation: Int32Array;
  /** Word tokens in reported content (all in the writer's token voice). */
  words: number;
}

/** Whether a relation's content is reported speech of an identified source. */
export function isReportedSpeech(doc: SlantDocument, r: AttributionRelation): boolean {
  if (r.kind !== 'indirect' && r.kind !== 'according-to') return false;
  if (!REPORTING.has(r.cueClass) || !r.source || !r.sourceId) return false;
  const source = doc.attribution.sources.find((s) => s.id === r.sourceId);
  if (!source || !IDENTIFIED.has(source.type)) return false;
  const phrase = doc.text.slice(r.source.start, r.source.end).trim().toLowerCase();
  return !NOT_A_SOURCE.has(phrase) || source.name.toLowerCase() !== phrase;
}

const reportedLayer = defineLayer('reported-speech', (doc: SlantDocument): ReportedSpeech => {
  const { tokens } = doc;
  const relation = new Int32Array(tokens.length).fill(-1);
  let words = 0;
  for (const r of doc.attribution.relations) {
    if (!isReportedSpeech(doc, r)) continue;
    for (const part of r.contentParts) {
      for (let k = doc.tokenIndexAt(part.start); k < tokens.length && tokens[k].start < part.end; k++) {
        if (tokens[k].end <= part.start || tokens[k].voice !== 'writer') continue;
        if (relation[k] < 0 && tokens[k].isWord) words++;
        relation[k] = r.index;
      }
    }
  }
  return { relation, words };
});

/** The reported-speech layer of a document (computed once, from its attribution). */
export function reportedSpeech(doc: SlantDocument): ReportedSpeech {
  return doc.layer(reportedLayer);
}

/** The attribution whose reported content holds [start, end) (read at its first word token, as voice is), if any. */
export function reportedAttributionOf(doc: SlantDocument, start: number, end: number): number | undefined {
  const { tokens } = doc;
  let k = doc.tokenIndexAt(start);
  while (k < tokens.length && tokens[k].start < end && !tokens[k].isWord) k++;
  if (k >= tokens.length || tokens[k].start >= end) k = doc.tokenIndexAt(start);
  if (k >= tokens.length || tokens[k].voice !== 'writer') return undefined;
  const r = reportedSpeech(doc).relation[k];
  return r >= 0 ? r : undefined;
}

/** The voice of a finding over [start, end): quoted, reported (see above) or the writer's. */
export function findingVoice(doc: SlantDocument, start: number, end: number): Voice {
  const voice = doc.voiceOf(start, end);
  if (voice !== 'writer') return voice;
  return reportedAttributionOf(doc, start, end) === undefined ? 'writer' : 'reported';
}
