/**
 * Quotation speakers resolved to a named person, on texts written for these tests: a pronoun's antecedent is the
 * subject of the nearest sentence naming a fitting person, not a name quoted inside a quotation; "the senator",
 * "the presumptive nominee" refer back to the named person; a quotation's own sentence names its speaker first; a
 * common noun with a name in apposition ("her rival, Tom Harris,") is that person.
 */
import { parseDocument } from '../../src/document/build';
import type { Attribution } from '../../src/attribution';

const attribution = (text: string): Attribution => parseDocument(text).attribution;

/** Name of the speaker of quotation `q`. */
function speaker(a: Attribution, q = 0): string | undefined {
  const id = a.quotationSpeakers.get(q);
  return a.sources.find((s) => s.id === id)?.name;
}

/** Name and type of the source of the attribution whose cue is `cue`. */
function source(a: Attribution, cue: string): { name?: string; type?: string; role?: string } {
  const r = a.relations.find((x) => x.cue.text === cue);
  if (!r) throw new Error(`no relation with cue "${cue}"; cues: ${a.relations.map((x) => x.cue.text).join(', ')}`);
  const s = a.sources.find((x) => x.id === r.sourceId);
  return { name: s?.name, type: s?.type, role: s?.role };
}

describe('pronoun speakers', () => {
  it('"he" is the subject of the previous sentence, not the person named after the verb', () => {
    const a = attribution('Carl Benton said Victor Hale had misled voters. “It was a disgrace,” he said.');
    expect(speaker(a)).toBe('Carl Benton');
    const same = attribution('Carl Benton criticized Victor Hale for what he called “a reckless budget.”');
    expect(speaker(same)).toBe('Carl Benton');
  });

  it('a name governed by a preposition or a verb comes after the subject of its sentence', () => {
    const a = attribution('Before her match with Maria Ortiz, Jana Holt said she felt ready. “I served well,” she said.');
    expect(speaker(a)).toBe('Jana Holt');
    const b = attribution('Dr Owen Hart accused Mr Neil Blake of lying. “It is a fight for the future,” he told reporters.');
    expect(speaker(b)).toBe('Owen Hart');
  });

  it('a name in a phrase before the pronoun in its own sentence yields to an earlier subject', () => {
    const a = attribution(
      'Ravi Kumar, the finance minister, is in London this week. At a dinner hosted by Chancellor Paul Grant on Friday, he said rates should float. “A flexible rate absorbs shocks,” he told the dinner.',
    );
    expect(speaker(a)).toBe('Ravi Kumar');
  });

  it('a sentence led by the same pronoun passes its referent on', () => {
    const a = attribution(
      'Marc Dufour played for the club for six years. So he is full of praise for two old team-mates, Pablo Reyes and Tomas Lind. “I am happy they still play,” he said.',
    );
    expect(speaker(a)).toBe('Marc Dufour');
  });

  it('a surname the tagger reads as a verb is a name after an honorific ("Mr Curry", "Mr Rose")', () => {
    const a = attribution('Mr Curry is American, but he grew up in the Netherlands. “I was always into radio,” he said.');
    expect(speaker(a)).toBe('Curry');
    const b = attribution('Mr Rose met the board on Monday. “We have a plan,” he said.');
    expect(speaker(b)).toBe('Rose');
  });

  it('the first half of a hyphenated common word is no name ("Scrum-half Peter Stringer")', () => {
    const a = attribution('Scrum-half Peter Stringer was glad that Ireland won. “All credit to them,” he told reporters.');
    expect(speaker(a)).toBe('Peter Stringer');
  });

  it('a possessive with a bare apostrophe is no subject ("Matt Lowes\' side")', () => {
    const a = attribution(
      "Matt Lowes' side has shown little in attack, but Sam Reyes insisted the Scots will be tough. “They are brave,” he said.",
    );
    expect(speaker(a)).toBe('Sam Reyes');
  });

  it('a spokesperson for a body is the antecedent of the next "he" or "she"; one for a person is not', () => {
    const a = attribution(
      'Tom Vale said the rules were wrong. But a spokesman for the Home Office defended the plan. He said: “We stand by it.”',
    );
    expect(speaker(a)).toBe('a spokesman for the Home Office');
    const b = attribution('Ann Ruiz backed the bill. A Labour spokeswoman said the vote was close. She said: “We will win.”');
    expect(speaker(b)).toBe('A Labour spokeswoman');
    const c = attribution('A spokesman for Paul Ryan said the bill was fair. “We will pass it,” he said.');
    expect(speaker(c)).not.toBe('A spokesman for Paul Ryan');
  });

  it('a name inside an earlier quotation is no antecedent for the writer’s "he"', () => {
    const a = attribution(
      'Paul Ortiz spoke on a radio show on Sunday. “Sam Fell has said that he will resign,” he said. “If he means it, he should go now,” he added.',
    );
    expect(speaker(a, 0)).toBe('Paul Ortiz');
    expect(speaker(a, 1)).toBe('Paul Ortiz');
  });

  it('a "he" after a sentence-initial "He" keeps its referent ("He took aim at Hale, who he said …")', () => {
    const a = attribution(
      'Carl Ruiz posted a long message on Sunday. He also took aim at former Mayor Tom Hale, who he said “was a coward from the start.”',
    );
    expect(speaker(a)).toBe('Carl Ruiz');
  });

  it('the name after a run of titles is the antecedent ("White House Press Secretary Robert Gibbs")', () => {
    const a = attribution(
      'Asked whether the deal could change, White House Press Secretary Robert Gibbs said any changes would be fine. Then he cautioned: "The details matter more than the headline."',
    );
    expect(speaker(a)).toBe('Robert Gibbs');
  });

  it('a person introduced with "with" can be the antecedent, a name after "in" cannot', () => {
    const a = attribution(
      'The morning brought relief for the mayor, with Sen. Walter Brody offering qualified support. While the veteran senator declined to comment on the vote, he said "the record speaks for itself."',
    );
    expect(speaker(a)).toBe('Walter Brody');
    const place = attribution('Carl Ruiz spoke to voters in Port Allen on Monday. “We will win,” he said.');
    expect(speaker(place)).toBe('Carl Ruiz');
  });

  it('gender from a given name or a title still rules out a person', () => {
    const a = attribution('Ms. Dana Whitlock thanked Robert Greer. “We could not have done it alone,” he said.');
    expect(speaker(a)).toBe('Robert Greer');
  });
});

describe('definite descriptions', () => {
  it('"the senator" is the person titled senator, even when another person was named since', () => {
    const a = attribution(
      'Sen. Laura Quinn toured the plant on Friday with Mark Dolan, its manager. Workers asked about the closure. “We will fight for every job,” the senator said.',
    );
    expect(source(a, 'said')).toMatchObject({ name: 'Laura Quinn', type: 'named-person' });
    expect(speaker(a)).toBe('Laura Quinn');
  });

  it('a description with no title in the text refers to the nearest person the article cites', () => {
    const a = attribution('Hugo Brandt said he had won the primary by a wide margin. “The party is united,” the presumptive nominee said.');
    expect(speaker(a)).toBe('Hugo Brandt');
    const congressman = attribution('Ray Ostrow announced his resignation on Friday. “I made mistakes,” the four-term congressman said.');
    expect(speaker(congressman)).toBe('Ray Ostrow');
  });

  it('not to a person only mentioned, nor one whose name stands far from the description’s modifiers', () => {
    const mentioned = attribution('Hugo Brandt won the primary in May. “The party is united,” the presumptive nominee said.');
    expect(speaker(mentioned)).toBe('the presumptive nominee');
    const place = attribution('Ohio Gov. Dan Pruitt said the plan would fail. “We need a new plan,” the Texas governor said.');
    expect(source(place, 'said').name).toBe('Dan Pruitt');
    const texas = place.relations.filter((r) => r.cue.text === 'said')[1];
    expect(place.sources.find((x) => x.id === texas.sourceId)?.name).toBe('the Texas governor');
  });

  it('a title tagged as a common noun before the name still counts ("President Moreau" … "the president")', () => {
    const a = attribution(
      'Tom Reyes launched a new account on Friday.\n\nPresident Lena Moreau and her allies have attacked the agency for months.\n\nReacting to the ruling, the president wrote, “finally,” and asked whether the case would now be dropped.',
    );
    expect(source(a, 'wrote')).toMatchObject({ name: 'Lena Moreau', type: 'named-person' });
  });

  it('a lone capitalised label is no antecedent ("Newspaper: …" … "the mayor")', () => {
    const a = attribution('Newspaper: Mayor used city car for holidays.\n\nThe mayor denied it on Friday.');
    expect(source(a, 'denied').name).toBe('The mayor');
  });

  it('"Mr. Ostrow" is a person to fall back on; "the congressman, who …" is still a description', () => {
    const a = attribution(
      'Mr. Ostrow announced his resignation on Friday. The congressman, who served four terms, said “the job was never about me.”',
    );
    expect(source(a, 'said')).toMatchObject({ name: 'Ostrow', type: 'named-person' });
  });

  it('a vice president is not "the president", and "the vice president" is', () => {
    const a = attribution('Vice President Mike Fenton spoke in Ohio on Monday. “We will win,” the president said.');
    expect(source(a, 'said').name).toBe('the president');
    const b = attribution(
      'Vice President Mike Fenton spoke in Ohio on Monday with President Ann Hale. “We will win,” the vice president said.',
    );
    expect(source(b, 'said').name).toBe('Mike Fenton');
  });

  it('job titles and possessive descriptions name someone else ("the director", "the mayor’s budget director")', () => {
    const a = attribution('Carl Ruiz toured the plant on Friday. “Output is up,” the director said.');
    expect(source(a, 'said').name).toBe('the director');
    const b = attribution('Mayor Ruth Kane, a budget director for years, spoke first. “We disagree,” the mayor’s budget director said.');
    expect(source(b, 'said').name).not.toBe('Ruth Kane');
  });

  it('not when the text introduced an unnamed person with that noun, or the description names someone else', () => {
    const officer = attribution('A police officer and Mark Ellis were at the scene. “Nobody was hurt,” the officer said.');
    expect(source(officer, 'said')).toMatchObject({ name: 'the officer', type: 'anonymous' });
    const aide = attribution('Mayor Ruth Kane spoke first. “We disagree,” the Kane spokesman said.');
    expect(source(aide, 'said').name).not.toBe('Ruth Kane');
    const forWhom = attribution('Tom Reyes arrived at noon. “No comment,” the spokesman for the union said.');
    expect(source(forWhom, 'said').name).not.toBe('Tom Reyes');
  });
});

describe('quotations with no attribution of their own', () => {
  it('the quotation’s own sentence names its speaker before the neighbouring sentences do', () => {
    const a = attribution(
      'The hearing ran late for Omar Haddad. “The deadline was never realistic,” Ruth Adler explained after the hearing.',
    );
    expect(speaker(a)).toBe('Ruth Adler');
    const b = attribution('Omar Haddad left early. At one point, Carla Mendes referred to the proposal as a "fantasy."');
    expect(speaker(b)).toBe('Carla Mendes');
  });

  it('a quotation after a colon in the next paragraph belongs to the described person', () => {
    const a = attribution(
      'President Lena Moreau and her allies have attacked the agency for months. Reacting to the ruling, the president wrote:\n\n“This decision is a disgrace.”',
    );
    expect(speaker(a)).toBe('Lena Moreau');
  });
});

describe('standalone quotations', () => {
  it('are spoken by a name that reads as a person’s, not by the title of a show or a thing', () => {
    const a = attribution('Quiz Time, the show Lena Ortiz hosted, ran for ten years. “I loved every minute of it.”');
    expect(speaker(a)).toBe('Lena Ortiz');
    const b = attribution('Hartley Weekly, the paper Tom Vale edits, printed the letter. “We stand by it.”');
    expect(speaker(b)).toBe('Tom Vale');
  });

  it('are spoken by one person the previous sentence describes as its source', () => {
    const a = attribution(
      'Omar Khan expects the market to rise. One leading Karachi broker said the reasons were political. “Money has come back.”',
    );
    expect(speaker(a)).toBe('One leading Karachi broker');
  });

  it('are spoken by the person of a neighbouring sentence led by "he" or "she"', () => {
    const a = attribution(
      'Adam Cole hosted a radio show for years. He quit in 1995, and Video Countdown went on without him. “I was bored every night.”',
    );
    expect(speaker(a)).toBe('Adam Cole');
  });
});

describe('floating quotations after a paraphrase', () => {
  it('are spoken by the person whose words the previous paragraph reports', () => {
    const text =
      'Nora Quill, from Castlebank, told reporters there are two steps to the plan. The hardest part is knowing whether people are who they say they are.\n\n“The end goal is a faster service for everyone.”';
    expect(speaker(attribution(text))).toBe('Nora Quill');
  });

  it('but not when the writer names another person in between', () => {
    const a = attribution(
      'Coach Dan Reyes was keen to praise Tim Oakes. Oakes’s usual place is in defence but he played well. “I was happy to play there.”',
    );
    expect(speaker(a)).not.toBe('Dan Reyes');
  });

  it('nor from more than a paragraph back', () => {
    const a = attribution(
      'Nora Quill told reporters there are two steps.\n\nThe council meets today.\n\n“The end goal is a faster service.”',
    );
    expect(speaker(a)).toBeUndefined();
  });
});

describe('pronouns after the content they report', () => {
  it('"…, he believes" takes no name of its own content', () => {
    const a = attribution('Tom Reed has run the club since 1990. It is a battle that Yarrow is winning, he believes.');
    expect(source(a, 'believes').name).toBe('Tom Reed');
  });

  it('and passes its person on to the next sentence’s "he"', () => {
    const a = attribution(
      'Tom Reed has run the club since 1990. It is a battle that Yarrow is winning, he believes. “Millbank has yet to show me a rival,” he said.',
    );
    expect(speaker(a)).toBe('Tom Reed');
  });
});

describe('descriptions with a hyphenated modifier', () => {
  it('"said the London-born athlete": the whole phrase is the source, an unnamed person', () => {
    const a = attribution('“It was the best day of my life,” said the London-born athlete.');
    expect(a.relations[0].source?.text).toBe('the London-born athlete');
    expect(source(a, 'said').type).toBe('anonymous');
    const b = attribution('“It was the best day of my life,” said Mark Lewis-Francis.');
    expect(source(b, 'said').name).toBe('Mark Lewis-Francis');
  });

  it('refer back to the person the text cites when the modifier stands by no one’s name', () => {
    const a = attribution(
      'Kelly Holmes won gold in Athens. Holmes said the award capped a difficult year. “I think the honour is important,” said the Newport-based athlete.',
    );
    expect(speaker(a)).toBe('Kelly Holmes');
  });

  it('a modifier counts only where it stands by a name, not in the description itself', () => {
    const text =
      '“We will win the league,” added William Gallo. Gallo has been given confidence by the impact manager Jose Marino has had. And the French international defender believes Marino is suited to the job. “It is only normal,” he said.';
    const a = attribution(text);
    expect(source(a, 'believes').name).toBe('William Gallo');
    expect(speaker(a, 1)).toBe('William Gallo');
  });

  it('but an office keeps its modifier as a condition ("the Tory leader" is not the Labour prime minister)', () => {
    const a = attribution(
      'Tony Blair does not believe the issue should decide the election, arguing it is a matter of conscience. The Tory leader has said the current rules are “far too loose”.',
    );
    expect(source(a, 'has said').name).not.toBe('Tony Blair');
  });
});

describe('a title before its holder’s name after the cue', () => {
  it('"said RNID technology director, Guido Gybels." is Guido Gybels, with the title as his role', () => {
    const a = attribution('“There is no technical reason for it,” said Keyline technology director, Guido Gybels.');
    expect(source(a, 'said')).toMatchObject({ name: 'Guido Gybels', type: 'named-person' });
    expect(a.relations[0].source?.text).toBe('Keyline technology director, Guido Gybels');
  });
});

describe('British titles', () => {
  it('"the chairman of the committee, Labour MP Barry Sheerman" is Barry Sheerman; "MP" is a title', () => {
    const a = attribution('“It will be a tragedy,” said the chairman of the schools committee, Labour MP Barry Sheaffer.');
    expect(source(a, 'said')).toMatchObject({ name: 'Barry Sheaffer', type: 'named-person' });
  });

  it('a peer named after a place is a person ("Baroness Scotland", like "Mr Fox")', () => {
    const a = attribution('“The law is clear,” said Baroness Scotland.');
    expect(source(a, 'said').type).toBe('named-person');
  });
});

describe('descriptions after a headline', () => {
  it('"the cardinal" is the cardinal the body names, not the headline’s "Cardinal"', () => {
    const a = attribution(
      'Cardinal criticises war cost\n\nBillions should have gone to the poor, Cardinal Tomas Ruane has said.\n\nThe cardinal said 2005 should be the year for campaigning.',
    );
    expect(source(a, 'said').name).toBe('Tomas Ruane');
  });
});

describe('a title with "of" before a common noun', () => {
  it('"A Top of the Pops spokesperson" is a spokesperson, not a person named Top', () => {
    const a = attribution('A Top of the Pops spokesperson said: “It is a very special number one.”');
    expect(source(a, 'said:')).toMatchObject({ name: 'A Top of the Pops spokesperson', type: 'anonymous' });
    const b = attribution('“It is over,” said Jonah Goldberg of the National Review.');
    expect(source(b, 'said')).toMatchObject({ name: 'Jonah Goldberg', type: 'named-person' });
  });
});

describe('a person of an employer', () => {
  it('"retail analyst Nick Bubb of Evolution Securities" is Nick Bubb, not the firm', () => {
    const a = attribution('“It is a husk of a company,” said retail analyst Nick Bubble of Evolution Securities.');
    expect(source(a, 'said')).toMatchObject({ name: 'Nick Bubble', type: 'named-person' });
    const b = attribution('“Rates will rise,” said the Bank of England.');
    expect(source(b, 'said').type).toBe('named-organization');
  });
});

describe('surnames the tagger misreads', () => {
  it('a surname given after a given name is a name wherever it stands ("Parry", "Wood")', () => {
    const a = attribution(
      'Club chief executive Rick Parry insists the club will never sell Steven Garrard. And Parry has moved to scotch claims that Chelsea could launch a bid. “There is no chance of Stevie going in January,” said Parry.',
    );
    expect(speaker(a)).toBe('Rick Parry');
  });

  it('a capitalised plural opening a sentence is a common noun, no antecedent of "he" ("Studies have shown")', () => {
    const a = attribution(
      'Dr Jan Pole, a researcher, said the system was flawed. Studies have shown that fakes spread fast. “The moderators are the difference,” he said.',
    );
    expect(speaker(a)).toBe('Jan Pole');
  });

  it('a surname ending in s that opens a sentence is no common plural when the text gives it after a given name', () => {
    const a = attribution(
      'The scheme is backed by singers Fergal Shanley, Lucie Sylvas and composer David Arne. Sylvas said: “I think it is so important that students learn.”',
    );
    expect(source(a, 'said:')).toMatchObject({ name: 'Lucie Sylvas', type: 'named-person' });
  });

  it('a name after a possessive determiner is a thing, no antecedent of "he" ("their first Triple Crown")', () => {
    const a = attribution(
      'Former captain Keith Wood believes the team can win. After claiming their first Triple Crown for years, Wood tips his team-mates to go one better. “Things have been building up,” he told reporters.',
    );
    expect(speaker(a)).toBe('Keith Wood');
  });
});

describe('names after a preposition', () => {
  it('a given name and a surname after "for" are a person, the antecedent of "he"', () => {
    const a = attribution(
      'But for Allen Wexler, a research director at analyst firm Tarrant, the future of search lies elsewhere. “The next battle is about content,” he said.',
    );
    expect(speaker(a)).toBe('Allen Wexler');
  });
});

describe('abbreviations', () => {
  it('the plural of an abbreviation ("PDAs") is no antecedent of "he"', () => {
    const a = attribution(
      'Mr Ash, from Keyline, spoke about phones. The gadgets people carry, like personal digital assistants (PDAs), could also hold readers. “The phone is a possible alternative,” he said.',
    );
    expect(speaker(a)).toBe('Ash');
  });
});

describe('quotations continued in a paragraph', () => {
  it('a quotation after another in the same paragraph keeps its speaker when no other cue stands between', () => {
    const a = attribution(
      'The vote is set for Wednesday.\n\n“I respect the governor and his reasons,” Sen. Richard Blum (D-Conn.) said ahead of the vote. “But I urge my colleagues to reverse this veto.”',
    );
    expect(speaker(a, 0)).toBe('Richard Blum');
    expect(speaker(a, 1)).toBe('Richard Blum');
  });

  it('but not across another source’s cue', () => {
    const a = attribution(
      '“We will vote no,” said Ann Ruiz, a senator. Her colleague Tom Vale disagreed and told reporters that the bill was sound. “It is a good bill.”',
    );
    expect(speaker(a, 0)).toBe('Ann Ruiz');
    expect(speaker(a, 1)).not.toBe('Ann Ruiz');
  });
});

describe('quotations continued in the next paragraphs', () => {
  it('paragraphs that open with a quotation keep the speaker until a cue or a sentence of the writer’s own', () => {
    const text = [
      'The coach, Ida Marsh, said the break would help. “It is the perfect chance to rest,” she said.',
      '“Players get tired by Christmas.”',
      '“Some of them play forty games.”',
      '“Others play in two cups.”',
      '“The break gives them a chance to recover.” Her rival Lena Cole said: “Nonsense.”',
      '“It changes nothing.”',
      'The league will decide in March.',
      '“We will see.”',
    ].join('\n');
    const a = attribution(text);
    const quotes = parseDocument(text).quotations;
    const q = (words: string): number => quotes.findIndex((x) => text.slice(x.start, x.end).includes(words));
    expect(speaker(a, q('perfect chance'))).toBe('Ida Marsh');
    expect(speaker(a, q('Players get tired'))).toBe('Ida Marsh');
    expect(speaker(a, q('two cups'))).toBe('Ida Marsh');
    expect(speaker(a, q('The break gives'))).toBe('Ida Marsh');
    expect(speaker(a, q('Nonsense'))).toBe('Lena Cole');
    expect(speaker(a, q('changes nothing'))).toBe('Lena Cole');
    // a paragraph of the writer's own in between ends the run
    expect(speaker(a, q('We will see'))).not.toBe('Lena Cole');
  });
});

describe('appositive names', () => {
  it('"her rival, Tom Harris," is Tom Harris, with the common noun as his role', () => {
    const a = attribution('Her rival, Tom Harris, said the vote had been rigged.');
    expect(source(a, 'said')).toMatchObject({ name: 'Tom Harris', type: 'named-person' });
    const b = attribution('The campaign’s press secretary, Ben Lyle, said the ad would run again.');
    expect(source(b, 'said')).toMatchObject({ name: 'Ben Lyle', type: 'named-person', role: 'The campaign’s press secretary' });
  });

  it('a given name and a surname that is also an organization word name a person ("Liam Fox", "Jim Press")', () => {
    const a = attribution('Tory co-chairman Liam Fox said the party was ready.');
    expect(source(a, 'said')).toMatchObject({ name: 'Liam Fox', type: 'named-person' });
    const b = attribution('Jim Press, the carmaker’s US chief, said sales would rise.');
    expect(source(b, 'said')).toMatchObject({ name: 'Jim Press', type: 'named-person' });
    // an organization word that is no surname still makes an organization
    const c = attribution('Morgan Bank said rates would rise.');
    expect(source(c, 'said')).toMatchObject({ type: 'named-organization' });
  });

  it('after a verb, a phrase up to "and" is its object and the source starts after the conjunction', () => {
    const a = attribution('Dale Hart sustained a knee injury in the cup defeat and manager Jose Ortega said: “He cannot run.”');
    expect(source(a, 'said:')).toMatchObject({ name: 'Jose Ortega', type: 'named-person' });
    expect(speaker(a)).toBe('Jose Ortega');
  });

  it('"the director of JFK" is a description, not the name after "of"; "the Ministry of Finance" is one name', () => {
    const a = attribution('“Europeans see me differently,” said the director of JFK and Nixon.');
    expect(source(a, 'said')).toMatchObject({ name: 'the director of JFK and Nixon', type: 'anonymous' });
    const b = attribution('The Ministry of Finance said the budget was balanced.');
    expect(source(b, 'said')).toMatchObject({ name: 'Ministry of Finance', type: 'named-organization' });
  });

  it('a title in apposition before a name is that person’s role ("Foreign Minister, Jack Straw,")', () => {
    const a = attribution('The Trade Commissioner, Peter Vance, said the talks had failed.');
    expect(source(a, 'said')).toMatchObject({ name: 'Peter Vance', type: 'named-person' });
  });

  it('"The President", "The Chancellor" (capitalised titles) describe the titled person, not an organization', () => {
    const a = attribution('President Ana Moreau visited Lyon. The President said the visit went well.');
    expect(source(a, 'said')).toMatchObject({ name: 'Ana Moreau', type: 'named-person' });
    // a surname the tagger reads as a verb stays in the name after a given name ("Paul Grant")
    const b = attribution('Chancellor Paul Grant spoke on Monday. The Chancellor said rates would rise.');
    expect(source(b, 'said')).toMatchObject({ name: 'Paul Grant', type: 'named-person' });
    const c = attribution('The Foreign Secretary said the talks had failed.');
    expect(source(c, 'said')).toMatchObject({ name: 'The Foreign Secretary', type: 'anonymous' });
  });

  it('"the American" describes a person the text cites, it names no organization', () => {
    const a = attribution('Andre Lasker said Melzer had played well. “A lot more guys can do it now,” said the American.');
    expect(source(a, 'said')).toMatchObject({ name: 'Andre Lasker', type: 'named-person' });
    expect(speaker(a)).toBe('Andre Lasker');
    // with no one to refer to it stays a description of one unnamed person
    const b = attribution('“A lot more guys can do it now,” said the Briton.');
    expect(source(b, 'said')).toMatchObject({ name: 'the Briton', type: 'anonymous' });
  });

  it('after an honorific a name is a person’s even with an organization word ("Mr Fox")', () => {
    const a = attribution('Mr Fox said the industry was not regulating itself. “It is making money,” he said.');
    expect(source(a, 'said')).toMatchObject({ name: 'Fox', type: 'named-person' });
    expect(speaker(a)).toBe('Fox');
  });

  it('a name, a comma and a role before the cue is the named person with that role (the closing comma left out)', () => {
    const a = attribution('Colin Marsh, Blackpool Hotel Association said: “We tried very hard.”');
    expect(source(a, 'said:')).toMatchObject({ name: 'Colin Marsh', type: 'named-person', role: 'Blackpool Hotel Association' });
    // a place before the comma is no name: the phrase before the cue stays the source
    const b = attribution('In London, Barclays Bank said profits rose.');
    expect(source(b, 'said')).toMatchObject({ name: 'Barclays Bank', type: 'named-organization' });
  });

  it('an opening adverb or conjunction is no part of the source ("Meanwhile Lena Park, …, said")', () => {
    const a = attribution('Meanwhile Lena Park, the union’s spokeswoman, said the strike would go ahead.');
    expect(source(a, 'said')).toMatchObject({ name: 'Lena Park', type: 'named-person' });
  });
});
