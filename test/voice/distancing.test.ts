/**
 * "so-called" and scare quotes (src/distancing.ts): the writer's distance from a word, never an attribution cue, and
 * reported by loaded-language as writer's-voice findings with their own message ids.
 */
import { parseDocument } from '../../src/document/build';
import { findDistancing } from '../../src/distancing';
import { createPipeline } from '../../src/pipeline';
import type { Finding } from '../../src/report';

const pipeline = createPipeline();
const distancing = (text: string): Finding[] => pipeline.analyze(text).findings.filter((f) => f.category === 'distancing');
const cues = (text: string): string[] => parseDocument(text).attribution.relations.map((r) => r.cue.text);

describe('"so-called" is never an attribution cue', () => {
  it.each([
    'The government unveiled its so-called reforms on Tuesday.',
    'The so called experts were not consulted before the vote.',
    'Officials met the so-called “citizens’ panel” in March.',
    'The so-called Islamic State lost its last town in March.',
  ])('%s', (text) => {
    expect(cues(text)).toEqual([]);
  });

  it('leaves a real naming verb a cue ("the plan was called a failure by critics" stays attributable)', () => {
    // control: "called" outside "so-called" still reaches the cue model as a candidate
    const doc = parseDocument('Critics called the plan a failure.');
    expect(doc.attribution.relations.map((r) => r.cue.text)).toContain('called');
  });
});

describe('scare quotes', () => {
  it('classifies a quotation after "so called" (no hyphen) as a scare quote, and "so-called" is no speech verb', () => {
    const doc = parseDocument('The so called "experts" met the "new normal" head on.');
    expect(doc.quotations.map((q) => q.kind)).toEqual(['scare', 'scare']);
    // scare quotes stay in the writer's voice
    expect(doc.tokens.filter((t) => t.normal === 'experts').map((t) => t.voice)).toEqual(['writer']);
  });

  it('reports "so-called X" with the name it qualifies, in the writer’s voice', () => {
    const text = 'The government unveiled its so-called smart reforms on Tuesday.';
    const [f] = distancing(text);
    expect(f).toMatchObject({ analyzer: 'loaded-language', messageId: 'so-called', voice: 'writer', severity: 'info' });
    expect(f.span.text).toBe('so-called smart reforms');
    expect(f.message).toBe('"so-called" before "smart reforms": the writer keeps a distance from the name');
  });

  it('reports "so-called" with a scare quote once, on "so-called"', () => {
    const text = 'The so-called “consultation” lasted a week.';
    const fs = distancing(text);
    expect(fs.map((f) => [f.messageId, f.span.text, f.message])).toEqual([
      ['so-called', 'so-called', '"so-called" before "consultation": the writer keeps a distance from the name'],
    ]);
    expect(fs[0].evidence.quotation).toBe(0);
  });

  it('reports a short quotation with no speaker as a scare quote', () => {
    const text = 'The council called it progress. Its “consultation” lasted a week.';
    const fs = distancing(text);
    expect(fs.map((f) => [f.messageId, f.span.text, f.voice])).toEqual([['scare-quote', 'consultation', 'writer']]);
    expect(fs[0].message).toBe('Scare quotes around "consultation": the writer keeps a distance from the word');
    expect(fs[0].message.toLowerCase()).not.toMatch(/bias|propaganda/);
  });

  it('does not report a quotation that has a speaker, a title, a name, or a word mentioned as a word', () => {
    expect(distancing('Critics dismissed the “consultation” as a formality.')).toEqual([]); // the critics' word
    expect(distancing('The band played “Blue Moon” twice.')).toEqual([]); // a title
    expect(distancing('The word “recession” does not appear in the report.')).toEqual([]); // a mention
    expect(distancing('“We will not back down,” Maria Lopez said.')).toEqual([]); // a direct quotation
  });

  it('keeps distancing out of the loaded-language score but counts it in the metrics', () => {
    const plain = pipeline.analyze('The bridge opened on Tuesday after a review and a budget vote in March.');
    const framed = pipeline.analyze('The bridge opened on Tuesday after a so-called review and a “budget” vote in March.');
    const a = plain.analyzers['loaded-language'];
    const b = framed.analyzers['loaded-language'];
    expect(b.metrics.distancing).toBe(2);
    expect(a.metrics.distancing).toBe(0);
    expect(b.metrics.writerFindings).toBe(a.metrics.writerFindings);
    expect(b.score).toBe(a.score);
  });

  it('finds nothing to distance in plain text, and finds the offsets exactly', () => {
    const doc = parseDocument('It is so called because of the river. The plan was approved.');
    expect(findDistancing(doc)).toEqual([]);
    const text = 'Its so-called reforms.';
    const [d] = findDistancing(parseDocument(text));
    expect(text.slice(d.start, d.end)).toBe('so-called reforms');
    expect(text.slice(d.termStart, d.termEnd)).toBe('reforms');
  });
});
