/**
 * Attribution: who said (or believes, or shows) what. Computed once per document through `doc.attribution`, and
 * shared by the sourcing and unattributed-assertion analyzers and by the report. Pure and browser-safe.
 */
import type { SlantDocument, Token } from '../document';
import { CUE_MODEL } from './model';
import {
  clauseSubjectOf,
  detectionContext,
  findCandidates,
  scoreCandidates,
  selectCandidates,
  type Candidate,
  type Ctx,
  type TokenRange,
} from './detect';
import { resolveSources, type SpeakerNeed } from './sources';
import { filterCandidates } from './filters';
import type { Attribution, AttributionKind, AttributionRelation, SourceEntity } from './types';
import { SUBJECT_PRONOUNS } from './tokens';
import { round } from '../round';

export type { Attribution, AttributionKind, AttributionRelation, SourceEntity, SourceType } from './types';
export type { CueClass } from './lexicon';

/** Attribution relations, sources and quotation speakers of a document. */
export function computeAttribution(doc: SlantDocument): Attribution {
  const { ctx, candidates } = findCandidates(doc);
  scoreCandidates(candidates);
  const accepted = selectCandidates(doc, candidates, CUE_MODEL.threshold, CUE_MODEL.nestedThreshold);
  return buildAttribution(doc, accepted, ctx);
}

/**
 * Turns accepted candidates into relations: inherited sources, trimmed contents, continued quotations, sources.
 * `ctx` is the detection context the candidates came from, if at hand (else one is built).
 */
export function buildAttribution(doc: SlantDocument, selected: Candidate[], ctx: Ctx = detectionContext(doc)): Attribution {
  const { tokens } = doc;
  // openMark[k] >= 0: a quotation opens at token k
  const { openMark } = ctx;
  const accepted = filterCandidates(doc, selected);
  inheritSources(doc, accepted, ctx);
  trimContents(doc, accepted, openMark);
  continueQuotations(doc, accepted);

  const { quotations, sentences } = doc;
  // quotations held by an attribution's content, and the others with the sentences that may name their speaker
  const held = new Map<number, number>();
  accepted.forEach((c, i) => {
    for (const part of c.content) {
      for (let k = part.first; k <= part.last; k++) {
        const q = openMark[k];
        if (q >= 0 && !held.has(q)) held.set(q, i);
      }
    }
  });
  const needs: SpeakerNeed[] = [];
  for (const q of quotations) {
    if (q.kind === 'scare' || q.parent >= 0) continue;
    // held by an attribution with no source ("At one point, X referred to …"): looked for like a standalone one
    const holder = held.get(q.index);
    const s = q.sentence;
    // its own sentence first ("“…,” Stone explained", "Weiner called a reporter a “jackass”"), then its neighbours
    const around: number[] = [s];
    if (s - 1 >= 0 && sentences[s - 1].paragraph >= sentences[s].paragraph - 1) around.push(s - 1);
    if (s + 1 < sentences.length && sentences[s + 1].paragraph <= sentences[s].paragraph + 1) around.push(s + 1);
    needs.push({ quotation: q.index, sentences: around, holder });
  }
  const {
    sources,
    ids,
    speakers: standalone,
  } = resolveSources(
    doc,
    accepted.map((c) => ({ source: c.source, head: c.head })),
    needs,
  );
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const relations: AttributionRelation[] = accepted.map((c, index) => {
    const parts = c.content.map((r) => spanOfRange(doc, r));
    const sourceId = ids[index];
    const kind: AttributionKind =
      c.form === 'according'
        ? 'according-to'
        : !sourceId
          ? 'agentless'
          : sourceById.get(sourceId)?.type === 'vague-collective'
            ? 'vague'
            : c.quotation !== undefined
              ? 'direct-quote'
              : 'indirect';
    const rel: AttributionRelation = {
      index,
      kind,
      cue: doc.spanOf(tokens[c.first].start, tokens[c.last].end),
      cueLemma: c.lemma,
      cueHead: doc.spanOf(tokens[c.head].start, tokens[c.head].end),
      cueClass: c.cls,
      contentParts: parts,
      sentence: tokens[c.head].sentence,
      confidence: round(c.score),
    };
    if (c.source) rel.source = spanOfRange(doc, c.source);
    if (sourceId) rel.sourceId = sourceId;
    if (parts.length) rel.content = parts[0];
    if (c.quotation !== undefined) rel.quotation = c.quotation;
    return rel;
  });

  const sentenceRelations: number[][] = doc.sentences.map(() => []);
  const sentenceContent: number[][] = doc.sentences.map(() => []);
  for (const r of relations) sentenceRelations[r.sentence].push(r.index);
  accepted.forEach((c, i) => {
    let lastSentence = -1;
    for (const part of c.content) {
      for (let s = tokens[part.first].sentence; s <= tokens[part.last].sentence; s++) {
        if (s !== lastSentence) sentenceContent[s].push(i);
        lastSentence = s;
      }
    }
  });

  const quotationSpeakers = new Map<number, string>();
  for (const [q, i] of held) {
    const id = ids[i];
    if (id) quotationSpeakers.set(q, id);
  }
  // a quotation following another in the same paragraph, with no other source's cue between them, is the same
  // speaker's ("“…,” Blum said ahead of the vote. “…”"), and so is one that opens the next paragraph with no cue of
  // its own (a quotation continued over paragraphs); otherwise a speaker named around it
  let prev: (typeof quotations)[number] | undefined;
  for (const q of quotations) {
    if (q.kind === 'scare' || q.parent >= 0) continue;
    if (!quotationSpeakers.has(q.index)) {
      const before = prev && quotationSpeakers.get(prev.index);
      const p = prev;
      const qTok = tokens[doc.tokenIndexAt(q.start)];
      const pParagraph = p !== undefined ? tokens[doc.tokenIndexAt(p.start)].paragraph : -1;
      const sameParagraph = pParagraph === qTok.paragraph;
      const otherCue =
        p !== undefined &&
        relations.some((r) => r.cue.start >= p.end && r.cue.start < q.start && r.sourceId !== undefined && r.sourceId !== before);
      const id =
        before && !otherCue && (sameParagraph || continuesParagraph(doc, relations, pParagraph, q.start))
          ? before
          : (standalone.get(q.index) ?? lastPersonSpeaker(doc, relations, sourceById, q.start));
      if (id) quotationSpeakers.set(q.index, id);
    }
    prev = q;
  }
  // a name looked at for a quotation that another speaker took is no source of this text
  const speaking = new Set(quotationSpeakers.values());
  const listed = sources.filter((s) => s.attributions > 0 || speaking.has(s.id));
  return { relations, sources: listed, quotationSpeakers, sentenceRelations, sentenceContent };
}

/**
 * Whether the quotation at `start` opens the paragraph right after `paragraph`, and no source is cued in its own
 * paragraph: the previous paragraph's speaker goes on ("“…,” she said.¶“…”").
 */
function continuesParagraph(doc: SlantDocument, relations: AttributionRelation[], paragraph: number, start: number): boolean {
  const k = doc.tokenIndexAt(start);
  const t = doc.tokens[k];
  if (paragraph < 0 || t.paragraph !== paragraph + 1) return false;
  const s = doc.sentences[t.sentence];
  if (s.tokenStart !== k || (t.sentence > 0 && doc.sentences[t.sentence - 1].paragraph === t.paragraph)) return false;
  return !relations.some((r) => r.sourceId !== undefined && doc.tokens[doc.tokenIndexAt(r.cue.start)].paragraph === t.paragraph);
}

/** Sentences back, at most, that a floating quotation looks for the person who spoke last. */
const LAST_SPEAKER_REACH = 3;

/**
 * The named person of the nearest attribution before `start`, when it lies in the same paragraph or the one before
 * and at most {@link LAST_SPEAKER_REACH} sentences back: a floating quotation after a paraphrase is the paraphrased
 * person's ("X told the BBC there are two parts to it. …¶“The end solution is …”").
 */
function lastPersonSpeaker(
  doc: SlantDocument,
  relations: AttributionRelation[],
  sourceById: ReadonlyMap<string, SourceEntity>,
  start: number,
): string | undefined {
  const t = doc.tokens[doc.tokenIndexAt(start)];
  for (let i = relations.length - 1; i >= 0; i--) {
    const r = relations[i];
    if (r.cue.start >= start || r.sourceId === undefined) continue;
    const source = sourceById.get(r.sourceId);
    // an unresolved pronoun ("who they say they are") names nobody: look further back
    if (!source || (source.type === 'anonymous' && SUBJECT_PRONOUNS.has(source.name.toLowerCase()))) continue;
    const s = doc.sentences[r.sentence];
    if (t.sentence - r.sentence > LAST_SPEAKER_REACH || s.paragraph < t.paragraph - 1) return undefined;
    if (source.type !== 'named-person') return undefined;
    // another name in the writer's sentences between them may be the speaker ("Finnan's position is … but he …")
    const own = new Set(source.name.toLowerCase().split(/\s+/u));
    const from = doc.sentences[r.sentence + 1]?.tokenStart ?? t.index;
    for (let k = from; k < t.index; k++) {
      const u = doc.tokens[k];
      if (u.pos === 'PROPN' && u.voice === 'writer' && !own.has(u.normal)) return undefined;
    }
    return source.id;
  }
  return undefined;
}

function spanOfRange(doc: SlantDocument, r: TokenRange) {
  return doc.spanOf(doc.tokens[r.first].start, doc.tokens[r.last].end);
}

/** "…, adding that …", "and urged …": the source of the previous attribution in the sentence, else its subject. */
function inheritSources(doc: SlantDocument, accepted: Candidate[], ctx: Ctx): void {
  const { tokens } = doc;
  // the source of the nearest earlier attribution in an unbroken run of attributions of this sentence
  let latest: TokenRange | undefined;
  for (let i = 0; i < accepted.length; i++) {
    const c = accepted[i];
    const sentence = tokens[c.head].sentence;
    if (i > 0 && tokens[accepted[i - 1].head].sentence !== sentence) latest = undefined;
    if (c.sourceSide === 'inherited') {
      const src = latest ?? clauseSubjectOf(doc, doc.sentences[sentence].tokenStart, c.first, ctx);
      // before the cue, or after it for an opening participle clause ("Citing the weather, the mayor said")
      if (src && (src.last < c.first || src.first > c.last)) c.source = src;
    }
    // a possessive of a noun cue ("deflect Khan's criticism") is no subject that a later "…, writing" shares
    if (c.source && c.sourceSide !== 'possessive') latest = c.source;
  }
}

/**
 * Cuts each content part where another attribution's cue or source begins, so that "X said A, and Y said B" gives
 * two contents, and trims punctuation and conjunctions left at the edges.
 */
function trimContents(doc: SlantDocument, accepted: Candidate[], openMark: Int32Array): void {
  const { tokens } = doc;
  const owner = new Int32Array(tokens.length).fill(-1);
  accepted.forEach((c, i) => {
    for (let k = c.first; k <= c.last; k++) owner[k] = i;
    if (c.source) for (let k = c.source.first; k <= c.source.last; k++) if (owner[k] < 0) owner[k] = i;
  });
  accepted.forEach((c, i) => {
    const parts: TokenRange[] = [];
    for (const part of c.content) {
      let { first, last } = part;
      if (first > c.last) {
        for (let k = first; k <= last; k++) {
          if (owner[k] >= 0 && owner[k] !== i) {
            last = k - 1;
            break;
          }
        }
      } else {
        for (let k = last; k >= first; k--) {
          if (owner[k] >= 0 && owner[k] !== i) {
            first = k + 1;
            break;
          }
        }
      }
      while (last >= first && isEdgeFiller(tokens[last])) last--;
      while (first <= last && isEdgeFiller(tokens[first]) && openMark[first] < 0) first++;
      if (last >= first) parts.push({ first, last });
    }
    c.content = parts;
  });
}

const EDGE_WORDS = new Set(['and', 'but', 'or', 'as', 'while', 'because', 'so', 'then']);
function isEdgeFiller(t: Token): boolean {
  if (t.isWord) return EDGE_WORDS.has(t.normal) && t.voice === 'writer';
  return t.value === ',' || t.value === ';' || t.value === ':' || t.value === '—' || t.value === '-' || t.value === '–';
}

/**
 * A quotation attributed in one sentence often continues in the next sentences of the paragraph ("“…,” she said.
 * “…”") and in the paragraphs after it, each opening with a quotation; those quotations belong to the same speaker
 * until a sentence carries its own cue or does not open with a quotation.
 */
function continueQuotations(doc: SlantDocument, accepted: Candidate[]): void {
  const { tokens, sentences, quotations } = doc;
  const cueSentence = new Set<number>();
  const usedQuotation = new Set<number>();
  for (const c of accepted) {
    cueSentence.add(tokens[c.head].sentence);
    if (c.quotation !== undefined) usedQuotation.add(c.quotation);
  }
  const openAt = new Map<number, number>();
  for (const q of quotations) if (q.kind !== 'scare') openAt.set(q.start, q.index);
  for (const c of accepted) {
    if (c.quotation === undefined || !c.content.length) continue;
    let lastTok = c.content[c.content.length - 1].last;
    for (const part of c.content) lastTok = Math.max(lastTok, part.last);
    lastTok = Math.max(lastTok, c.last, c.source ? c.source.last : 0);
    let s = tokens[lastTok].sentence + 1;
    // the next paragraph at most: a paragraph in between with no quotation ends the run
    while (s < sentences.length && sentences[s].paragraph <= sentences[s - 1].paragraph + 1 && !cueSentence.has(s)) {
      const first = sentences[s].tokenStart;
      const q = openAt.get(tokens[first].start);
      if (q === undefined || usedQuotation.has(q)) break;
      const quotation = quotations[q];
      const end = doc.tokenIndexAt(quotation.end) - 1;
      c.content.push({ first, last: Math.max(first, end) });
      usedQuotation.add(q);
      s = tokens[Math.max(first, end)].sentence + 1;
    }
  }
}
