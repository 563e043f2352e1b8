/**
 * Source phrases as written, on texts written for these tests: the span of the source each cue gets.
 */
import { parseDocument } from '../../src/document/build';

/** The source phrase of the attribution whose cue is `cue` (undefined when it has none). */
function sourceText(text: string, cue: string): string | undefined {
  const a = parseDocument(text).attribution;
  const r = a.relations.find((x) => x.cue.text === cue);
  if (!r) throw new Error(`no relation with cue "${cue}"; cues: ${a.relations.map((x) => x.cue.text).join(', ')}`);
  return r.source?.text;
}

describe('an inverted source after a quotation', () => {
  it('opens with a number word', () => {
    expect(sourceText('“The vote will be close,” said one longtime adviser to the mayor.', 'said')).toBe(
      'one longtime adviser to the mayor',
    );
    expect(sourceText('“Nobody saw it coming,” said one source.', 'said')).toBe('one source');
  });

  it('keeps its prepositional phrase, postnominal adjective or restrictive relative clause', () => {
    expect(sourceText('“The vote will be close,” said a person close to the mayor.', 'said')).toBe('a person close to the mayor');
    expect(sourceText('“It is over,” said a council member who backs the mayor.', 'said')).toBe('a council member who backs the mayor');
    expect(sourceText('“It is over,” said Paul Lamb of the Faculty of Law of the University of Leeds.', 'said')).toBe(
      'Paul Lamb of the Faculty of Law of the University of Leeds',
    );
  });

  it('is a surname the tagger reads as a verb', () => {
    expect(sourceText('“We have the data,” said Skelly, explaining he worked closely with the team.', 'said')).toBe('Skelly');
  });
});

describe('the source on the left', () => {
  it('is a document noun that opens the clause, not a medium skipped like "in a statement"', () => {
    expect(sourceText('Instead, the statement talked about giving voters the right to decide.', 'talked about')).toBe('the statement');
    expect(sourceText('Ann Lee in an interview on Tuesday said the plan had failed.', 'said')).toBe('Ann Lee');
  });

  it('is no function word opening the sentence', () => {
    expect(sourceText('When told the plan had failed, Ann Lee thought for a moment and said that it was a shame.', 'said')).toBe('Ann Lee');
  });

  it('leaves out a quantifier floated off the subject', () => {
    expect(sourceText('Ann Lee and Tom Hale both campaigned hard in Ohio, hoping to score upsets.', 'hoping')).toBe('Ann Lee and Tom Hale');
  });
});

describe('the subject a participle clause shares', () => {
  it('skips a name word read as a verb, a relative clause on a thing and a participle with its agent', () => {
    expect(
      sourceText('Carly Moss threw her support behind Sen. Ted Ward (R-Texas) on Wednesday, saying it is time for a change.', 'saying'),
    ).toBe('Carly Moss');
    expect(
      sourceText(
        'Tom Hale had a strong night that could play well in his home state, forcefully denouncing the regime.',
        'forcefully denouncing',
      ),
    ).toBe('Tom Hale');
    expect(sourceText('Ann Lee went first at the town hall hosted by the paper, predicting a close race.', 'predicting')).toBe('Ann Lee');
  });

  it('is the main subject after an opening participle clause', () => {
    expect(sourceText('Discussing the show, the actor said it had been hard work.', 'Discussing')).toBe('the actor');
    expect(sourceText('While praising the plan, Tom Hale warned that it would cost too much.', 'praising')).toBe('Tom Hale');
  });

  it('is the subject of the verb governing a document, not the document', () => {
    expect(sourceText('His office put out a statement saying the plan had failed.', 'saying')).toBe('His office');
    expect(sourceText('A report saying the plan had failed was released on Tuesday.', 'saying')).toBe('A report');
  });
});

describe('a cue verb after a name is the clause verb, not a participle on the name', () => {
  it('when a coordinated verb, a modifier read as a verb or a participle on another noun follows', () => {
    expect(sourceText('Ann Lee complained about the dour tone of the primary but defended Tom Hale.', 'complained about')).toBe('Ann Lee');
    expect(sourceText('Tom Hale called for an inquiry into the alleged pay-to-play scheme at the council.', 'called for')).toBe('Tom Hale');
    expect(sourceText('The group called for the removal of officials convicted of fraud in the county.', 'called for')).toBe('The group');
  });
});

describe('comma-delimited phrases before the cue', () => {
  it('an adverb opening the clause or an appositive leaves the chunks whole', () => {
    expect(sourceText('Mr. Lee, now a paid TV commentator, has denied that that was the case.', 'has denied')).toBe(
      'Mr. Lee, now a paid TV commentator,',
    );
    expect(sourceText('Yet Labour economists, like their Tory counterparts, say taxing consumption encourages saving.', 'say')).toBe(
      'Labour economists',
    );
  });

  it('a participle right before the cue belongs to the source', () => {
    expect(sourceText('Again, those surveyed said the mayor was best able to handle the issue.', 'said')).toBe('those surveyed');
  });

  it('a quoted word inside the source phrase does not end it', () => {
    expect(sourceText('Tom Hale, who calls the mayor a “liar,” said he does not trust the plan.', 'said')).toBe('Tom Hale');
    expect(sourceText('He called it “a disaster,” said Lee.', 'said')).toBe('Lee');
  });
});

describe('the source of an attribution noun', () => {
  it('is a possessive before the noun and its modifiers', () => {
    expect(sourceText('Tom Hale’s oft-repeated claims that the mayor lied were false.', 'claims')).toBe('Tom Hale');
    expect(sourceText('Voters heard Ann Lee’s strongly worded criticism of the plan.', 'criticism of')).toBe('Ann Lee');
  });

  it('is the subject of a verb that takes the noun as its object, not of one that receives it', () => {
    expect(sourceText('Tom Hale has raised questions about the deal.', 'questions about')).toBe('Tom Hale');
    expect(sourceText('Both Ann Lee and Tom Hale gave assurances that they would cooperate.', 'assurances')).toBe(
      'Both Ann Lee and Tom Hale',
    );
    expect(sourceText('Tom Hale faced criticism over the deal.', 'criticism over')).toBeUndefined();
  });
});

describe('words the tagger misreads in a source phrase', () => {
  it('an -ing noun, or a noun read as a verb or adjective after an article, heads the phrase', () => {
    expect(sourceText('Exit polling showed that the mayor won every group.', 'showed')).toBe('Exit polling');
    expect(sourceText('Another ranking says he is not a billionaire.', 'says')).toBe('Another ranking');
    expect(sourceText('And a slew of party leaders agree with his assessment.', 'agree with')).toBe('a slew of party leaders');
  });
});

describe('verb groups that keep their subject on the left', () => {
  it('a cue followed by "by" and a gerund is no participle with an agent', () => {
    expect(sourceText('A Chinese official responded by saying the talks would go on.', 'responded')).toBe('A Chinese official');
  });

  it('a progressive after an appositive is no participle clause', () => {
    expect(sourceText('Dottie Deans, the chairwoman of the party, is supporting Ann Lee.', 'is supporting')).toBe(
      'Dottie Deans, the chairwoman of the party,',
    );
  });
});

describe('more inverted and opening-clause sources', () => {
  it('a number word before "of" opens an inverted source; "scoffed" inverts', () => {
    expect(sourceText('"There is no path," said one of those advisers, who spoke on condition of anonymity.', 'said')).toBe(
      'one of those advisers, who spoke on condition of anonymity',
    );
    expect(sourceText('“Silly boys,” scoffed Ann Lee, who helped found the group.', 'scoffed')).toBe('Ann Lee, who helped found the group');
  });

  it('the main subject after an opening participle clause that ends in a quotation', () => {
    expect(sourceText("Recalling ''the consequences for those unable to flee,'' the statement said the rule was wrong.", 'Recalling')).toBe(
      'the statement',
    );
  });
});
