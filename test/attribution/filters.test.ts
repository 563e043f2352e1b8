/**
 * Post-selection rules of src/attribution/filters.ts, on texts written for these tests.
 */
import { parseDocument } from '../../src/document/build';

const cues = (text: string): string[] => parseDocument(text).attribution.relations.map((r) => r.cue.text);
const sourceOf = (text: string, cue: string): string | undefined =>
  parseDocument(text).attribution.relations.find((r) => r.cue.text === cue)?.source?.text;

describe('relative pronoun sources', () => {
  it('a "which" whose antecedent is a thing is no source: no attribution', () => {
    expect(cues('The tax cut, which has seen wide support, passed.')).not.toContain('has seen');
  });

  it('a "which" whose antecedent is an organisation keeps its attribution', () => {
    expect(sourceOf('The company, which said on Monday that profits fell, cut jobs.', 'said')).toBe('which');
  });

  it('a "which" whose antecedent is a document keeps its attribution', () => {
    expect(sourceOf('The report, which found that wages rose, was published.', 'found')).toBe('which');
  });

  it('a "that" whose antecedent is a group keeps its attribution', () => {
    expect(sourceOf('The group that endorsed her is small.', 'endorsed')).toBe('that');
  });

  it('"who" is never checked', () => {
    expect(sourceOf('Maria Lopez, who said the plan would fail, resigned.', 'said')).toBe('who');
  });
});

describe('attribution nouns and idioms with nothing reported', () => {
  it('an attribution noun with no content and its source after "from" is no attribution ("the silence from the board")', () => {
    expect(cues('The silence from the board speaks volumes.')).toEqual([]);
    expect(cues('Her criticism of the plan was sharp.')).toContain('criticism of');
  });

  it('"speaks volumes" and "speaks for itself" are no cue', () => {
    expect(cues('The record of the council speaks for itself.')).toEqual([]);
  });
});
