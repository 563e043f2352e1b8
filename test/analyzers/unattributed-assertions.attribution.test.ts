/**
 * How unattributed-assertions uses the shared attribution layer, tested against a small stand-in for
 * `computeAttribution` so that the analyzer's own decisions are checked whatever the detector finds:
 * a named source's content is not the writer's claim, "would" carries indirect speech into the next sentence,
 * and an interpretive verb with a thing as its subject is not a source.
 */
import type { SlantDocument } from '../../src/document';
import type { Attribution, AttributionRelation } from '../../src/attribution/types';

jest.mock('../../src/attribution', () => ({
  computeAttribution: (doc: SlantDocument): Attribution => {
    const relations: AttributionRelation[] = [];
    const sources: Attribution['sources'] = [];
    const sentenceRelations: number[][] = doc.sentences.map(() => []);
    for (const s of doc.sentences) {
      const text = doc.text.slice(s.start, s.end);
      const m = /^(.*?)\s(said|emphasized|underscores)\s(?:that\s)?(.*?)\.?$/u.exec(text);
      if (!m || !m[1]) continue;
      const sourceStart = s.start;
      const cueStart = s.start + m[1].length + 1;
      const contentEnd = s.start + text.length - (text.endsWith('.') ? 1 : 0);
      const contentStart = contentEnd - m[3].length;
      const span = (a: number, b: number) => ({ start: a, end: b, text: doc.text.slice(a, b) });
      const id = `s${sources.length}`;
      // Like an imperfect detector: any subject is a source, things typed as documents.
      sources.push({
        id,
        name: m[1],
        type: /[A-Z][a-z]+ [A-Z]/u.test(m[1]) ? 'named-person' : 'document',
        mentions: [span(sourceStart, sourceStart + m[1].length)],
        attributions: 1,
      });
      const content = span(contentStart, contentEnd);
      const r = {
        index: relations.length,
        kind: 'indirect' as const,
        cue: span(cueStart, cueStart + m[2].length),
        cueLemma: m[2],
        cueClass: 'speech',
        source: span(sourceStart, sourceStart + m[1].length),
        sourceId: id,
        content,
        contentParts: [content],
        sentence: s.index,
        confidence: 1,
      } as unknown as AttributionRelation;
      sentenceRelations[s.index].push(r.index);
      relations.push(r);
    }
    const result = { relations, sources, quotationSpeakers: new Map(), sentenceRelations, sentenceContent: sentenceRelations };
    return result as unknown as Attribution;
  },
}));

import { use } from '../../src/analyzer';
import { unattributedAssertions } from '../../src/analyzers/unattributed-assertions';
import { createPipeline } from '../../src/pipeline';

const pipeline = createPipeline({ analyzers: [use(unattributedAssertions)] });
const analyze = (text: string) => pipeline.analyze(text);

describe('unattributed-assertions with attribution', () => {
  it('treats a claim in the content of a named source as attributed, not as the writer’s', () => {
    const report = analyze('Maria Lopez said the new tunnel will reshape the city and is a testament to local engineering.');
    expect(report.findings).toEqual([]);
    expect(report.sentences[0].status).toBe('attributed');
  });

  it('marks the sentence reporting a named spokesman’s briefing as attributed', () => {
    const report = analyze('During a briefing on Monday, Anna Berg emphasized that the visit will be a central focus.');
    expect(report.sentences[0].status).toBe('attributed');
    expect(report.findings).toEqual([]);
  });

  it('carries indirect speech into a following sentence that keeps its "would"', () => {
    const report = analyze('Maria Lopez said the plan would cut costs. It would also shape the port for decades to come.');
    expect(report.sentences.map((s) => s.status)).toEqual(['attributed', 'attributed']);
    expect(report.sentences[1].reasons.join(' ')).toMatch(/continues the reported speech/);
    expect(report.findings).toEqual([]);
    const uncarried = createPipeline({ analyzers: [use(unattributedAssertions, { options: { carryAttribution: false } })] });
    expect(
      uncarried
        .analyze('Maria Lopez said the plan would cut costs. It would also shape the port for decades to come.')
        .findings.map((f) => f.messageId),
    ).toEqual(['unsourced-claim']);
  });

  it('does not carry attribution into a sentence where the writer interprets', () => {
    const report = analyze('Maria Lopez said the plan would cut costs. The decision marks a significant shift in policy.');
    expect(report.sentences[1].status).toBe('unattributed-assertion');
    expect(report.findings.map((f) => f.messageId)).toEqual(['unsourced-claim']);
  });

  it('does not take an interpretive verb with a thing as subject for a source', () => {
    const report = analyze('The agreement underscores the depth of trust between the two nations.');
    expect(report.sentences[0].status).toBe('unattributed-assertion');
    expect(report.findings.map((f) => f.span.text)).toEqual(['underscores']);
  });

  it('still reports a vague source, which no attribution makes named', () => {
    const report = analyze('Analysts suggest that the deal could reshape the region.');
    expect(report.findings.map((f) => f.messageId)).toContain('vague-attribution');
    expect(report.sentences[0].status).toBe('unattributed-assertion');
  });
});
