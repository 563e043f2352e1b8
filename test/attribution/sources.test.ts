/**
 * Source typing and merging, on texts written for these tests: a named person keeps a role, organizations,
 * anonymous and vague sources, documents, agentless attributions with no source, and one source merged across
 * its mentions.
 */
import { parseDocument } from '../../src/document/build';
import type { Attribution, SourceEntity } from '../../src/attribution';

const attribution = (text: string): Attribution => parseDocument(text).attribution;

/** The source of the attribution whose cue is `cue`. */
function sourceOf(a: Attribution, cue: string): SourceEntity | undefined {
  const r = a.relations.find((x) => x.cue.text === cue);
  if (!r) throw new Error(`no relation with cue "${cue}"; cues: ${a.relations.map((x) => x.cue.text).join(', ')}`);
  return a.sources.find((s) => s.id === r.sourceId);
}

describe('source types', () => {
  it('named person, with the title or role kept', () => {
    const a = attribution('Elena Varga, the press secretary for the prime minister, said the visit would go ahead.');
    expect(sourceOf(a, 'said')).toMatchObject({
      name: 'Elena Varga',
      type: 'named-person',
      role: 'the press secretary for the prime minister',
    });
    const titled = attribution('Defense Secretary Alan Brooke said the base would stay open.');
    expect(sourceOf(titled, 'said')).toMatchObject({ name: 'Alan Brooke', type: 'named-person', role: 'Defense Secretary' });
  });

  it('named organization or institution', () => {
    const a = attribution(
      'The Home Office said the rules would change. Reuters reported that talks had resumed. According to the Ministry of Finance, revenue fell.',
    );
    expect(sourceOf(a, 'said')).toMatchObject({ name: 'Home Office', type: 'named-organization' });
    expect(sourceOf(a, 'reported')).toMatchObject({ name: 'Reuters', type: 'named-organization' });
    expect(sourceOf(a, 'According to')).toMatchObject({ name: 'Ministry of Finance', type: 'named-organization' });
  });

  it('a company by the words of its name; a title word that starts the name stays in it', () => {
    const a = attribution(
      'Brightline Energy said prices would rise. Halvard Motors reported a loss. General Motors announced new jobs. Southvale Water admitted the breach.',
    );
    expect(sourceOf(a, 'said')).toMatchObject({ name: 'Brightline Energy', type: 'named-organization' });
    expect(sourceOf(a, 'reported')).toMatchObject({ name: 'Halvard Motors', type: 'named-organization' });
    expect(sourceOf(a, 'announced')).toMatchObject({ name: 'General Motors', type: 'named-organization' });
    expect(sourceOf(a, 'admitted')).toMatchObject({ name: 'Southvale Water', type: 'named-organization' });
  });

  it('a company named again by its first word is the same source, and "it" can refer to it', () => {
    const a = attribution(
      'Brightline Energy said in a statement that prices would rise. Brightline added that demand would fall. It said it had no plans to cut jobs.',
    );
    const company = sourceOf(a, 'said in a statement');
    expect(company).toMatchObject({ name: 'Brightline Energy', type: 'named-organization' });
    expect(sourceOf(a, 'added')).toBe(company);
    expect(sourceOf(a, 'said')).toBe(company);
    expect(a.sources).toHaveLength(1);
  });

  it('a name after a noun for a kind of body is an organization, and so is its later bare mention', () => {
    const a = attribution('The charity Oxfam said aid was blocked. Oxfam added that trucks were waiting.');
    const charity = sourceOf(a, 'said');
    expect(charity).toMatchObject({ name: 'Oxfam', type: 'named-organization' });
    expect(sourceOf(a, 'added')).toBe(charity);
    // first read as a person's name, then shown to be a body: one source, an organization
    const b = attribution('Umbro said sales fell. The sportswear firm Umbro added that it would recover.');
    expect(b.sources).toEqual([expect.objectContaining({ name: 'Umbro', type: 'named-organization', attributions: 2 })]);
  });

  it('a spokesperson for a named body speaks on its record; "the spokesperson" is the latest one', () => {
    const a = attribution(
      'A spokesperson for the Environment Agency said the spill was severe. A spokesman for Mr Hale said he was shocked. The spokesman added that Hale would visit. Marta Hale said nothing.',
    );
    const [agency, forHale, the, hale] = a.relations.map((r) => a.sources.find((x) => x.id === r.sourceId));
    expect(agency).toMatchObject({ name: 'A spokesperson for the Environment Agency', type: 'named-organization' });
    expect(forHale).toMatchObject({ name: 'A spokesman for Mr Hale', type: 'named-person' });
    expect(the).toBe(forHale);
    // the principal is not the spokesman
    expect(hale).toMatchObject({ name: 'Marta Hale', type: 'named-person' });
    expect(hale).not.toBe(forHale);
    const unnamed = attribution('A spokesman who asked not to be named said the talks failed.');
    expect(unnamed.sources[0]).toMatchObject({ type: 'anonymous' });
  });

  it('a surname the tagger reads as a verb is still a name ("Paula Grant told")', () => {
    const a = attribution('Housing Secretary Paula Grant told MPs that the scheme was on track.');
    expect(sourceOf(a, 'told')).toMatchObject({ name: 'Paula Grant', type: 'named-person', role: 'Housing Secretary' });
  });

  it('name words the tagger reads as verbs, and a role word opening the sentence', () => {
    const a = attribution(
      'The Met Office issued a warning. Forecaster Ben Ruiz said gusts reached 80mph. White House Press Secretary Josh Earnest said the plan was fine.',
    );
    expect(sourceOf(a, 'issued')).toMatchObject({ name: 'Met Office', type: 'named-organization' });
    expect(sourceOf(a, 'said')).toMatchObject({ name: 'Ben Ruiz', type: 'named-person', role: 'Forecaster' });
    expect(a.sources.find((x) => x.name === 'Josh Earnest')).toMatchObject({ type: 'named-person', role: 'White House Press Secretary' });
  });

  it('one unnamed member of a group is an anonymous person; the group itself is vague', () => {
    const a = attribution(
      'One resident, who did not want to give her name, said the heating had failed. The resident added that nobody had called. Residents say the landlord ignored them.',
    );
    expect(sourceOf(a, 'said')).toMatchObject({ name: 'One resident', type: 'anonymous' });
    expect(sourceOf(a, 'added')).toBe(sourceOf(a, 'said'));
    expect(sourceOf(a, 'say')).toMatchObject({ name: 'Residents', type: 'vague-collective' });
    expect(sourceOf(attribution('A critic said the film was too long.'), 'said')).toMatchObject({ type: 'anonymous' });
    expect(sourceOf(attribution('Critics said the film was too long.'), 'said')).toMatchObject({ type: 'vague-collective' });
  });

  it('"the firm" refers back to the company just named; another kind of body, or an unnamed one, does not', () => {
    const a = attribution(
      'Brightline Energy said prices would rise. The union said it would strike. The firm added that talks would continue. A leading insurer said claims had doubled.',
    );
    const company = sourceOf(a, 'said');
    expect(company).toMatchObject({ name: 'Brightline Energy' });
    expect(sourceOf(a, 'added')).toBe(company);
    expect(a.sources.find((x) => x.name === 'The union')).toMatchObject({ type: 'named-organization' });
    expect(a.sources.find((x) => x.name === 'A leading insurer')).toMatchObject({ type: 'anonymous' });
    // an acronym may be an agency: "the firm" is not taken to be it
    const b = attribution('The SEC said it would investigate. The firm said it had done nothing wrong.');
    expect(b.sources.map((x) => x.name)).toEqual(['SEC', 'The firm']);
  });

  it('a person is not merged into an organization named after them', () => {
    const a = attribution('The Harlan campaign said the rally would go ahead. Harlan said she was confident.');
    expect(sourceOf(a, 'said')).toMatchObject({ type: 'named-organization' });
    const person = a.sources.find((s) => s.name === 'Harlan');
    expect(person).toMatchObject({ type: 'named-person' });
  });

  it('anonymous: unnamed officials, sources familiar with the talks', () => {
    const a = attribution(
      'A senior official who asked not to be named said the talks had stalled. Sources familiar with the talks said a deal was close.',
    );
    expect(a.relations.map((r) => r.cue.text)).toEqual(['said', 'said']);
    const [first, second] = a.relations.map((r) => a.sources.find((s) => s.id === r.sourceId));
    expect(first).toMatchObject({ type: 'anonymous', name: 'A senior official who asked not to be named' });
    expect(second).toMatchObject({ type: 'anonymous', name: 'Sources familiar with the talks' });
  });

  it('anonymous: a person close to someone, an adjective and its preposition after the noun', () => {
    const a = attribution('A person close to the mayor said the plan was dead. Sources close to the club said the coach would stay.');
    const [first, second] = a.relations.map((r) => a.sources.find((s) => s.id === r.sourceId));
    expect(first).toMatchObject({ type: 'anonymous', name: 'A person close to the mayor' });
    expect(second).toMatchObject({ type: 'anonymous', name: 'Sources close to the club' });
  });

  it('a one-word surname the tagger reads as a verb, after a quotation, is a name ("Parry added")', () => {
    const text = 'The club lost again on Saturday. "We were poor," Parry added.';
    const d = parseDocument(text);
    const s = sourceOf(d.attribution, 'added');
    expect(s).toMatchObject({ name: 'Parry', type: 'named-person' });
    expect(d.attribution.quotationSpeakers.get(0)).toBe(s?.id);
  });

  it('a surname after an honorific that the tagger reads as an adverb is not part of the cue ("As Mr Prior remarks")', () => {
    const a = attribution('The report was delayed again. As Mr Prior remarks, the delay was "entirely avoidable".');
    const r = a.relations.find((x) => x.cue.text === 'remarks');
    expect(r?.source?.text).toBe('Mr Prior');
    expect(a.sources.find((s) => s.id === r?.sourceId)).toMatchObject({ name: 'Prior', type: 'named-person' });
  });

  it('vague collective: analysts, critics, experts, some, many', () => {
    const a = attribution(
      'Analysts said demand is falling. Critics say the plan is vague. Experts warn that prices will rise. Some argue it is too late. Many believe the vote was unfair.',
    );
    for (const cue of ['said', 'say', 'warn', 'argue', 'believe']) expect(sourceOf(a, cue)?.type).toBe('vague-collective');
    for (const r of a.relations) expect(r.kind).toBe('vague');
  });

  it('document or data: a report by …, figures released on …, a study', () => {
    const a = attribution(
      'A report by the World Bank found that poverty fell. Figures released on Tuesday show that exports rose. The study suggests that the drug works.',
    );
    expect(sourceOf(a, 'found')).toMatchObject({ type: 'document', name: 'A report by the World Bank' });
    expect(sourceOf(a, 'show')).toMatchObject({ type: 'document', name: 'Figures' });
    expect(sourceOf(a, 'suggests')).toMatchObject({ type: 'document', name: 'The study' });
  });

  it('none: an agentless attribution has no source, and a thing as subject names no one', () => {
    const a = attribution('The bill is expected to pass. These results demonstrate that the policy failed.');
    const expected = a.relations.find((r) => r.cue.text === 'is expected');
    expect(expected).toMatchObject({ kind: 'agentless' });
    expect(expected?.sourceId).toBeUndefined();
    // "These results" is a thing, not a source: the relation is agentless
    const demonstrate = a.relations.find((r) => r.cue.text === 'demonstrate');
    expect(demonstrate).toMatchObject({ kind: 'agentless' });
    expect(demonstrate?.sourceId).toBeUndefined();
    expect(a.sources).toEqual([]);
  });
});

describe('merging mentions', () => {
  it('merges a full name, the surname and a pronoun into one source', () => {
    const text =
      'Elena Varga, the press secretary, said the visit would go ahead. Varga later told reporters that the date was fixed. She said the talks would be short.';
    const a = attribution(text);
    expect(a.sources).toHaveLength(1);
    const [s] = a.sources;
    expect(s).toMatchObject({ name: 'Elena Varga', type: 'named-person', role: 'the press secretary', attributions: 3 });
    expect(s.mentions.map((m) => m.text)).toEqual(['Elena Varga, the press secretary', 'Varga', 'She']);
    for (const m of s.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps two people with one surname apart', () => {
    const a = attribution('Hanna Weber said the plan was sound. Jonas Weber said it was not.');
    expect(a.sources.map((s) => s.name)).toEqual(['Hanna Weber', 'Jonas Weber']);
  });

  it('resolves a relative pronoun to the phrase it refers to', () => {
    const a = attribution('The union, which said the offer was too low, called a strike.');
    const r = a.relations.find((x) => x.cue.text === 'said');
    expect(r?.source?.text).toBe('which');
    expect(a.sources.find((s) => s.id === r?.sourceId)).toMatchObject({ name: 'The union', type: 'named-organization' });
  });

  it('leaves an unresolvable pronoun anonymous rather than guessing', () => {
    const a = attribution('He said the vote was rigged.');
    expect(a.sources).toHaveLength(1);
    expect(a.sources[0]).toMatchObject({ name: 'He', type: 'anonymous' });
  });
});

describe('capitalised plurals at the start of a sentence', () => {
  const typeOf = (text: string): string | undefined => sourceOf(parseDocument(text).attribution, 'said')?.type;
  it('reads "Prosecutors" and "Traders" as unnamed groups, not names', () => {
    expect(typeOf('Prosecutors said the firm had hidden its losses.')).not.toBe('named-person');
    expect(typeOf('Traders said the market would fall.')).not.toBe('named-person');
  });
  it('keeps surnames that end in -s as names, including one whose singular is a given name', () => {
    expect(typeOf('Rogers said the firm had hidden its losses.')).toBe('named-person');
    expect(typeOf('Edwards said the market would fall.')).toBe('named-person');
  });
});

describe('parties and groups of legislators', () => {
  const typeOf = (text: string): string | undefined => sourceOf(parseDocument(text).attribution, 'said')?.type;
  it('a party is an organization and "MPs" a group, not people with those names', () => {
    expect(typeOf('Labour said the plan would fail.')).toBe('named-organization');
    expect(typeOf('MPs said the plan would fail.')).toBe('vague-collective');
  });
  it('the office holder of an organization is the person named after the title', () => {
    const a = attribution('White House Press Secretary Robert Gibbs said the plan would fail.');
    expect(sourceOf(a, 'said')).toMatchObject({ name: 'Robert Gibbs', type: 'named-person', role: 'White House Press Secretary' });
    expect(sourceOf(attribution('Labor Secretary Tom Perez said the plan would fail.'), 'said')).toMatchObject({
      name: 'Tom Perez',
      type: 'named-person',
    });
    expect(sourceOf(attribution('The Ministry of Foreign Affairs said the plan would fail.'), 'said')?.type).toBe('named-organization');
  });
});
