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
