import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { use } from '../../src/analyzer';
import { builtinAnalyzers, presets } from '../../src/analyzers';
import { sourcing } from '../../src/analyzers/sourcing';
import { isConfigError } from '../../src/errors';
import { compileLexicon } from '../../src/lexicon/load';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { createPipeline } from '../../src/pipeline';
import { AnalyzerTester, assertReportInvariants } from '../../src/testing';
import { describeFixtures } from '../fixtures/expected';

new AnalyzerTester().run('sourcing: credibility-framing reporting verbs', sourcing, {
  clean: [
    { text: 'The senator said the bill was fair.', why: '"said" reports without comment' },
    { text: 'The mayor told reporters that taxes would rise.', why: 'a neutral reporting verb' },
    { text: '“He claimed it was an accident,” Lopez said.', why: 'the framing verb is in the quoted speaker’s voice, not the writer’s' },
    { text: 'The claim was rejected by the court.', why: '"claim" is a noun here, not the cue of an attribution' },
    { text: 'Officials admitted three new members to the club.', why: '"admitted" is not reporting speech here' },
    { text: '', why: 'empty text gives a valid report with no findings' },
  ],
  flagged: [
    { text: 'The senator [[claimed]] that the bill was fair.', messageId: 'credibility-verb', voice: 'writer', category: 'sourcing' },
    { text: 'The minister [[admitted]] that the figures were wrong.', messageId: 'credibility-verb' },
    { text: 'The company [[insisted]] that the product was safe.', messageId: 'credibility-verb' },
    { text: 'The coach [[conceded]] that the team had played badly.', messageId: 'credibility-verb' },
    { text: 'Prosecutors [[alleged]] that the funds were diverted.', messageId: 'credibility-verb' },
    { text: 'The developer [[boasted]] that sales had doubled.', messageId: 'credibility-verb' },
    { text: '“Sales doubled,” the developer [[boasted]].', messageId: 'credibility-verb', why: 'postposed cue after a quotation' },
  ],
});

describe('sourcing analyzer', () => {
  const pipeline = createPipeline({ analyzers: [sourcing] });

  it('is registered and recommended', () => {
    expect(builtinAnalyzers.sourcing).toBe(sourcing);
    expect(presets.recommended).toContain(sourcing);
  });

  it('ships a valid reporting-verbs lexicon', () => {
    expect(() => compileLexicon(builtinLexicons['en/reporting-verbs'], 'built-in en/reporting-verbs')).not.toThrow();
  });

  it('explains a credibility verb and suggests the neutral "said"', () => {
    const report = pipeline.analyze('The senator claimed that the bill was fair.');
    const [f] = report.findings;
    expect(f.evidence).toMatchObject({ lexicon: 'en/reporting-verbs', entry: 'claim', attribution: 0 });
    expect(f.suggestions).toContain('said');
    expect(f.explanation).toBeTruthy();
    expect(f.severity).toBe('info');
  });

  it('measures attributions, sources and quoted words', () => {
    const text =
      'Maria Lopez, the mayor, said the tunnel would open in May. “We are on schedule,” she said. ' +
      'Critics say the cost doubled. The bridge reportedly needs repairs. Traffic was light on Monday.';
    const report = pipeline.analyze(text);
    assertReportInvariants(report, text);
    const m = report.analyzers.sourcing.metrics;
    expect(m.attributions).toBe(4);
    expect(m.namedPersons).toBe(1);
    expect(m.namedSources).toBe(1);
    expect(m.vagueSources).toBe(1);
    expect(m.vagueShare).toBeCloseTo(1 / 4, 3);
    expect(m.agentlessShare).toBeCloseTo(1 / 4, 3);
    expect(m.writerSentences).toBe(5);
    expect(m.attributedSentences).toBe(2);
    expect(m.quotedWordShare).toBeGreaterThan(0);
    expect(m.attributionsPer100Words).toBeCloseTo((4 * 100) / report.stats.words, 2);
  });

  it('scores unsourced writing higher than sourced reporting, and says why', () => {
    const sourced = pipeline.analyze(
      'The council approved the budget, Mayor Ana Ruiz said on Monday. Ruiz told reporters the vote was close. ' +
        '“We cut waste,” said Tom Reyes, the finance chair. According to the city auditor, spending fell. ' +
        'A report by the state treasury found that debt declined.',
    ).analyzers.sourcing;
    const unsourced = pipeline.analyze(
      'The budget is a triumph of vision. It will transform the city. The cuts are long overdue. ' +
        'Analysts suggest the plan could fail. The vote is expected to be close.',
    ).analyzers.sourcing;
    expect(sourced.score).not.toBeNull();
    expect(unsourced.score).not.toBeNull();
    expect(unsourced.score!).toBeGreaterThan(sourced.score!);
    expect(unsourced.basis).toMatch(/^thinly sourced: /);
    expect(sourced.basis).toMatch(/^well sourced: /);
    expect(unsourced.basis).toMatch(/0 named persons/);
  });

  it('gives no score when there is no writer sentence', () => {
    expect(pipeline.analyze('').analyzers.sourcing.score).toBeNull();
    expect(pipeline.analyze('“We will win.”').analyzers.sourcing.score).toBeNull();
  });

  it('reports the framing verb only above minWeight', () => {
    const strict = createPipeline({ analyzers: [use(sourcing, { options: { minWeight: 0.9 } })] });
    expect(strict.analyze('The senator claimed that the bill was fair.').findings).toEqual([]);
    let error: unknown;
    try {
      createPipeline({ analyzers: [use(sourcing, { options: { minWeight: 2 } })] });
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toContain('minWeight');
  });
});

describe('the S-400 example article', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', 'articles', 's400-india.txt'), 'utf8');
  const report = createPipeline({ analyzers: [sourcing] }).analyze(text);

  it('names one person, with his role, and one vague collective', () => {
    const persons = report.sources.filter((s) => s.type === 'named-person');
    expect(persons.map((s) => s.name)).toEqual(['Dmitry Peskov']);
    expect(persons[0].role).toBe('the press secretary for Russian President Vladimir Putin');
    expect(report.sources.filter((s) => s.type === 'vague-collective').map((s) => s.name)).toEqual(['Analysts']);
  });

  it('finds the agentless "a reported approval" and "is expected to be"', () => {
    const agentless = report.attributions.filter((a) => a.kind === 'agentless').map((a) => a.cue.text);
    expect(agentless).toContain('reported');
    expect(agentless).toContain('is expected');
    const expected = report.attributions.find((a) => a.cue.text === 'is expected');
    expect(expected?.contentParts?.map((p) => p.text)[1]).toMatch(/^to be one of the most high-profile/);
  });

  it('marks the article as thinly sourced', () => {
    expect(report.analyzers.sourcing.basis).toMatch(/^thinly sourced/);
    expect(report.analyzers.sourcing.score!).toBeGreaterThanOrEqual(0.4);
  });
});

describeFixtures('sourcing');
