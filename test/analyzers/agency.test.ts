import { agency } from '../../src/analyzers/agency';
import { builtinAnalyzers } from '../../src/analyzers';
import { compileLexicon } from '../../src/lexicon/load';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { createPipeline } from '../../src/pipeline';
import { AnalyzerTester, assertReportInvariants } from '../../src/testing';
import { describeFixtures } from '../fixtures/expected';

new AnalyzerTester().run('agency: agentless passives', agency, {
  clean: [
    { text: 'The law was passed by Congress in March.', why: 'the passive names its agent' },
    { text: 'Two men were arrested by police after the match.', why: 'a harm verb, but the agent is named' },
    { text: 'The protesters were detained by the border guards for six hours.', why: 'agent after "by" with a determiner and a modifier' },
    { text: 'Mistakes were made by the records office.', why: 'the classic phrase, with its agent' },
    { text: 'She was born in 1950 and was named after her aunt.', why: 'routine passives hide no actor' },
    { text: 'The meeting was held on Tuesday.', why: '"held" is not a verb of harm, blame or error' },
    { text: 'Soldiers killed three men near the border.', why: 'active voice: the actor is the subject' },
    { text: 'Police have arrested two men.', why: '"have arrested" is an active perfect, not a passive' },
    { text: 'The report says that funding cuts are killing the program.', why: 'no passive' },
    { text: '', why: 'empty text' },
  ],
  flagged: [
    { text: '[[Mistakes were made]] in the handling of the case.', messageId: 'agentless-passive', voice: 'writer' },
    { text: 'Officials admit that [[errors have been made]].', messageId: 'agentless-passive' },
    { text: 'Several protesters [[were killed]] on Monday.', messageId: 'agentless-passive' },
    {
      text: 'Dozens [[were injured]] and the square was cleared of tents.',
      messageId: 'agentless-passive',
      exact: false,
      why: '"cleared" is not in the lexicon; only "were injured" must be found',
    },
    {
      text: 'Funding for the shelters [[has been cut]] by 20%.',
      messageId: 'agentless-passive',
      why: '"by 20%" is an amount, not an agent',
    },
    { text: 'The files [[were deleted]] by Friday.', messageId: 'agentless-passive', why: '"by Friday" is a time' },
    { text: 'Hundreds of workers [[were laid off]] last year.', messageId: 'agentless-passive', why: 'phrasal verb' },
    { text: 'The journalist [[got arrested]] at the airport.', messageId: 'agentless-passive', why: 'a "get" passive' },
    {
      text: 'The village [[was not destroyed]] in the fighting.',
      messageId: 'agentless-passive',
      why: 'negated passives still leave out the actor',
    },
    { text: 'Three civilians [[were killed]] by an airstrike.', messageId: 'means-only', why: 'a weapon is named, not who used it' },
    { text: 'A cyclist [[was hit]] by a car on Main Street.', messageId: 'means-only' },
    { text: '“Our homes [[were destroyed]],” said Maria Lopez.', messageId: 'agentless-passive', voice: 'quoted' },
  ],
});

describe('agency analyzer', () => {
  const pipeline = createPipeline({ analyzers: [agency] });

  it('is registered and its lexicon is valid', () => {
    expect(builtinAnalyzers.agency).toBe(agency);
    expect(() => compileLexicon(builtinLexicons['en/agency'], 'built-in en/agency')).not.toThrow();
  });

  it('keeps passives that name the agent apart in the metrics', () => {
    const text = 'The law was passed by Congress. Mistakes were made. The bridge was built in 1900.';
    const report = pipeline.analyze(text);
    assertReportInvariants(report, text);
    const m = report.analyzers.agency.metrics;
    expect(m.passives).toBe(3);
    expect(m.passivesWithAgent).toBe(1);
    expect(m.agentlessPassives).toBe(2);
    expect(m.writerFindings).toBe(1);
    expect(report.findings.map((f) => f.span.text)).toEqual(['Mistakes were made']);
  });

  it('explains the finding and names the means', () => {
    const report = pipeline.analyze('Three civilians were killed by an airstrike on Sunday.');
    const [f] = report.findings;
    expect(f.messageId).toBe('means-only');
    expect(f.message).toContain('airstrike');
    expect(f.evidence).toMatchObject({ lexicon: 'en/agency', entry: 'kill', rule: 'passive-means-only' });
    expect(f.severity).toBe('warning');
  });

  it('reads a headline’s reduced passive and marks it as headline', () => {
    const text = 'Three killed in market blast\nThe blast happened at noon, officials said.';
    const report = pipeline.analyze(text);
    const [f] = report.findings;
    expect(f.span.text).toBe('killed');
    expect(f.evidence.headline).toBe(true);
  });

  it('does not read a body sentence without an auxiliary as a passive', () => {
    const report = pipeline.analyze('Soldiers killed in the raid were buried on Monday.');
    expect(report.findings).toHaveLength(0);
  });

  it('scores the writer’s voice only', () => {
    const quoted = pipeline.analyze('“Our homes were destroyed,” said Maria Lopez.');
    expect(quoted.analyzers.agency.metrics.writerFindings).toBe(0);
    expect(quoted.analyzers.agency.metrics.quotedFindings).toBe(1);
    expect(quoted.analyzers.agency.score).toBe(0);
    const writer = pipeline.analyze('Our homes were destroyed in the storm last week.');
    expect(writer.analyzers.agency.score).toBeGreaterThan(0);
    // reported speech of an identified source (here a document) is not the writer's voice either
    const reported = pipeline.analyze('Our homes were destroyed, the report said.');
    expect(reported.findings.find((f) => f.analyzer === 'agency')?.voice).toBe('reported');
    expect(reported.analyzers.agency.metrics.reportedFindings).toBe(1);
    expect(reported.analyzers.agency.score).toBe(0);
  });
});

describeFixtures('agency');
