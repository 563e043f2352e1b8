/**
 * Reported speech (src/attribution/reported.ts): the content of an indirect attribution to an identified source is
 * the source's framing, paraphrased. Its findings are in the `reported` voice and stay out of the writer's-voice
 * scores; quotations stay `quoted`, and vague or agentless attribution stays the writer's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingVoice, reportedSpeech } from '../../src/attribution/reported';
import { parseDocument } from '../../src/document/build';
import { VoiceSchema } from '../../src/enums';
import { createPipeline } from '../../src/pipeline';
import { ReportSchema } from '../../src/report';

const pipeline = createPipeline();
const findings = (text: string, analyzer = 'loaded-language') => pipeline.analyze(text).findings.filter((f) => f.analyzer === analyzer);

describe('reported voice', () => {
  it('is a value of the Voice schema, and of the report schema', () => {
    expect(VoiceSchema.options).toEqual(['writer', 'quoted', 'reported']);
    const report = pipeline.analyze('A spokesperson said the case was one of the worst it had investigated.');
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('"A spokesperson said the case was one of the worst…": the superlative is the source’s, not the writer’s', () => {
    const text = 'A spokesperson said the case was one of the worst it had investigated.';
    const report = pipeline.analyze(text);
    const f = report.findings.find((x) => x.span.text === 'one of the worst')!;
    expect(f).toMatchObject({ analyzer: 'loaded-language', messageId: 'superlative', voice: 'reported' });
    const a = report.attributions[f.evidence.attribution!];
    expect(a.source?.text).toBe('A spokesperson');
    expect(a.content?.text).toContain('one of the worst');
    const m = report.analyzers['loaded-language'].metrics;
    expect([m.writerFindings, m.reportedFindings]).toEqual([0, 1]);
    expect(m.reportedWords).toBe(10); // "the case was one of the worst it had investigated"
    expect(report.analyzers['loaded-language'].score).toBe(0);
  });

  it('the same words in the writer’s own voice count', () => {
    const [f] = findings('The case was one of the worst the agency had investigated.');
    expect(f.voice).toBe('writer');
  });

  it('a vague or agentless attribution stays in the writer’s voice', () => {
    expect(findings('Analysts say it is the worst deal ever.').map((f) => f.voice)).toEqual(['writer']);
    expect(findings('The deal is reportedly the worst ever.').every((f) => f.voice === 'writer')).toBe(true);
  });

  it('a direct quotation stays quoted', () => {
    const [f] = findings('“It is one of the worst cases we have seen,” the spokesperson said.');
    expect(f.voice).toBe('quoted');
  });

  it('a named source: hedges and passives in its reported content are reported too', () => {
    const text = 'Maria Lopez, the finance minister, said the deficit may grow next year.';
    const hedge = findings(text, 'certainty').find((f) => f.span.text === 'may')!;
    expect(hedge.voice).toBe('reported');
    const m = pipeline.analyze(text).analyzers.certainty.metrics;
    expect([m.writerHedges, m.reportedHedges]).toEqual([0, 1]);
  });

  it('the default voice of any analyzer’s finding follows the layer', () => {
    const doc = parseDocument('A spokesperson said the case was closed. The case was closed.');
    const closed = [...doc.text.matchAll(/closed/g)].map((m) => m.index!);
    expect(findingVoice(doc, closed[0], closed[0] + 6)).toBe('reported');
    expect(findingVoice(doc, closed[1], closed[1] + 6)).toBe('writer');
    expect(reportedSpeech(doc).words).toBe(4);
  });
});

describe('the S-400 reference article keeps its findings', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', 'articles', 's400-india.txt'), 'utf8');
  const report = pipeline.analyze(text);
  const writer = report.findings.filter((f) => f.voice === 'writer').map((f) => f.span.text);

  it('still reports the writer’s own claims', () => {
    expect(writer).toEqual(expect.arrayContaining(['cannot be overstated', 'Analysts suggest', 'a testament to']));
  });

  it('puts nothing of Peskov’s reported words in the writer’s voice', () => {
    const peskov = report.attributions.find((a) => a.source?.text.includes('Peskov'))!;
    const content = peskov.content!;
    const inside = report.findings.filter((f) => f.span.start >= content.start && f.span.end <= content.end);
    expect(inside.every((f) => f.voice !== 'writer')).toBe(true);
  });
});
