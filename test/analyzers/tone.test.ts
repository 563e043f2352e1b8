import { tone } from '../../src/analyzers/tone';
import { builtinAnalyzers } from '../../src/analyzers';
import { use } from '../../src/analyzer';
import { compileLexicon } from '../../src/lexicon/load';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { createPipeline } from '../../src/pipeline';
import { AnalyzerTester, assertReportInvariants } from '../../src/testing';
import { describeFixtures } from '../fixtures/expected';

new AnalyzerTester().run('tone: sentence tone by voice', tone, {
  clean: [
    { text: 'The council met on Tuesday to discuss the budget.', why: 'no toned words' },
    { text: 'Crude oil prices rose and gross domestic product grew.', why: '"crude" and "gross" are economic terms here' },
    { text: 'Two residents tested positive for the virus, like their neighbours.', why: 'a test result; "like" as a preposition' },
    {
      text: 'The bill was a disaster, critics said.',
      why: 'one toned word (-2; "critics" names people, no tone) stays below the sentence threshold',
    },
    { text: '', why: 'empty text' },
  ],
  flagged: [
    {
      text: 'The [[attack killed three people and injured]] dozens more.',
      messageId: 'negative-tone',
      voice: 'writer',
      why: 'span: first to last toned word',
    },
    { text: 'The festival was a [[wonderful, joyful success]].', messageId: 'positive-tone', voice: 'writer' },
    { text: '“This is a [[terrible, shameful failure]],” the senator said.', messageId: 'negative-tone', voice: 'quoted' },
  ],
});

describe('tone analyzer', () => {
  const pipeline = createPipeline({ analyzers: [tone] });

  it('is registered and its lexicon is valid', () => {
    expect(builtinAnalyzers.tone).toBe(tone);
    expect(() => compileLexicon(builtinLexicons['en/tone-adjustments'], 'built-in en/tone-adjustments')).not.toThrow();
  });

  it('scores the writer’s voice and quoted material separately', () => {
    const text = 'The new park is a great success. “It is an awful, ugly waste of money,” a resident said.';
    const report = pipeline.analyze(text);
    assertReportInvariants(report, text);
    const m = report.analyzers.tone.metrics;
    expect(m['writer.tone']).toBeGreaterThan(0);
    expect(m['quoted.tone']).toBeLessThan(0);
    expect(m['quoted.negativeWords']).toBe(3);
    expect(report.findings.map((f) => [f.messageId, f.voice])).toEqual([
      ['positive-tone', 'writer'],
      ['negative-tone', 'quoted'],
    ]);
  });

  it('reads "attack" as neutral in a sports report, not in a news report', () => {
    const sport =
      'The striker led a fierce attack in the second half. The league leaders won the match at the stadium after the referee added time.';
    const news = 'The attack on the village left the market empty. Residents fled to the hills.';
    const s = pipeline.analyze(sport).analyzers.tone.metrics;
    const n = pipeline.analyze(news).analyzers.tone.metrics;
    expect(s.sport).toBe(1);
    expect(n.sport).toBe(0);
    expect(n['writer.negativeWords']).toBeGreaterThan(0);
    // in the sports report "attack", "won" and "fierce"... only words outside sport sense keep their score
    expect(s.adjustedWords).toBeGreaterThanOrEqual(2);
  });

  it('compares the headline with the body', () => {
    const text = 'Disaster as floods destroy homes\nWater levels fell on Sunday and roads reopened.';
    const report = pipeline.analyze(text);
    const f = report.findings.find((x) => x.messageId === 'headline-tone');
    expect(f?.span.text).toBe('Disaster as floods destroy homes');
    expect(f?.evidence.headline).toBe(true);
    const m = report.analyzers.tone.metrics;
    expect(m['headline.tone']).toBeLessThan(m['body.tone']);
  });

  it('without the adjustments, "crude" keeps its AFINN score', () => {
    const text = 'Crude oil fell.';
    const plain = createPipeline({ analyzers: [use(tone, { options: { adjustments: false } })] }).analyze(text);
    const adjusted = pipeline.analyze(text);
    expect(plain.analyzers.tone.metrics['writer.negativeWords']).toBe(1);
    expect(adjusted.analyzers.tone.metrics['writer.negativeWords']).toBe(0);
  });

  it('reads a word after a negation at half weight with the opposite sign', () => {
    const m = pipeline.analyze('The plan is not good, and it is not fair.').analyzers.tone.metrics;
    expect(m.negatedWords).toBe(2);
    expect(m['writer.negativeWords']).toBe(2);
    expect(m['writer.positiveWords']).toBe(0);
    expect(m['writer.tone']).toBeCloseTo((100 * (-1.5 - 1)) / 10, 2);
  });

  it('gives no score without words', () => {
    expect(pipeline.analyze('').analyzers.tone.score).toBeNull();
  });
});

describeFixtures('tone');
