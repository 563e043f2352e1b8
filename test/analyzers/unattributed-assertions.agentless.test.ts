/**
 * Which agentless relations of the attribution layer become "no source named" findings (src/claims/agentless.ts),
 * checked with a stand-in attribution layer so that the analyzer's decision is tested whatever the detector finds,
 * and passives of attribution verbs with no agent, checked through the default pipeline. Texts written for these tests.
 */
import { use } from '../../src/analyzer';
import { unattributedAssertions } from '../../src/analyzers/unattributed-assertions';
import type { Attribution, AttributionRelation } from '../../src/attribution/types';
import { defineLayer, SlantDocument } from '../../src/document';
import { parseDocument } from '../../src/document/build';
import { createPipeline } from '../../src/pipeline';

const pipeline = createPipeline({ analyzers: [use(unattributedAssertions)] });

interface StandIn {
  /** The cue's words, and the head word if it is not the last of them. */
  cue: string;
  head?: string;
  /** A source phrase the layer found but did not resolve to an entity. */
  source?: string;
  confidence?: number;
  /**
   * The type of the entity the source resolved to: a vague collective makes a vague relation, an unnamed person an
   * indirect one (default: an agentless relation, no entity).
   */
  sourceType?: 'vague-collective' | 'anonymous';
}

/** The text analysed with one agentless relation as its whole attribution layer. */
function withAgentless(text: string, r: StandIn) {
  const parsed = parseDocument(text);
  const span = (phrase: string, from = 0) => {
    const start = text.indexOf(phrase, from);
    if (start < 0) throw new Error(`"${phrase}" not in the text`);
    return { start, end: start + phrase.length, text: phrase };
  };
  const cue = span(r.cue);
  const relation = {
    index: 0,
    kind: r.sourceType === 'vague-collective' ? 'vague' : r.sourceType ? 'indirect' : 'agentless',
    cue,
    cueLemma: r.head ?? r.cue,
    cueHead: r.head ? span(r.head, cue.start) : cue,
    cueClass: 'speech',
    contentParts: [],
    sentence: parsed.tokens[parsed.tokenIndexAt(cue.start)].sentence,
    confidence: r.confidence ?? 0.9,
    ...(r.source ? { source: span(r.source) } : {}),
    ...(r.sourceType ? { sourceId: 'source-0' } : {}),
  } as unknown as AttributionRelation;
  const sentenceRelations = parsed.sentences.map((s) => (s.index === relation.sentence ? [0] : []));
  const attribution = {
    relations: [relation],
    sources: r.sourceType ? [{ id: 'source-0', type: r.sourceType, mentions: [] }] : [],
    quotationSpeakers: new Map(),
    sentenceRelations,
    sentenceContent: parsed.sentences.map(() => []),
  } as unknown as Attribution;
  const { tokens, sentences, paragraphs, quotations } = parsed;
  const doc = new SlantDocument({
    text,
    tokens,
    sentences,
    paragraphs,
    quotations,
    attribution: defineLayer('stand-in', () => attribution),
  });
  return pipeline.analyzeDocument(doc);
}

const noSourceFindings = (report: ReturnType<typeof pipeline.analyze>) =>
  report.findings
    .filter((f) => f.category === 'agentless-attribution' || f.category === 'vague-attribution')
    .map((f) => ({ text: f.span.text, rule: (f.evidence as { rule?: string }).rule, voice: f.voice }));

describe('agentless relations of the attribution layer', () => {
  it('reports a passive even after a name: its subject is what is reported on, not who reports', () => {
    const report = withAgentless('Mayor Lindqvist was heckled at the ferry meeting.', { cue: 'was heckled', head: 'heckled' });
    expect(noSourceFindings(report)).toEqual([{ text: 'was heckled', rule: 'attribution/agentless-relation', voice: 'writer' }]);
  });

  it('does not report a verb whose source phrase names someone the layer did not resolve', () => {
    const report = withAgentless("Halvorsen's team thinks the vote in the valley will be close.", {
      cue: 'thinks',
      source: "Halvorsen's team",
    });
    expect(noSourceFindings(report)).toEqual([]);
  });

  it('reports a verb whose source phrase names no one', () => {
    const report = withAgentless('Two new surveys show the race in the valley tightening.', { cue: 'show', source: 'Two new surveys' });
    expect(noSourceFindings(report)).toEqual([{ text: 'show', rule: 'attribution/agentless-relation', voice: 'writer' }]);
  });

  it('reports a verb after a common noun that names no one, not after a named group', () => {
    expect(noSourceFindings(withAgentless('In the valley, several engineers believe the old bridge is safe.', { cue: 'believe' }))).toEqual(
      [{ text: 'believe', rule: 'attribution/agentless-relation', voice: 'writer' }],
    );
    expect(
      noSourceFindings(withAgentless("In the valley, Halvorsen's engineers believe the old bridge is safe.", { cue: 'believe' })),
    ).toEqual([]);
  });

  it('reports an attributive participle even after a possessive: the possessive is not who alleges', () => {
    const report = withAgentless("Councillor Brandt's alleged misuse of funds led to his resignation.", { cue: 'alleged' });
    expect(noSourceFindings(report)).toEqual([{ text: 'alleged', rule: 'attribution/agentless-relation', voice: 'writer' }]);
  });

  it('reports an appearance verb followed by a judgement, not one followed by a place ("appeared in three films")', () => {
    expect(noSourceFindings(withAgentless('By Friday the mayor looked much weaker in the polls.', { cue: 'looked' }))).toEqual([
      { text: 'looked', rule: 'attribution/agentless-relation', voice: 'writer' },
    ]);
    expect(noSourceFindings(withAgentless('Since then the singer has appeared in three films.', { cue: 'appeared' }))).toEqual([]);
  });

  it('does not report "look to" (aiming) or "sound" with an object ("sounded a cautious note")', () => {
    expect(noSourceFindings(withAgentless('By Friday the mayor looked to cut the ferry fares.', { cue: 'looked' }))).toEqual([]);
    expect(noSourceFindings(withAgentless('By Friday the mayor was looking ahead to the vote.', { cue: 'looking' }))).toEqual([]);
    expect(noSourceFindings(withAgentless('By Friday the mayor sounded a cautious note on fares.', { cue: 'sounded' }))).toEqual([]);
    expect(noSourceFindings(withAgentless('By Friday the mayor sounded tired of the fares.', { cue: 'sounded' }))).toEqual([
      { text: 'sounded', rule: 'attribution/agentless-relation', voice: 'writer' },
    ]);
  });

  it('reports a reduced passive after "when" and a participle the tagger reads as an adjective', () => {
    expect(noSourceFindings(withAgentless('When questioned about the delays, the mayor left the room.', { cue: 'questioned' }))).toEqual([
      { text: 'questioned', rule: 'attribution/agentless-relation', voice: 'writer' },
    ]);
    expect(
      noSourceFindings(withAgentless('In the end the figures were exaggerated.', { cue: 'were exaggerated', head: 'exaggerated' })),
    ).toEqual([{ text: 'were exaggerated', rule: 'attribution/agentless-relation', voice: 'writer' }]);
  });

  it('does not report a verb whose subject is the clause before it ("… and urged")', () => {
    const report = withAgentless('The board approved the ferry timetable and urged residents to comment on it.', { cue: 'urged' });
    expect(noSourceFindings(report)).toEqual([]);
  });

  it('does not report a gerund that takes the subject of its verb ("began saying")', () => {
    const report = withAgentless('The company began saying last spring that the mill would close.', { cue: 'saying' });
    expect(noSourceFindings(report)).toEqual([]);
  });

  it('does not report an attribution noun with a holder ("his pledges"), and reports one with none', () => {
    expect(noSourceFindings(withAgentless('The governor repeated his pledges of new jobs for the valley.', { cue: 'pledges' }))).toEqual(
      [],
    );
    expect(noSourceFindings(withAgentless('The ferry operator issued a statement on the delays.', { cue: 'statement' }))).toEqual([]);
    expect(noSourceFindings(withAgentless('There were fresh pledges of new jobs for the valley.', { cue: 'pledges' }))).toEqual([
      { text: 'pledges', rule: 'attribution/agentless-relation', voice: 'writer' },
    ]);
  });

  it('does not report an attribution noun the layer is unsure of', () => {
    const report = withAgentless('There were fresh pledges of new jobs for the valley.', { cue: 'pledges', confidence: 0.3 });
    expect(noSourceFindings(report)).toEqual([]);
  });
});

describe('vague relations of the attribution layer', () => {
  it('reports a written-out source that names no one, which no lexicon phrase covers', () => {
    const report = withAgentless('Some shipyard workers said the new crane was unsafe.', {
      cue: 'said',
      source: 'Some shipyard workers',
      sourceType: 'vague-collective',
    });
    expect(noSourceFindings(report)).toEqual([{ text: 'Some shipyard workers said', rule: 'attribution/vague-relation', voice: 'writer' }]);
  });

  it('spans the source alone when other words stand between it and its cue', () => {
    const report = withAgentless('Some shipyard workers, in a letter on Monday, said the new crane was unsafe.', {
      cue: 'said',
      source: 'Some shipyard workers',
      sourceType: 'vague-collective',
    });
    expect(noSourceFindings(report)).toEqual([{ text: 'Some shipyard workers', rule: 'attribution/vague-relation', voice: 'writer' }]);
  });

  it('does not report a group with a name in it or before it, nor a pronoun', () => {
    const named = { cue: 'said', sourceType: 'vague-collective' as const };
    expect(
      noSourceFindings(withAgentless('Some Halvorsen voters said the crane was unsafe.', { ...named, source: 'Some Halvorsen voters' })),
    ).toEqual([]);
    expect(
      noSourceFindings(withAgentless("In Tromsø, Halvorsen's voters said the crane was unsafe.", { ...named, source: 'voters' })),
    ).toEqual([]);
    expect(noSourceFindings(withAgentless('On Monday they said the crane was unsafe.', { ...named, source: 'they' }))).toEqual([]);
  });

  it('does not report a group whose first word the text capitalises inside a sentence too (a proper adjective)', () => {
    const text = 'The Democratic mayor lost on Monday. Democratic voters said the new crane was unsafe.';
    expect(noSourceFindings(withAgentless(text, { cue: 'said', source: 'Democratic voters', sourceType: 'vague-collective' }))).toEqual([]);
    const common = 'The mayor lost on Monday. Many voters said the new crane was unsafe.';
    expect(noSourceFindings(withAgentless(common, { cue: 'said', source: 'Many voters', sourceType: 'vague-collective' }))).toEqual([
      { text: 'Many voters said', rule: 'attribution/vague-relation', voice: 'writer' },
    ]);
  });

  it('does not report the noun before a passive or an unambiguous participle: it is acted on, not a source', () => {
    const stand = { sourceType: 'vague-collective' as const };
    expect(
      noSourceFindings(
        withAgentless('Many residents were encouraged to leave the valley.', {
          ...stand,
          cue: 'were encouraged',
          source: 'Many residents',
        }),
      ),
    ).toEqual([]);
    expect(
      noSourceFindings(
        withAgentless('Many of the letters written by residents were lost.', { ...stand, cue: 'written', source: 'Many of the letters' }),
      ),
    ).toEqual([]);
    // an agent after the passive is its source: reported
    expect(
      noSourceFindings(
        withAgentless('The plan was criticised by many residents.', { ...stand, cue: 'was criticised', source: 'many residents' }),
      ),
    ).toEqual([{ text: 'many residents', rule: 'attribution/vague-relation', voice: 'writer' }]);
    // "said" may be a past tense: still reported
    expect(
      noSourceFindings(withAgentless('Many residents said the valley was unsafe.', { ...stand, cue: 'said', source: 'Many residents' })),
    ).toEqual([{ text: 'Many residents said', rule: 'attribution/vague-relation', voice: 'writer' }]);
  });

  it('leaves quoted words to their speaker', () => {
    const report = withAgentless('"Some shipyard workers said the crane was unsafe," Okafor wrote.', {
      cue: 'said',
      source: 'Some shipyard workers',
      sourceType: 'vague-collective',
    });
    expect(noSourceFindings(report)).toEqual([]);
  });
});

describe('relations whose source is an unnamed person', () => {
  it('reports an indefinite or bare source phrase that names no one', () => {
    const one = { cue: 'said', sourceType: 'anonymous' as const };
    expect(
      noSourceFindings(withAgentless('A harbour pilot said the new crane was unsafe.', { ...one, source: 'A harbour pilot' })),
    ).toEqual([{ text: 'A harbour pilot said', rule: 'attribution/vague-relation', voice: 'writer' }]);
    expect(
      noSourceFindings(withAgentless('Two ferry inspectors said the crane was unsafe.', { ...one, source: 'Two ferry inspectors' })),
    ).toEqual([{ text: 'Two ferry inspectors said', rule: 'attribution/vague-relation', voice: 'writer' }]);
  });

  it('does not report a definite or possessive one, which points back to someone named', () => {
    const one = { cue: 'said', sourceType: 'anonymous' as const };
    expect(
      noSourceFindings(withAgentless('The harbour pilot said the crane was unsafe.', { ...one, source: 'The harbour pilot' })),
    ).toEqual([]);
    expect(noSourceFindings(withAgentless('Later his lawyer said the crane was unsafe.', { ...one, source: 'his lawyer' }))).toEqual([]);
    expect(
      noSourceFindings(withAgentless("Later the union's lawyer said the crane was unsafe.", { ...one, source: "the union's lawyer" })),
    ).toEqual([]);
  });
});

describe('passives of attribution verbs with no agent', () => {
  const findings = (text: string) => noSourceFindings(pipeline.analyze(text));

  it('reports one that no lexicon phrase covers, after a name too', () => {
    expect(findings('Mayor Lindqvist was lambasted as out of touch at the town meeting.')).toEqual([
      { text: 'was lambasted', rule: 'attribution/attribution-verb-passive', voice: 'writer' },
    ]);
  });

  it('does not report one with a "by" agent, a participle of feeling, or a duty', () => {
    expect(findings('The harbour plan was lambasted by the union on Monday.')).toEqual([]);
    expect(findings('The minister was convinced that the reform would pass.')).toEqual([]);
    expect(findings('Residents are supposed to sort their rubbish into four bins.')).toEqual([]);
  });

  it('leaves quoted words to their speaker', () => {
    expect(findings('"The harbour plan was lambasted from the start," Okafor said.')).toEqual([]);
  });
});

describe('lexicon phrases with a holder or a named outlet', () => {
  const findings = (text: string) => noSourceFindings(pipeline.analyze(text)).map((f) => f.text);

  it('does not report an attribution noun whose holder stands further back in its phrase', () => {
    expect(findings("Marsh's recent public criticism of the toll plan drew a crowd.")).toEqual([]);
    expect(findings('There was recent public criticism of the toll plan.')).toEqual(['criticism of']);
  });

  it('does not report the reports of a named outlet as vague', () => {
    expect(findings('The Associated Press reports that the ferry will resume on Monday.')).toEqual([]);
    expect(findings('News reports say the ferry will resume on Monday.')).toEqual(['News reports']);
  });

  it('does not report "according to" a group whose phrase goes on to name it', () => {
    expect(findings('The ferry will resume on Monday, according to several senior Halvorsen aides.')).toEqual([]);
    expect(findings('The ferry will resume on Monday, according to members of the Harbour Council.')).toEqual([]);
    expect(findings('The ferry will resume on Monday, according to several senior aides.')).toEqual(['according to several']);
  });

  it("reports the question put to a source even where the source's content runs over it", () => {
    expect(findings('Asked about the delays, the ferry would resume on Monday, Okafor said.')).toEqual(['Asked']);
  });

  it('reports what no one is said to know or be able to tell', () => {
    expect(findings('It is hard to know whether the ferry will resume on Monday.')).toEqual(['It is hard to know']);
    expect(findings('It is too soon to say whether the toll will rise.')).toEqual(['It is too soon to say']);
  });
});
