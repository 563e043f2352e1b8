import { certainty } from '../../src/analyzers/certainty';
import { builtinAnalyzers } from '../../src/analyzers';
import { compileLexicon } from '../../src/lexicon/load';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { createPipeline } from '../../src/pipeline';
import { AnalyzerTester, assertReportInvariants } from '../../src/testing';
import { describeFixtures } from '../fixtures/expected';

new AnalyzerTester().run('certainty: hedges and boosters', certainty, {
  clean: [
    { text: 'The council approved the budget on Tuesday.', why: 'a plain report commits without markers' },
    { text: 'The vote is scheduled for May.', why: '"May" the month is not the modal (entry restricted to auxiliaries)' },
    { text: '', why: 'empty text' },
  ],
  flagged: [
    { text: 'The river [[may]] rise further.', messageId: 'hedge', voice: 'writer', category: 'hedge' },
    { text: 'The plan will [[probably]] pass.', messageId: 'hedge' },
    { text: 'The leak [[appears to]] have started overnight.', messageId: 'hedge' },
    { text: 'The mayor is [[believed]] to have left the city.', messageId: 'hedge' },
    { text: 'The cause of the fire is [[unclear]].', messageId: 'hedge' },
    { text: '[[Clearly]], the plan has failed.', messageId: 'booster', category: 'booster' },
    { text: 'The result was [[certainly]] a surprise.', messageId: 'booster' },
    { text: '[[There is no doubt]] the bridge will open.', messageId: 'booster', why: 'the longer booster wins over the hedge "doubt"' },
    {
      text: 'The team will [[almost certainly]] win.',
      messageId: 'hedge',
      why: '"almost certainly" is a hedge, longer than the booster "certainly"',
    },
    { text: '“It [[may]] take years,” the engineer said.', messageId: 'hedge', voice: 'quoted' },
    { text: 'The minister said the figures were [[definitely]] correct, but [[perhaps]] late.', messageId: ['booster', 'hedge'] },
  ],
});

describe('certainty analyzer', () => {
  const pipeline = createPipeline({ analyzers: [certainty] });

  it('is registered and its lexicon is valid', () => {
    expect(builtinAnalyzers.certainty).toBe(certainty);
    expect(() => compileLexicon(builtinLexicons['en/certainty'], 'built-in en/certainty')).not.toThrow();
  });

  it('does not count a negated booster', () => {
    const report = pipeline.analyze('The cause is not definitely known.');
    expect(report.findings).toHaveLength(0);
    expect(report.analyzers.certainty.metrics.negatedBoosters).toBe(1);
  });

  it('"not only" is no negation', () => {
    const report = pipeline.analyze('The plan is not only clearly legal but popular.');
    expect(report.findings.map((f) => f.messageId)).toEqual(['booster']);
  });

  it('balances boosters and hedges in the writer’s voice, quoted material apart', () => {
    const text = 'The plan will clearly work. The costs may rise and will probably stay high. “It is certainly a risk,” an analyst said.';
    const report = pipeline.analyze(text);
    assertReportInvariants(report, text);
    const m = report.analyzers.certainty.metrics;
    expect(m.writerBoosters).toBe(1);
    expect(m.writerHedges).toBe(2);
    expect(m.quotedBoosters).toBe(1);
    expect(m.balance).toBeCloseTo((1 - 2) / 3, 3);
    const quoted = report.findings.find((f) => f.voice === 'quoted');
    expect(quoted?.span.text).toBe('certainly');
    expect(quoted?.evidence.quotation).toBe(0);
  });

  it('marks findings in the headline', () => {
    const text = 'Dam may fail, engineers warn\nThe dam was built in 1950.';
    const report = pipeline.analyze(text);
    expect(report.findings[0]).toMatchObject({ messageId: 'hedge', evidence: { headline: true } });
    expect(report.analyzers.certainty.metrics['headline.hedges']).toBe(1);
  });

  it('gives no score without words', () => {
    expect(pipeline.analyze('').analyzers.certainty.score).toBeNull();
  });
});

describeFixtures('certainty');
