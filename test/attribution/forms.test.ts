/**
 * Attribution forms of news writing, on texts written for these tests: each test names the form and checks the
 * cue, source and content spans, the kind, and the speaker of quotations.
 */
import { parseDocument } from '../../src/document/build';
import type { Attribution, AttributionRelation } from '../../src/attribution';

function attribution(text: string): Attribution {
  const a = parseDocument(text).attribution;
  // every span is an exact slice of the text
  for (const r of a.relations) {
    for (const s of [r.cue, r.source, ...r.contentParts].filter((x) => x !== undefined)) expect(text.slice(s!.start, s!.end)).toBe(s!.text);
  }
  return a;
}

/** The relation whose cue text is `cue` (the first, or the n-th). */
function rel(a: Attribution, cue: string, n = 0): AttributionRelation {
  const found = a.relations.filter((r) => r.cue.text === cue);
  if (!found[n]) throw new Error(`no relation with cue "${cue}"; cues: ${a.relations.map((r) => r.cue.text).join(', ')}`);
  return found[n];
}

const content = (r: AttributionRelation): string[] => r.contentParts.map((p) => p.text);
const sourceName = (a: Attribution, r: AttributionRelation): string | undefined => a.sources.find((s) => s.id === r.sourceId)?.name;

describe('attribution forms', () => {
  it('"…," X said', () => {
    const a = attribution('“We will not back down,” Maria Lopez said.');
    const r = rel(a, 'said');
    expect(r.source?.text).toBe('Maria Lopez');
    expect(content(r)).toEqual(['“We will not back down,”']);
    expect(r.kind).toBe('direct-quote');
    expect(a.quotationSpeakers.get(0)).toBe(r.sourceId);
  });

  it("''…,'' said X (two apostrophes as quotation marks)", () => {
    const a = attribution("''The budget is fair,'' said Tom Harris, the finance minister.");
    const r = rel(a, 'said');
    expect(r.source?.text).toBe('Tom Harris, the finance minister');
    expect(content(r)).toEqual(["''The budget is fair,''"]);
    expect(r.kind).toBe('direct-quote');
  });

  it('a name then a verb in -ed and a preposition is the clause, not a participle modifying the name', () => {
    const a = attribution('Earlier in the week, Maria Lopez called for a new inquiry into the contracts.');
    expect(rel(a, 'called for').source?.text).toBe('Maria Lopez');
    const b = attribution('Tom Harris argued during the debate that the budget was fair.');
    expect(rel(b, 'argued during the debate').source?.text).toBe('Tom Harris');
    // a participle that modifies its noun (the clause's verb follows): the noun is no source of it
    const c = attribution('The figures released on Tuesday showed a slowdown.');
    expect(c.relations.filter((r) => r.cue.text.startsWith('released')).map((r) => r.source?.text)).not.toContain('The figures');
  });

  it('"…?" asked X: the question mark ends the sentence, the quotation is still the cue\'s', () => {
    const a = attribution('“Why should the vote be taken from him?” asked Tom Harris, a radio host.');
    const r = rel(a, 'asked');
    expect(r.source?.text).toBe('Tom Harris, a radio host');
    expect(content(r)).toEqual(['“Why should the vote be taken from him?”']);
  });

  it('a reporting verb the tagger reads as a noun after a plural subject ("polls show", "economists say")', () => {
    expect(rel(attribution('Polls show voters trust the mayor more than her rival.'), 'show').source?.text).toBe('Polls');
    expect(rel(attribution('Many economists say is the future of the region.'), 'say').source?.text).toBe('Many economists');
  });

  it('a quantifier floated off the subject and "since" join the verb group ("have all attacked", "has since said")', () => {
    expect(rel(attribution('Tom Harris and Ann Lee have all attacked the plan as waste.'), 'have all attacked').source?.text).toBe(
      'Tom Harris and Ann Lee',
    );
    expect(rel(attribution('They both said the vote was fair.'), 'both said').source?.text).toBe('They');
    expect(rel(attribution('She has since said that she regrets the vote.'), 'has since said').source?.text).toBe('She');
  });

  it('"…, writing that …" shares the clause subject, not the possessive of a noun cue before it', () => {
    const a = attribution(
      "Tom Harris made a third attempt to deflect Ann Lee's criticism of the plan, writing on Twitter that the plan was fine.",
    );
    expect(rel(a, 'criticism of').source?.text).toBe('Ann Lee');
    expect(sourceName(a, rel(a, 'writing on Twitter'))).toBe('Tom Harris');
  });

  it('"…," said X, with an appositive role', () => {
    const a = attribution('“The budget is fair,” said Tom Harris, the finance minister.');
    const r = rel(a, 'said');
    expect(r.source?.text).toBe('Tom Harris, the finance minister');
    expect(content(r)).toEqual(['“The budget is fair,”']);
    expect(a.sources.find((s) => s.id === r.sourceId)).toMatchObject({
      name: 'Tom Harris',
      type: 'named-person',
      role: 'the finance minister',
    });
  });

  it('X said (that) …', () => {
    const withThat = rel(attribution('Lopez said that the plan would pass.'), 'said');
    expect(withThat.source?.text).toBe('Lopez');
    expect(content(withThat)).toEqual(['the plan would pass']);
    expect(withThat.kind).toBe('indirect');
    const without = rel(attribution('Lopez said the plan would pass.'), 'said');
    expect(content(without)).toEqual(['the plan would pass']);
  });

  it('According to X, … and …, according to X', () => {
    const front = rel(attribution('According to the Ministry of Finance, the deficit fell.'), 'According to');
    expect(front).toMatchObject({ kind: 'according-to', source: { text: 'the Ministry of Finance' } });
    expect(content(front)).toEqual(['the deficit fell']);
    const back = rel(attribution('The deficit fell sharply, according to Reuters.'), 'according to');
    expect(back.source?.text).toBe('Reuters');
    expect(content(back)).toEqual(['The deficit fell sharply']);
  });

  it('According to X, where the tagger reads the noun after "to" as a verb', () => {
    const group = rel(attribution('According to campaign group Rivers First, spills rose by 30% last year.'), 'According to');
    expect(group.source?.text).toBe('campaign group Rivers First');
    expect(content(group)).toEqual(['spills rose by 30% last year']);
    const reports = rel(attribution('According to reports, the minister resigned.'), 'According to');
    expect(reports.source?.text).toBe('reports');
    // a preposition's object stays in the source ("figures from the ONS"), a new phrase does not ("told Reuters the vote")
    const figures = rel(attribution('According to figures from the Office for National Statistics, prices rose.'), 'According to');
    expect(figures.source?.text).toBe('figures from the Office for National Statistics');
  });

  it('X told Reuters …: the person addressed is neither source nor content', () => {
    const r = rel(attribution('Harris told Reuters the vote was close.'), 'told');
    expect(r.source?.text).toBe('Harris');
    expect(content(r)).toEqual(['the vote was close']);
  });

  it('…, X said. at the end of a sentence', () => {
    const r = rel(attribution('The talks collapsed on Friday, Lopez said.'), 'said');
    expect(r.source?.text).toBe('Lopez');
    expect(content(r)).toEqual(['The talks collapsed on Friday']);
  });

  it('X said in a statement: the medium belongs to the cue', () => {
    const r = rel(attribution('The company said in a statement that profits rose.'), 'said in a statement');
    expect(r.source?.text).toBe('The company');
    expect(content(r)).toEqual(['profits rose']);
  });

  it('reporting verbs: stated, claimed, insisted, admitted, warned, added, wrote, tweeted', () => {
    const a = attribution(
      'The agency stated that no one was hurt. The senator insisted that the bill was fair. ' +
        'The mayor warned that taxes would rise. Smith wrote on Twitter that he was innocent. ' +
        'The minister tweeted that the deal was done. The driver admitted that he had been speeding. ' +
        'The firm claimed that the fire was an accident. He added that more cuts were coming.',
    );
    const cues = a.relations.map((r) => r.cue.text);
    for (const cue of ['stated', 'insisted', 'warned', 'wrote on Twitter', 'tweeted', 'admitted', 'claimed', 'added'])
      expect(cues).toContain(cue);
    expect(rel(a, 'claimed').cueClass).toBe('credibility');
    expect(rel(a, 'tweeted').cueClass).toBe('speech');
  });

  it('a quotation interrupted by the cue: both parts are one content', () => {
    const r = rel(attribution('“Inflation is falling,” she said, “and wages are rising.”'), 'said');
    expect(content(r)).toEqual(['“Inflation is falling,”', '“and wages are rising.”']);
  });

  it('a quotation continued in the next sentences belongs to the same speaker', () => {
    const a = attribution(
      '“We expect rates to hold,” said Jane Okafor, an economist. “There is no reason for panic.”\n\nThe bank meets next week.',
    );
    const r = rel(a, 'said');
    expect(content(r)).toEqual(['“We expect rates to hold,”', '“There is no reason for panic.”']);
    expect(a.quotationSpeakers.get(1)).toBe(r.sourceId);
    expect(a.sentenceContent[1]).toContain(r.index);
  });

  it('a multi-paragraph quotation: one content, one speaker', () => {
    const text =
      'Ana Silva, the party leader, set out her plans.\n\n' +
      '“The first thing we will do is fix the roads. Every village needs a road.\n\n' +
      '“The second thing is schools. Children walk hours to reach one.\n\n' +
      '“The third is clinics,” she said.';
    const a = attribution(text);
    const r = rel(a, 'said');
    expect(r.contentParts).toHaveLength(1);
    expect(r.contentParts[0].text.startsWith('“The first thing')).toBe(true);
    expect(r.contentParts[0].text.endsWith('clinics,”')).toBe(true);
    expect(sourceName(a, r)).toBe('Ana Silva');
    expect(a.quotationSpeakers.get(0)).toBe(r.sourceId);
  });

  it('a quotation whose speaker is named in the previous sentence, or in the next one', () => {
    const before = attribution('The governor, Paul Mensah, arrived late. “We are confident in the plan.”');
    expect(before.sources.find((s) => s.id === before.quotationSpeakers.get(0))?.name).toBe('Paul Mensah');
    const after = attribution('“We are ready for the vote.” Dana Kerr made the remark at a rally in Leeds.');
    expect(after.sources.find((s) => s.id === after.quotationSpeakers.get(0))?.name).toBe('Dana Kerr');
  });

  it('pronoun speakers resolve to the nearest fitting named person', () => {
    const she = attribution('Maria Lopez met Tom Harris on Monday. “It went well,” she said.');
    expect(sourceName(she, rel(she, 'said'))).toBe('Maria Lopez');
    const he = attribution('Maria Lopez met Tom Harris on Monday. “It went well,” he said.');
    expect(sourceName(he, rel(he, 'said'))).toBe('Tom Harris');
    expect(rel(he, 'said').source?.text).toBe('he');
  });

  it('agentless forms: it was reported, is expected to, reportedly, allegedly, a reported …', () => {
    const a = attribution(
      'It was reported that the factory would close. The bill is expected to pass next week. ' +
        'The minister reportedly resigned on Friday. The suspect allegedly fled the country. ' +
        'The firm welcomed a reported offer from its rival.',
    );
    for (const cue of ['was reported', 'is expected', 'reportedly', 'allegedly', 'reported']) {
      const r = rel(a, cue);
      expect(r.kind).toBe('agentless');
      expect(r.source).toBeUndefined();
      expect(r.sourceId).toBeUndefined();
    }
    expect(content(rel(a, 'is expected'))).toEqual(['The bill', 'to pass next week']);
    expect(content(rel(a, 'reported'))).toEqual(['offer from its rival']);
  });

  it('reports per sentence which attributions it carries', () => {
    const a = attribution('Prices rose. Lopez said the plan would pass. The sky is blue.');
    expect(a.sentenceRelations.map((x) => x.length)).toEqual([0, 1, 0]);
  });

  it('finds nothing in text without attribution, and copes with empty text', () => {
    expect(attribution('The river rose overnight and the bridge closed.').relations).toEqual([]);
    const empty = attribution('');
    expect(empty).toMatchObject({ relations: [], sources: [], sentenceRelations: [] });
  });

  it('headline colons: "Name: …", "Name to Audience: …"', () => {
    const a = attribution('Clinton to Voters: Trump Will Raise Your Taxes.\n\nHillary Clinton spoke in Ohio on Monday.');
    const r = rel(a, ':');
    expect(r.source?.text).toBe('Clinton');
    expect(content(r)).toEqual(['Trump Will Raise Your Taxes']);
    const named = attribution('Ann Keller: The Budget Is A Trap.\n\nThe column ran on Monday.');
    expect(rel(named, ':').source?.text).toBe('Ann Keller');
    const label = attribution('Breaking: Mayor Used City Car.\n\nThe mayor denied it.');
    expect(label.relations.map((x) => x.cue.text)).not.toContain(':');
  });

  it('is computed once per document', () => {
    const doc = parseDocument('Lopez said the plan would pass.');
    expect(doc.attribution).toBe(doc.attribution);
  });

  it('a predicative adjective before its complement is a cue ("is confident that")', () => {
    const r = rel(attribution('The mayor is confident that the budget will pass.'), 'is confident');
    expect(r.source?.text).toBe('The mayor');
    expect(content(r)).toEqual(['the budget will pass']);
  });

  it('a passive feeling with no agent: its subject is the source ("is worried about")', () => {
    const a = attribution('The head of the union is worried about the new timetable.');
    const r = rel(a, 'is worried about');
    expect(r.source?.text).toBe('The head of the union');
    expect(content(r)).toEqual(['the new timetable']);
    // a passive with an agent keeps the agent as source
    const b = attribution('The plan was criticized by the council.');
    expect(rel(b, 'was criticized').source?.text).toBe('the council');
  });

  it('a name word the tagger reads as a verb stays in the source ("Mr. Peck of …", "said … Ada Welch")', () => {
    const a = attribution("Even Mr. Peck of Lakeside Bank doesn't expect a deal before spring.");
    expect(rel(a, "doesn't expect").source?.text).toBe('Mr. Peck of Lakeside Bank');
    const b = attribution('"It was a fair hearing," said Representative Ada Welch, who chairs the panel.');
    expect(rel(b, 'said').source?.text).toMatch(/^Representative Ada Welch/u);
  });

  it('a source phrase with a modifier the tagger misreads ("an Associated Press survey", "a new nationwide poll", "the same polling")', () => {
    expect(
      rel(attribution('Ticket sales rose, according to an Associated Press survey of county clerks.'), 'according to').source?.text,
    ).toBe('an Associated Press survey of county clerks');
    expect(rel(attribution('Turnout rose, according to a new nationwide poll.'), 'according to').source?.text).toBe(
      'a new nationwide poll',
    );
    expect(rel(attribution('But the same polling suggests that the mayor could win.'), 'suggests').source?.text).toBe('the same polling');
  });

  it('a subject after a subordinating word is no object of the verb before it ("as the heckler yelled", "after it announced")', () => {
    expect(rel(attribution('The minister paused as the heckler yelled: "Resign!"'), 'yelled:').source?.text).toBe('the heckler');
    expect(rel(attribution('The shares fell after it announced a loss.'), 'announced').source?.text).toBe('it');
  });
});
