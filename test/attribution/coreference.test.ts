/**
 * Coreference of source mentions, on short texts written for these tests (one or more per kind of issue #16):
 * descriptions of organisations and people link to the source named before; "it"/"its" to organisations and "they"
 * to groups; a source's name is its fullest mention and every mention is listed with its span; quotation speakers
 * are people or organisations (never a place, a date or a plural noun), hold over continued quotations, and resolve
 * through descriptions. Each case asserts the resolved entity's exact name, type and mention spans.
 */
import { parseDocument } from '../../src/document/build';
import type { Attribution, SourceEntity } from '../../src/attribution';

interface Case {
  text: string;
  a: Attribution;
}

const read = (text: string): Case => ({ text, a: parseDocument(text).attribution });

/** The source of the attribution whose source phrase is `phrase` (the n-th such relation). */
function sourceOf(c: Case, phrase: string, n = 0): SourceEntity | undefined {
  const rs = c.a.relations.filter((x) => x.source?.text === phrase);
  if (!rs[n]) throw new Error(`no relation with source "${phrase}"; sources: ${c.a.relations.map((x) => x.source?.text).join(' | ')}`);
  return c.a.sources.find((s) => s.id === rs[n].sourceId);
}

/** The speaker of quotation `q`. */
function speakerOf(c: Case, q: number): SourceEntity | undefined {
  const id = c.a.quotationSpeakers.get(q);
  return c.a.sources.find((s) => s.id === id);
}

/** Each mention as [text, start], checked against the text. */
function mentions(c: Case, s: SourceEntity | undefined): Array<[string, number]> {
  if (!s) return [];
  for (const m of s.mentions) expect(c.text.slice(m.start, m.end)).toBe(m.text);
  return s.mentions.map((m) => [m.text, m.start]);
}

/** [text, start] of the first occurrence of `phrase` at or after `from`. */
const at = (c: Case, phrase: string, from = 0): [string, number] => {
  const i = c.text.indexOf(phrase, from);
  if (i < 0) throw new Error(`"${phrase}" not in the text`);
  return [phrase, i];
};

describe('descriptions of organisations refer to the organisation named before', () => {
  it('"the utility" is the water company just named', () => {
    const c = read('Southvale Water said the leak was fixed. The utility added that bills would not rise.');
    const s = sourceOf(c, 'The utility');
    expect(s).toMatchObject({ name: 'Southvale Water', type: 'named-organization', attributions: 2 });
    expect(mentions(c, s)).toEqual([at(c, 'Southvale Water'), at(c, 'The utility')]);
    expect(c.a.sources).toHaveLength(1);
  });

  it('"the lender" and "it" are the bank', () => {
    const c = read(
      'Harlow Bank reported a loss on Monday. The lender said it would cut 200 jobs. It added that its chief executive would stay.',
    );
    const s = sourceOf(c, 'The lender');
    expect(s).toMatchObject({ name: 'Harlow Bank', type: 'named-organization', attributions: 3 });
    expect(sourceOf(c, 'It')).toBe(s);
    expect(mentions(c, s)).toEqual([at(c, 'Harlow Bank'), at(c, 'The lender'), at(c, 'It')]);
  });

  it('a bank named outside any attribution ("Shares in Harlow Bank fell") is the antecedent of "the lender"', () => {
    const c = read('Shares in Harlow Bank fell 5% on Monday. The lender said it would cut 200 jobs.');
    const s = sourceOf(c, 'The lender');
    expect(s).toMatchObject({ name: 'Harlow Bank', type: 'named-organization' });
    expect(mentions(c, s)).toEqual([at(c, 'Harlow Bank'), at(c, 'The lender')]);
  });

  it('"the security company" makes a name first read as a person\'s an organisation, and "it" follows', () => {
    const c = read(
      'Nordpeak Security said the breach was contained. The security company said no data was lost. It added that its staff were safe.',
    );
    const s = sourceOf(c, 'Nordpeak Security');
    expect(s).toMatchObject({ name: 'Nordpeak Security', type: 'named-organization', attributions: 3 });
    expect(sourceOf(c, 'The security company')).toBe(s);
    expect(sourceOf(c, 'It')).toBe(s);
    expect(c.a.sources).toHaveLength(1);
  });

  it('"the carrier" after the airline, as the speaker of a quotation', () => {
    const c = read('Kerrow Airlines said flights would resume. "Safety comes first," the carrier said in a statement.');
    const s = speakerOf(c, 0);
    expect(s).toMatchObject({ name: 'Kerrow Airlines', type: 'named-organization' });
    expect(mentions(c, s)).toEqual([at(c, 'Kerrow Airlines'), at(c, 'the carrier')]);
    expect(sourceOf(c, 'the carrier')).toBe(s);
  });

  it('"the union" is the union, though a company was named since', () => {
    const c = read(
      'The Transport Workers Union said talks had failed. Brightline Energy said prices would rise. The union added that strikes would start on Monday.',
    );
    const s = sourceOf(c, 'The union');
    expect(s).toMatchObject({ name: 'Transport Workers Union', type: 'named-organization' });
    expect(mentions(c, s)).toEqual([at(c, 'The Transport Workers Union'), at(c, 'The union')]);
    expect(sourceOf(c, 'Brightline Energy')?.name).toBe('Brightline Energy');
  });

  it('"the lender" is the bank and "the carrier" the airline, whichever was named last', () => {
    const c = read(
      'Harlow Bank said profits fell. Kerrow Airlines said flights were full. The lender added that jobs would go. The carrier said fares would rise.',
    );
    expect(sourceOf(c, 'The lender')).toMatchObject({ name: 'Harlow Bank', type: 'named-organization' });
    expect(sourceOf(c, 'The carrier')).toMatchObject({ name: 'Kerrow Airlines', type: 'named-organization' });
    expect(c.a.sources).toHaveLength(2);
  });

  it('"the firm" and "the company" are the most recent company, not one named before it', () => {
    const c = read('Halvard Motors said sales fell. Corvane Foods said exports rose. The firm added that prices would rise.');
    expect(sourceOf(c, 'The firm')).toMatchObject({ name: 'Corvane Foods', type: 'named-organization' });
  });

  it('"the agency" is the agency named before', () => {
    const c = read('The Environment Agency said the river was polluted. The agency added that fines would follow.');
    const s = sourceOf(c, 'The agency');
    expect(s).toMatchObject({ name: 'Environment Agency', type: 'named-organization' });
    expect(mentions(c, s)).toEqual([at(c, 'The Environment Agency'), at(c, 'The agency')]);
  });

  it('"the regulator" and "the watchdog" may be an acronym; "the firm" may not', () => {
    const c = read('The FCA said it would investigate. The regulator added that fines were likely.');
    expect(sourceOf(c, 'The regulator')).toMatchObject({ name: 'FCA', type: 'named-organization' });
    const d = read('The FCA said it would investigate. The firm said it had done nothing wrong.');
    expect(sourceOf(d, 'The firm')).toMatchObject({ name: 'The firm', type: 'named-organization' });
    expect(d.a.sources.map((s) => s.name)).toEqual(['FCA', 'The firm']);
  });

  it('"the charity" after "the charity Oxfam"', () => {
    const c = read('The charity Oxfam said aid was blocked. The charity added that trucks were waiting at the border.');
    const s = sourceOf(c, 'The charity');
    expect(s).toMatchObject({ name: 'Oxfam', type: 'named-organization' });
    expect(c.a.sources).toHaveLength(1);
  });

  it('a body noun in apposition ("Parmalat, the Italian food group,") makes the name an organisation', () => {
    const c = read(
      'Pellaro, the Italian food group, said profits doubled. The firm sued its former banker, Morgan Stanley. The company said it expected more cases.',
    );
    const s = sourceOf(c, 'Pellaro, the Italian food group,');
    expect(s).toMatchObject({ name: 'Pellaro', type: 'named-organization', attributions: 3 });
    expect(sourceOf(c, 'The firm')).toBe(s);
    expect(sourceOf(c, 'The company')).toBe(s);
  });

  it('a body noun before the name ("media giant Corvane") makes a later bare mention an organisation', () => {
    const c = read('Shares in media giant Corvane rose 4% on Friday. Corvane said advertising sales were strong.');
    expect(sourceOf(c, 'Corvane')).toMatchObject({ name: 'Corvane', type: 'named-organization' });
  });

  it('a description never named stays a description with its type', () => {
    const c = read('The airline said flights would resume on Monday.');
    expect(sourceOf(c, 'The airline')).toMatchObject({ name: 'The airline', type: 'named-organization' });
    const d = read('The utility said bills would not rise.');
    expect(sourceOf(d, 'The utility')).toMatchObject({ name: 'The utility', type: 'named-organization' });
  });

  it('an unnamed description is the antecedent of a later one of the same kind', () => {
    const c = read('The clothing retailer said sales fell. The company added that it would close ten shops.');
    const s = sourceOf(c, 'The clothing retailer');
    expect(s).toMatchObject({ name: 'The clothing retailer', type: 'named-organization', attributions: 2 });
    expect(sourceOf(c, 'The company')).toBe(s);
  });

  it('"the company" is not the government', () => {
    const c = read('The government said taxes would rise. The company said it would move abroad.');
    expect(sourceOf(c, 'The company')).toMatchObject({ name: 'The company', type: 'named-organization' });
    expect(c.a.sources).toHaveLength(2);
  });

  it('"the company" is not a person with a title, even one named later than the company', () => {
    const c = read('Corvane Foods said exports rose. Ms Ana Lee said the figures were good. The company added that it would hire.');
    expect(sourceOf(c, 'The company')).toMatchObject({ name: 'Corvane Foods', type: 'named-organization' });
    expect(sourceOf(c, 'Ms Ana Lee')).toMatchObject({ name: 'Ana Lee', type: 'named-person' });
  });

  it('a named company is preferred to a bare surname for "the lender"', () => {
    const c = read('Harlow Bank said profits fell. Pike said the results were weak. The lender added that jobs would go.');
    expect(sourceOf(c, 'The lender')).toMatchObject({ name: 'Harlow Bank', type: 'named-organization' });
    expect(sourceOf(c, 'Pike')).toMatchObject({ name: 'Pike', type: 'named-person' });
  });

  it('"the company" refers only back: a company named after it is another mention', () => {
    const c = read('The company said sales fell. Later, Corvane Foods said exports rose.');
    expect(sourceOf(c, 'The company')).toMatchObject({ name: 'The company', type: 'named-organization' });
    expect(sourceOf(c, 'Corvane Foods')).toMatchObject({ name: 'Corvane Foods', type: 'named-organization' });
  });

  it('"the group" fits any organisation', () => {
    const c = read('Rivers First, a campaign group, said the river was dying. The group added that it would sue.');
    expect(sourceOf(c, 'The group')).toMatchObject({ name: 'Rivers First', type: 'named-organization' });
  });
});

describe('"it", "its" and "they"', () => {
  it('"it" is the company, not the person quoted since', () => {
    const c = read('Halvard Motors said sales fell. Chief executive Ana Ruiz said the market was weak. It added that prices would rise.');
    expect(sourceOf(c, 'It')).toMatchObject({ name: 'Halvard Motors', type: 'named-organization' });
    expect(sourceOf(c, 'Chief executive Ana Ruiz')).toMatchObject({ name: 'Ana Ruiz', type: 'named-person' });
  });

  it('"it" is an organisation named as a sentence subject outside any attribution', () => {
    const c = read('Corvane saw its shares rise on Tuesday after it said it would move plants abroad.');
    const s = sourceOf(c, 'it');
    expect(s).toMatchObject({ name: 'Corvane', type: 'named-organization' });
    expect(mentions(c, s)).toEqual([at(c, 'Corvane'), at(c, 'it said')].map(([t, i]) => [t === 'it said' ? 'it' : t, i]));
  });

  it('"it" is never a person: with no organisation it stays a pronoun', () => {
    const c = read('Ana Ruiz said the market was weak. It said prices would rise.');
    expect(sourceOf(c, 'It')).toMatchObject({ name: 'It', type: 'anonymous' });
    expect(sourceOf(c, 'Ana Ruiz')).toMatchObject({ name: 'Ana Ruiz', type: 'named-person' });
  });

  it('"they" is the union', () => {
    const c = read('The Transport Workers Union said its members would strike. They said pay had fallen for years.');
    const s = sourceOf(c, 'They');
    expect(s).toMatchObject({ name: 'Transport Workers Union', type: 'named-organization' });
    expect(mentions(c, s)).toEqual([at(c, 'The Transport Workers Union'), at(c, 'They')]);
  });

  it('"they" is a group of people named before', () => {
    const c = read('Some economists said growth would slow. They added that rates would fall.');
    expect(sourceOf(c, 'They')).toMatchObject({ name: 'Some economists', type: 'vague-collective' });
  });

  it('"it" after a report is the report', () => {
    const c = read(
      'A report by the Halden Institute was published on Monday. The report said wages had stalled. It added that rents had risen.',
    );
    expect(sourceOf(c, 'It')).toBe(sourceOf(c, 'The report'));
    expect(sourceOf(c, 'It')?.type).toBe('document');
  });
});

describe('descriptions of people refer to the person named before', () => {
  it('"the professor"', () => {
    const c = read('Professor Lena Moritz said the data were clear. "This is a turning point," the professor said.');
    const s = speakerOf(c, 0);
    expect(s).toMatchObject({ name: 'Lena Moritz', type: 'named-person', role: 'Professor' });
    expect(mentions(c, s)).toEqual([at(c, 'Professor Lena Moritz'), at(c, 'the professor')]);
  });

  it('"the lawyer"', () => {
    const c = read('Tom Ashby, a lawyer for the family, said they would appeal. The lawyer said the ruling was wrong.');
    expect(sourceOf(c, 'The lawyer')).toMatchObject({ name: 'Tom Ashby', type: 'named-person', role: 'a lawyer for the family' });
  });

  it('"the economist"', () => {
    const c = read('Dr Mina Osei, an economist at Kerrow University, said growth would slow. The economist added that rates would fall.');
    const s = sourceOf(c, 'The economist');
    expect(s).toMatchObject({ name: 'Mina Osei', type: 'named-person' });
    expect(mentions(c, s)).toEqual([at(c, 'Dr Mina Osei, an economist at Kerrow University'), at(c, 'The economist')]);
  });

  it('"the spokeswoman"', () => {
    const c = read('Jane Roe, a spokeswoman for the council, said the road would reopen. The spokeswoman added that repairs had started.');
    expect(sourceOf(c, 'The spokeswoman')).toMatchObject({ name: 'Jane Roe', type: 'named-person' });
    expect(c.a.sources).toHaveLength(1);
  });

  it('"the mayor" named only outside attributions: the name is listed as a mention', () => {
    const c = read('Mayor Carla Diaz visited Leeds on Tuesday. "We need more buses," the mayor said. She added that fares would fall.');
    const s = speakerOf(c, 0);
    expect(s).toMatchObject({ name: 'Carla Diaz', type: 'named-person' });
    expect(mentions(c, s)).toEqual([at(c, 'Mayor Carla Diaz'), at(c, 'the mayor'), at(c, 'She')]);
    expect(sourceOf(c, 'She')).toBe(s);
  });

  it('"the professor" is the professor, not the lawyer named since', () => {
    const c = read(
      'Professor Lena Moritz said the data were clear. Tom Ashby, a lawyer, said the case was weak. The professor added that more work was needed.',
    );
    expect(sourceOf(c, 'The professor')).toMatchObject({ name: 'Lena Moritz', type: 'named-person' });
  });

  it('"the minister" after the quotation is the minister named before', () => {
    const c = read('Foreign Minister Ana Petrov met her Danish counterpart on Monday. "We agreed on nothing," the minister said.');
    expect(speakerOf(c, 0)).toMatchObject({ name: 'Ana Petrov', type: 'named-person' });
  });

  it('an unnamed person introduced as such stays unnamed ("a police officer … the officer")', () => {
    const c = read(
      'Ana Ruiz said the road was closed. A police officer said the crash was serious. The officer added that two people were hurt.',
    );
    expect(sourceOf(c, 'The officer')).toMatchObject({ name: 'A police officer', type: 'anonymous' });
  });
});

describe('"he" and "she" as before', () => {
  it('"she" is the woman named, "he" the man', () => {
    const c = read('Ana Ruiz and Tom Hale met on Monday. She said the talks went well. He said nothing had changed.');
    expect(sourceOf(c, 'She')).toMatchObject({ name: 'Ana Ruiz', type: 'named-person' });
    expect(sourceOf(c, 'He')).toMatchObject({ name: 'Tom Hale', type: 'named-person' });
  });

  it('"he" is the subject of the previous sentence', () => {
    const c = read('Carl Benton said Victor Hale had misled voters. "It was a disgrace," he said.');
    expect(speakerOf(c, 0)).toMatchObject({ name: 'Carl Benton', type: 'named-person' });
  });
});

describe('a source is named by its fullest mention', () => {
  it('a surname after the full name', () => {
    const c = read('Marta Hale said the plan was sound. Hale added that it would cost less.');
    const s = sourceOf(c, 'Hale');
    expect(s).toMatchObject({ name: 'Marta Hale', type: 'named-person' });
    expect(mentions(c, s)).toEqual([at(c, 'Marta Hale'), at(c, 'Hale', 20)]);
  });

  it('the full name after the surname', () => {
    const c = read('Hale said the plan was sound. Marta Hale, the finance minister, added that it would cost less.');
    expect(sourceOf(c, 'Hale')).toMatchObject({ name: 'Marta Hale', type: 'named-person' });
    expect(c.a.sources).toHaveLength(1);
  });

  it('the full name from anywhere in the text: after a preposition, in a possessive, in the headline', () => {
    const c = read('Calls grew on Monday for Adam Kessling to step down. Kessling said he would stay.');
    expect(sourceOf(c, 'Kessling')).toMatchObject({ name: 'Adam Kessling', type: 'named-person' });
    const h = read("Critics demand Adam Kessling's resignation\n\nKessling said he would stay.");
    expect(sourceOf(h, 'Kessling')).toMatchObject({ name: 'Adam Kessling', type: 'named-person' });
  });

  it('"Donald" is a given name (the gendered lists count as given names too)', () => {
    const c = read('A letter from Donald Verhoek reached the council. Verhoek said it was final.');
    expect(sourceOf(c, 'Verhoek')).toMatchObject({ name: 'Donald Verhoek', type: 'named-person' });
  });

  it('middle names and initials belong to the full name ("Lee Harvey Oswald", "Donald J. Trump")', () => {
    const c = read('The file on Lee Harvey Kessling was opened. Kessling said he had nothing to hide.');
    expect(sourceOf(c, 'Kessling')).toMatchObject({ name: 'Lee Harvey Kessling' });
    const i = read('A rally for Donald J. Verhoek drew crowds. Verhoek said the state was his.');
    expect(sourceOf(i, 'Verhoek')).toMatchObject({ name: 'Donald J. Verhoek' });
  });

  it('a relative\'s full name does not name the person ("his wife, Melania …")', () => {
    const c = read('The crowd cheered his wife, Melania Verhoek, on Sunday. Verhoek said the rally was the largest yet.');
    expect(sourceOf(c, 'Verhoek')).toMatchObject({ name: 'Verhoek', type: 'named-person' });
  });

  it('two full names with one surname: the one of the gender the text gives, else the surname alone', () => {
    const two = 'Donald Verhoek and Melania Verhoek arrived at the gala on Friday.';
    const c = read(`${two} Verhoek said he was pleased with the turnout.`);
    expect(sourceOf(c, 'Verhoek')).toMatchObject({ name: 'Verhoek' });
    const g = read(`${two} "We are pleased," Verhoek said. He added that the turnout was high.`);
    expect(g.a.sources.find((x) => x.mentions.some((m) => m.text === 'He'))?.name).toBe('Donald Verhoek');
  });

  it('a given name the tagger reads as a verb opening the sentence is no name ("See Jamie …")', () => {
    const c = read('See Kessling at the festival on Friday. Kessling said the line-up was his best.');
    expect(sourceOf(c, 'Kessling')).toMatchObject({ name: 'Kessling' });
  });

  it('a company named again by its first word', () => {
    const c = read('Brightline Energy said prices would rise. Brightline added that demand would fall.');
    expect(sourceOf(c, 'Brightline')).toMatchObject({ name: 'Brightline Energy', type: 'named-organization' });
  });

  it('a day before the source phrase is no name ("In September, the company said")', () => {
    const c = read('Corvane Foods cut its forecast in July. In September, the company said sales had fallen.');
    const r = c.a.relations.find((x) => x.cue.text.includes('said'));
    const s = c.a.sources.find((x) => x.id === r?.sourceId);
    expect(s).toMatchObject({ name: 'Corvane Foods', type: 'named-organization' });
    expect(c.a.sources.some((x) => x.name === 'September')).toBe(false);
  });
});

describe('quotation speakers hold', () => {
  it('a quotation opening the next paragraph keeps its speaker', () => {
    const c = read('"The plan is dead," said Peter Lund, the minister. "Nobody wants it."\n\n"We will start again next year."');
    const s = speakerOf(c, 0);
    expect(s).toMatchObject({ name: 'Peter Lund', type: 'named-person' });
    expect(speakerOf(c, 1)).toBe(s);
    expect(speakerOf(c, 2)).toBe(s);
  });

  it('over two paragraphs, until another speaker is introduced', () => {
    const c = read(
      '"We will win," said Ana Ruiz.\n\n"Nobody can stop us now."\n\n"They are wrong," Tom Hale said of the campaign.\n\n"It is over for them."',
    );
    expect(speakerOf(c, 1)).toMatchObject({ name: 'Ana Ruiz' });
    expect(speakerOf(c, 2)).toMatchObject({ name: 'Tom Hale' });
    expect(speakerOf(c, 3)).toMatchObject({ name: 'Tom Hale' });
  });

  it('not over a paragraph that is no quotation', () => {
    const c = read('"We will win," said Ana Ruiz.\n\nThe vote is on Sunday.\n\n"It is close," Tom Hale said.');
    expect(speakerOf(c, 0)).toMatchObject({ name: 'Ana Ruiz' });
    expect(speakerOf(c, 1)).toMatchObject({ name: 'Tom Hale' });
  });

  it('a speaker is never a place after "of"', () => {
    const c = read('"It is a start," said Rep. Jo Speier of Ohio.');
    const s = speakerOf(c, 0);
    expect(s).toMatchObject({ name: 'Jo Speier', type: 'named-person' });
    expect(s?.role).toContain('of Ohio');
  });

  it("a name inside the previous quotation is not the next one's speaker", () => {
    const c = read('"Sam Fell will resign," Paul Ortiz said. "He has no choice."');
    expect(speakerOf(c, 0)).toMatchObject({ name: 'Paul Ortiz' });
    expect(speakerOf(c, 1)).toMatchObject({ name: 'Paul Ortiz' });
  });

  it("a capitalised plural opening a sentence is not the next quotation's speaker, nor a named source", () => {
    const c = read('The report was published on Monday.\n\nCritics disagreed. "It is a mess."');
    expect(speakerOf(c, 0)).toBeUndefined();
    // "Critics disagreed" may be a vague attribution of its own (the cue model takes "disagreed" as a cue): then
    // "Critics" is a vague collective, never a named source
    const critics = c.a.sources.filter((s) => s.name === 'Critics');
    expect(critics.every((s) => s.type === 'vague-collective')).toBe(true);
  });

  it('an organisation speaks ("…," Kerrow Airlines said) and its attribution points at the same source', () => {
    const c = read('"Safety comes first," Kerrow Airlines said. The carrier added that refunds were ready.');
    const s = speakerOf(c, 0);
    expect(s).toMatchObject({ name: 'Kerrow Airlines', type: 'named-organization' });
    expect(sourceOf(c, 'The carrier')).toBe(s);
    const r = c.a.relations.find((x) => x.quotation === 0);
    expect(r?.sourceId).toBe(s?.id);
  });

  it('"…," the union said: the speaker is the union named before', () => {
    const c = read(
      'The Transport Workers Union called a strike. Brightline Energy said prices would rise. "We will not back down," the union said.',
    );
    expect(speakerOf(c, 0)).toMatchObject({ name: 'Transport Workers Union', type: 'named-organization' });
  });
});
